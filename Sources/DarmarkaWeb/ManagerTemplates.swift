import Mustache

/// The templates of the manager's and coordinator's pages, and the partials
/// the box page and home page include. As in `Templates`: every `{{value}}`
/// is escaped; the one triple `{{{report}}}` is the report's HTML body,
/// which `Report.htmlBody` escapes itself. No inline script or style.
enum ManagerTemplates {
    static let all: [(String, String)] = [
        ("boxManage", boxManage), ("homeLinks", homeLinks), ("manageForm", manageForm), ("claim", claim),
        ("centre", centre), ("reports", reports), ("import", importPage),
    ]

    /// The box page's buttons for a manager, and the link to the centre.
    static let boxManage = """
        {{#canManage}}<link rel="stylesheet" href="/static/manage.css"><nav class="manage">\
        <a class="btn" href="/b/{{code}}/transfer">{{m.transfer}}</a>\
        <a class="btn" href="/b/{{code}}/writeoff">{{m.writeoff}}</a>\
        <a class="btn" href="/b/{{code}}/count">{{m.count}}</a>\
        </nav>{{/canManage}}
        {{#canReadCentre}}<p><a href="/c/{{centre}}">{{m.centrePage}} {{centre}}</a></p>{{/canReadCentre}}
        """

    /// What the home page links to, by role.
    static let homeLinks = """
        {{#homeLinks}}<nav class="links">
        {{#centres}}<a class="btn" href="/c/{{code}}">{{m.centrePage}} {{code}} · {{name}}</a>{{/centres}}
        {{#reports}}<a class="btn" href="/reports">{{m.reports}}</a>{{/reports}}
        {{#import}}<a class="btn" href="/import">{{m.importTitle}}</a>{{/import}}
        </nav>{{/homeLinks}}
        """

    /// Transfer, write-off and stock take: one form, each with its own fields.
    static let manageForm = """
        <h1>{{heading}}</h1>
        <p class="sub"><a href="/b/{{code}}">{{t.box}} {{code}}</a>{{#boxName}} · {{boxName}}{{/boxName}}</p>
        {{#errors.form}}<p class="err" role="alert">{{errors.form}}</p>{{/errors.form}}
        <form method="post" action="/b/{{code}}/{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="key" value="{{key}}">
        {{#transfer}}
        <label>{{m.toBox}}<input name="to" value="{{values.to}}" autocapitalize="characters" autocomplete="off" placeholder="{{m.toBoxHint}}"></label>
        {{#errors.to}}<p class="err" role="alert">{{errors.to}}</p>{{/errors.to}}
        {{/transfer}}
        <label>{{t.category}}<input name="category" value="{{values.category}}" list="categories" autocomplete="off" placeholder="{{t.categoryHint}}"></label>
        <datalist id="categories">{{#held}}<option value="{{name}}">{{quantity}}</option>{{/held}}{{#categories}}<option value="{{name}}">{{/categories}}</datalist>
        {{#errors.category}}<p class="err" role="alert">{{errors.category}}</p>{{/errors.category}}
        <label>{{#count}}{{m.counted}}{{/count}}{{^count}}{{t.quantity}}{{/count}}<input name="quantity" value="{{values.quantity}}" inputmode="numeric"></label>
        {{#errors.quantity}}<p class="err" role="alert">{{errors.quantity}}</p>{{/errors.quantity}}
        {{#count}}<p class="hint">{{m.countHint}}</p>{{/count}}
        {{^count}}
        <label>{{t.kg}}<input name="kg" value="{{values.kg}}" inputmode="decimal"></label>
        {{#errors.kg}}<p class="err" role="alert">{{errors.kg}}</p>{{/errors.kg}}
        <label>{{t.condition}}<select name="condition"><option value="">{{t.conditionAny}}</option>{{#conditions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/conditions}}</select></label>
        {{#errors.condition}}<p class="err" role="alert">{{errors.condition}}</p>{{/errors.condition}}
        {{/count}}
        {{#writeoff}}<label>{{m.reason}}<input name="reason" value="{{values.reason}}"></label>{{/writeoff}}
        <label>{{t.note}}<input name="note" value="{{values.note}}"></label>
        {{#errors.note}}<p class="err" role="alert">{{errors.note}}</p>{{/errors.note}}
        <button class="main">{{t.save}}</button>
        </form>
        {{#hasHeld}}<h2>{{t.stock}}</h2><ul class="stock">{{#held}}<li><span>{{name}}</span><b>{{quantity}} {{t.items}}</b></li>{{/held}}</ul>{{/hasHeld}}
        """

