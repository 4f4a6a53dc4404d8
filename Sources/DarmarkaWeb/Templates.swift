import Mustache

/// The pages' templates. Mustache escapes every `{{value}}` as HTML; the
/// one triple `{{{body}}}` is a page already rendered by these templates.
/// No inline script or style: the Content-Security-Policy forbids both.
enum Templates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("login", login), ("box", box), ("message", message)] + volunteerPages {
            library.register(try MustacheTemplate(string: text), named: name)
        }
        for (name, text) in ManagerTemplates.all { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    static let layout = """
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{heading}} · {{t.title}}</title><link rel="stylesheet" href="/static/app.css"></head>
        <body><header><a href="/">{{t.title}}</a><span>{{#login}}{{login}}{{/login}}</span>{{#csrf}}<form method="post" action="/lang"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{otherLang}}"><input type="hidden" name="next" value="{{here}}"><button class="link">{{t.language}}</button></form>{{/csrf}}{{^csrf}}<a href="{{langHref}}">{{t.language}}</a>{{/csrf}}</header>
        <main>{{{body}}}</main>
        {{#csrf}}<footer><form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button class="link">{{t.signOut}}</button></form></footer>{{/csrf}}
        </body></html>
        """

    static let login = """
        <h1>{{t.signIn}}</h1>
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="next" value="{{next}}">
        <label>{{t.login}}<input name="login" value="{{loginValue}}" autocomplete="username" autocapitalize="none" required></label>
        <label>{{t.password}}<input name="password" type="password" autocomplete="current-password" required></label>
        <button class="main">{{t.signIn}}</button>
        </form>
        """

    static let message = """
        <h1>{{heading}}</h1><p class="err" role="alert">{{error}}</p><p><a class="btn" href="/">{{t.title}}</a></p>
        {{> homeLinks}}
        """

    static let box = """
        <h1>{{t.box}} {{code}}</h1>
        <p class="sub">{{#name}}{{name}} · {{/name}}{{t.centre}} {{centre}} ({{centreName}})</p>
        {{#done}}<div class="ok" role="status"><p>{{done}}</p>
        {{#undoID}}<form method="post" action="/undo/{{undoID}}"><input type="hidden" name="csrf" value="{{csrf}}"><button class="undo">{{t.undo}}</button></form><p class="hint">{{t.undoHint}}</p>{{/undoID}}</div>{{/done}}
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        <h2>{{t.stock}}</h2>
        {{#hasStock}}<ul class="stock">{{#stock}}<li><span>{{name}}</span><b>{{quantity}} {{t.items}}</b><i>{{weight}}</i></li>{{/stock}}</ul>{{/hasStock}}
        {{^hasStock}}<p>{{t.empty}}</p>{{/hasStock}}
        <h2>{{t.lastMovements}}</h2>
        {{#hasMoves}}<ol class="moves">{{#moves}}<li{{#reversal}} class="reversal"{{/reversal}}><b>№{{id}}</b> {{date}} {{kind}}: {{lines}}{{#recipient}} → {{recipient}}{{/recipient}}{{#volunteer}} · {{volunteer}}{{/volunteer}}{{#undoneBy}} · <i class="undone">{{undoneBy}}</i>{{/undoneBy}}{{#note}}<br><i>{{note}}</i>{{/note}}</li>{{/moves}}</ol>{{/hasMoves}}
        {{^hasMoves}}<p>{{t.noMovements}}</p>{{/hasMoves}}
        <p><a class="btn" href="/scan#camera">{{t.scanNext}}</a></p>
        <nav class="actions">{{#canIntake}}<a class="btn main" href="/b/{{code}}/intake">{{t.intake}}</a>{{/canIntake}}{{#canHandout}}<a class="btn main" href="/b/{{code}}/handout">{{t.handout}}</a>{{/canHandout}}</nav>
        {{> boxManage}}
        """

    /// Phone first: one column at 360 px, targets of 44 px, the main action wide.
    static let css = baseCSS + volunteerCSS

    static let baseCSS = """
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.4 system-ui,sans-serif;color:#111;background:#fafafa}
        header{display:flex;gap:12px;justify-content:space-between;align-items:center;padding:0 12px;min-height:48px;background:#234;color:#fff}
        header a{color:#fff;min-height:44px;display:flex;align-items:center}
        main{max-width:640px;margin:0 auto;padding:12px}
        h1{font-size:1.4em;margin:.4em 0}h2{font-size:1.1em;margin:1em 0 .3em}
        .sub{color:#555;margin:0 0 .8em}
        label{display:block;margin:.7em 0 .2em;font-weight:600}
        input,select,button,.btn{font:inherit;min-height:44px;width:100%;padding:8px 10px;border:1px solid #999;border-radius:8px;background:#fff}
        label input,label select{display:block;margin-top:4px;font-weight:400}
        label.check{display:flex;gap:10px;align-items:center}label.check input{width:28px;min-height:28px;margin:0}
        .stepper{display:grid;grid-template-columns:56px 1fr 56px;gap:8px}
        .stepper input{text-align:center}
        button.main,.btn.main{background:#1a6;color:#fff;border-color:#1a6;font-weight:700;margin-top:16px}
        .btn{display:flex;align-items:center;justify-content:center;text-decoration:none;color:#111}
        .actions{display:grid;grid-template-columns:1fr 1fr;gap:10px;position:sticky;bottom:0;background:#fafafa;padding:8px 0}
        .stock,.moves{padding:0;list-style:none;margin:0}
        .stock li{display:grid;grid-template-columns:1fr auto;gap:0 8px;padding:8px 0;border-bottom:1px solid #ddd}
        .stock i{grid-column:1/3;color:#555;font-size:.9em}
        .moves li{padding:6px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
        .moves li.reversal{color:#a00}.moves .undone{color:#a00}
        .err{color:#a00;background:#fee;padding:8px;border-radius:6px;margin:.3em 0}
        .ok{background:#e7f7ec;padding:8px;border-radius:6px}
        .hint{color:#555;font-size:.9em}
        button.undo{background:#fff;border-color:#a00;color:#a00}
        button.link{border:0;background:none;text-decoration:underline;width:auto}
        footer{text-align:center;padding:12px}
        """
}