    /// A pre-printed code that is not yet a box, offered to a manager.
    static let claim = """
        <h1>{{t.box}} {{code}}</h1>
        <p>{{about}}</p>
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/b/{{code}}/claim">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{m.claimCentre}}<select name="centre">{{#centres}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/centres}}</select></label>
        <label class="check"><input type="checkbox" name="otherCentre" value="1"{{#values.otherCentre}} checked{{/values.otherCentre}}>{{m.otherCentre}}</label>
        <label>{{m.boxName}}<input name="name" value="{{values.name}}"></label>
        <label>{{m.boxKind}}<select name="kind">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/kinds}}</select></label>
        <button class="main">{{m.claimButton}}</button>
        </form>
        """

    /// A centre's boxes with their totals, and its label sheets for a manager.
    static let centre = """
        <link rel="stylesheet" href="/static/manage.css">
        <h1>{{m.centrePage}} {{centre}}</h1>
        <p class="sub">{{centreName}}{{#canReport}} · <a href="/reports?centre={{centre}}">{{m.reports}}</a>{{/canReport}}</p>
        <h2>{{m.boxes}}</h2>
        {{#hasBoxes}}<table class="boxes"><thead><tr><th>{{m.boxCode}}</th><th class="n">{{m.boxTotal}}</th><th class="n">{{m.kgTotal}}</th></tr></thead><tbody>
        {{#boxes}}<tr><td><a href="/b/{{code}}">{{code}}</a>{{#name}}<br><small>{{name}}</small>{{/name}}{{#retired}}<br><small>{{m.retired}}</small>{{/retired}}</td><td class="n">{{items}}</td><td class="n">{{kg}}</td></tr>{{/boxes}}
        </tbody><tfoot><tr><th>{{m.centreTotal}}</th><th class="n">{{totalItems}}</th><th class="n">{{totalKg}}</th></tr></tfoot></table>{{/hasBoxes}}
        {{^hasBoxes}}<p>{{m.noBoxes}}</p>{{/hasBoxes}}
        {{#canManage}}
        <h2>{{m.labels}}</h2>
        {{#errors.labels}}<p class="err" role="alert">{{errors.labels}}</p>{{/errors.labels}}
        <form method="post" action="/c/{{centre}}/labels">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="key" value="{{key}}">
        <label>{{m.template}}<input name="template" value="{{values.template}}" list="templates" autocomplete="off"></label>
        <datalist id="templates">{{#templates}}<option value="{{id}}">{{/templates}}</datalist>
        {{#errors.template}}<p class="err" role="alert">{{errors.template}}</p>{{/errors.template}}
        <label>{{m.skip}}<input name="skip" value="{{values.skip}}" inputmode="numeric"></label>
        {{#errors.skip}}<p class="err" role="alert">{{errors.skip}}</p>{{/errors.skip}}
        <label>{{m.copies}}<input name="copies" value="{{values.copies}}" inputmode="numeric"></label>
        {{#errors.copies}}<p class="err" role="alert">{{errors.copies}}</p>{{/errors.copies}}
        <label class="check"><input type="checkbox" name="outline" value="1"{{#values.outline}} checked{{/values.outline}}>{{m.outline}}</label>
        <button class="main" name="what" value="boxes">{{m.labelsOfBoxes}}</button>
        <label>{{m.blankCount}}<input name="count" value="{{values.count}}" inputmode="numeric"></label>
        {{#errors.count}}<p class="err" role="alert">{{errors.count}}</p>{{/errors.count}}
        <button class="main" name="what" value="blank">{{m.labelsBlank}}</button>
        <p class="hint">{{m.labelsHint}}</p>
        </form>
        {{/canManage}}
        """

    /// The reports page: the period and centre, then the report itself.
    static let reports = """
        <link rel="stylesheet" href="/static/manage.css">
        <h1>{{m.reports}}</h1>
        {{#errors.form}}<p class="err" role="alert">{{errors.form}}</p>{{/errors.form}}
        <form method="get" action="/reports" class="report-form">
        <label>{{m.reportPeriod}}<select name="period">{{#periods}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/periods}}</select></label>
        {{#errors.period}}<p class="err" role="alert">{{errors.period}}</p>{{/errors.period}}
        <label>{{m.month}}<input name="month" type="month" value="{{values.month}}"></label>
        {{#errors.month}}<p class="err" role="alert">{{errors.month}}</p>{{/errors.month}}
        <label>{{m.year}}<input name="year" value="{{values.year}}" inputmode="numeric"></label>
        {{#errors.year}}<p class="err" role="alert">{{errors.year}}</p>{{/errors.year}}
        <label>{{m.from}}<input name="from" type="date" value="{{values.from}}"></label>
        {{#errors.from}}<p class="err" role="alert">{{errors.from}}</p>{{/errors.from}}
        <label>{{m.to}}<input name="to" type="date" value="{{values.to}}"></label>
        {{#errors.to}}<p class="err" role="alert">{{errors.to}}</p>{{/errors.to}}
        <label>{{m.noReportCentre}}<select name="centre">{{#whole}}<option value="">{{m.wholeOrganisation}}</option>{{/whole}}{{#centres}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/centres}}</select></label>
        {{#errors.centre}}<p class="err" role="alert">{{errors.centre}}</p>{{/errors.centre}}
        <button class="main">{{m.show}}</button>
        </form>
        {{#hasDownloads}}<p class="downloads">{{m.download}}: {{#downloads}}<a class="btn" href="{{href}}">{{label}}</a> {{/downloads}}</p>{{/hasDownloads}}
        {{#done}}<div class="ok" role="status"><p>{{done}}</p></div>{{/done}}
        {{#report}}<article class="report">{{{report}}}</article>{{/report}}
        {{#setsTargets}}
        <h2>{{m.targets}}</h2>
        <form method="post" action="/reports/targets">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{m.metric}}<select name="metric">{{#metrics}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/metrics}}</select></label>
        {{#targetErrors.metric}}<p class="err" role="alert">{{targetErrors.metric}}</p>{{/targetErrors.metric}}
        <label>{{m.targetValue}}<input name="value" value="{{target.value}}" inputmode="decimal"></label>
        {{#targetErrors.value}}<p class="err" role="alert">{{targetErrors.value}}</p>{{/targetErrors.value}}
        <label>{{m.targetPeriod}}<input name="period" value="{{target.period}}"></label>
        {{#targetErrors.period}}<p class="err" role="alert">{{targetErrors.period}}</p>{{/targetErrors.period}}
        <button class="main">{{m.setTarget}}</button>
        </form>
        {{/setsTargets}}
        """

    /// Import: the file, the dry run's problems as a table, then «Загрузить».
    static let importPage = """
        <link rel="stylesheet" href="/static/manage.css">
        <h1>{{m.importTitle}}</h1>
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        {{#hasProblems}}<table class="problems"><thead><tr><th>{{m.line}}</th><th>{{m.column}}</th><th>{{m.problem}}</th></tr></thead><tbody>
        {{#problems}}<tr><td class="n">{{line}}</td><td>{{column}}</td><td>{{message}}</td></tr>{{/problems}}
        </tbody></table>{{/hasProblems}}
        {{#notes}}<p>{{.}}</p>{{/notes}}
        {{#staged}}<div class="ok" role="status"><p>{{ready}}</p>
        <form method="post" action="/import/commit"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="staged" value="{{staged}}">
        <button class="main">{{m.importLoad}}</button></form></div>{{/staged}}
        <h2>{{#hasNotes}}{{m.importAnother}}{{/hasNotes}}{{^hasNotes}}{{m.importFile}}{{/hasNotes}}</h2>
        <p class="hint">{{m.importHint}}</p>
        <form method="post" action="/import" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{m.importFile}}<input type="file" name="file" accept=".csv,.txt,.xlsx,text/csv"></label>
        <button class="main">{{m.importCheck}}</button>
        </form>
        """

    /// Tables and the report's chart, for the pages that have them (the box page does not load this).
    static let css = """
        table{border-collapse:collapse;width:100%;margin:.4em 0}
        td,th{border-bottom:1px solid #ddd;padding:6px 4px;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .report{overflow-x:auto}.report table{display:block;overflow-x:auto;white-space:nowrap}
        .report svg{max-width:100%;height:auto}
        .bar{fill:#3b7dd8}.bar2{fill:#e08a2c}
        .downloads{display:flex;gap:8px;flex-wrap:wrap;align-items:center}.downloads .btn{width:auto;min-width:72px}
        .links,.manage{display:grid;gap:10px;margin-top:12px}.manage{grid-template-columns:1fr 1fr 1fr}
        .problems td{overflow-wrap:anywhere}
        """
}
