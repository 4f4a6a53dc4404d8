// The volunteer's pages: home, intake and handout, scan, day pass. As in
// `Templates`, Mustache escapes every `{{value}}`, and there is no inline
// script or style: the scan page's camera is `/static/scan.js`.
extension Templates {
    static let volunteerPages: [(String, String)] = [("home", home), ("form", form), ("scan", scan), ("pass", pass)]

    static let home = """
        <h1>{{t.title}}</h1>
        {{#passUntil}}<p class="sub">{{t.dayPass}}: {{login}} · {{t.passUntil}} {{passUntil}}</p>{{/passUntil}}
        <p>{{t.scanHint}}</p>
        <p><a class="btn main" href="/scan">{{t.scan}}</a></p>
        {{> homeLinks}}
        """

    /// Intake and handout. The hidden first button is what Enter presses
    /// (a search when the search box has text, else «Записать»): the first
    /// submit button of a form is its default, and the stepper's «−» must not be.
    static let form = """
        <h1>{{heading}}</h1>
        <p class="sub"><a href="/b/{{code}}">{{t.box}} {{code}}</a>{{#boxName}} · {{boxName}}{{/boxName}}</p>
        {{#errors.form}}<p class="err" role="alert">{{errors.form}}</p>{{/errors.form}}
        <form method="post" action="/b/{{code}}/{{action}}">
        <button class="enter" name="enter" value="1" tabindex="-1" aria-hidden="true">{{t.save}}</button>
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="key" value="{{key}}"><input type="hidden" name="lines" value="{{lineCount}}">
        {{#handout}}
        <label>{{t.recipient}}<input name="recipient" value="{{recipient}}" autocapitalize="characters" autocomplete="off"></label>
        {{#errors.recipient}}<p class="err" role="alert">{{errors.recipient}}</p>{{/errors.recipient}}
        <label class="check"><input type="checkbox" name="new" value="1"{{#isNew}} checked{{/isNew}}>{{t.newRecipient}}</label>
        <label>{{t.group}}<select name="group"><option value="">—</option>{{#groups}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/groups}}</select></label>
        {{#errors.group}}<p class="err" role="alert">{{errors.group}}</p>{{/errors.group}}
        <label>{{t.household}}<input name="household" value="{{household}}" inputmode="numeric"></label>
        {{#errors.household}}<p class="err" role="alert">{{errors.household}}</p>{{/errors.household}}
        {{#hasEvents}}<label>{{t.event}}<select name="event"><option value="">{{t.noEvent}}</option>{{#events}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/events}}</select></label>{{/hasEvents}}
        {{#errors.event}}<p class="err" role="alert">{{errors.event}}</p>{{/errors.event}}
        {{/handout}}
        {{#hasTop}}<h2>{{t.topCategories}}</h2>
        <div class="tiles">{{#top}}<button class="tile{{#on}} on{{/on}}" name="pick" value="{{code}}"{{#on}} aria-pressed="true"{{/on}}>{{name}}</button>{{/top}}</div>{{/hasTop}}
        <label>{{t.findCategory}}</label>
        <div class="search"><input name="q" value="{{query}}" placeholder="{{t.findHint}}" autocomplete="off" aria-label="{{t.findCategory}}"><button name="find" value="1">{{t.find}}</button></div>
        {{#searchMessage}}<p class="found" role="status">{{searchMessage}}</p>{{/searchMessage}}
        {{#hasChoices}}<p class="hint">{{t.chooseOne}}</p><div class="tiles">{{#choices}}<button class="tile" name="pick" value="{{code}}">{{name}}</button>{{/choices}}</div>{{/hasChoices}}
        {{#handout}}<h2>{{t.basket}}</h2>{{/handout}}
        {{#lines}}<fieldset class="line">{{#numbered}}<legend>{{t.line}} {{n}}</legend>{{/numbered}}
        <label>{{t.category}}<input name="category{{s}}" value="{{category}}" list="categories" autocomplete="off" placeholder="{{t.categoryHint}}"></label>
        {{#errCategory}}<p class="err" role="alert">{{errCategory}}</p>{{/errCategory}}
        <label>{{t.quantity}}</label>
        <div class="stepper"><button name="step" value="{{n}}:-1" aria-label="−1">−</button><input name="quantity{{s}}" value="{{quantity}}" inputmode="numeric" aria-label="{{t.quantity}}"><button name="step" value="{{n}}:1" aria-label="+1">+</button></div>
        {{#errQuantity}}<p class="err" role="alert">{{errQuantity}}</p>{{/errQuantity}}
        <label>{{t.kg}}<input name="kg{{s}}" value="{{kg}}" inputmode="decimal"></label>
        {{#errKg}}<p class="err" role="alert">{{errKg}}</p>{{/errKg}}
        {{#removable}}<button class="remove" name="remove" value="{{n}}">{{t.removeLine}}</button>{{/removable}}
        </fieldset>{{/lines}}
        {{#canAdd}}<button class="add" name="add" value="1">{{t.addLine}}</button>{{/canAdd}}
        <datalist id="categories">{{#categories}}<option value="{{name}}">{{/categories}}</datalist>
        <label>{{#handout}}{{t.conditionAll}}{{/handout}}{{^handout}}{{t.condition}}{{/handout}}<select name="condition"><option value="">{{t.conditionAny}}</option>{{#conditions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/conditions}}</select></label>
        {{#errors.condition}}<p class="err" role="alert">{{errors.condition}}</p>{{/errors.condition}}
        <label>{{t.note}}<input name="note" value="{{note}}"></label>
        <button class="main" name="save" value="1">{{t.save}}</button>
        </form>
        """

    /// The camera is for browsers with `BarcodeDetector`; `scan.js` shows it
    /// and hides the hint to use the phone's own camera. The field to type a
    /// code is always there, and is read as loosely as `resolve` reads it.
    static let scan = """
        <h1>{{t.scanTitle}}</h1>
        <div id="camera" class="camera" hidden><video id="video" playsinline muted></video>
        <p id="status" class="hint" role="status">{{t.scanLooking}}</p>
        <button id="stop" type="button">{{t.scanStop}}</button></div>
        <button id="start" type="button" class="main" hidden>{{t.scanCamera}}</button>
        <p id="nocamera">{{t.scanNoCamera}}</p>
        <form method="get" action="/scan">
        <label>{{t.scanType}}<input name="code" value="{{code}}" autocapitalize="characters" autocomplete="off" spellcheck="false" placeholder="B-0001Z"></label>
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        <button class="main">{{t.scanOpen}}</button>
        </form>
        <script src="/static/scan.js" defer></script>
        """

    /// A day pass's first page: the name the ledger will carry.
    static let pass = """
        <h1>{{t.yourName}}</h1>
        <p class="sub">{{t.dayPass}} · {{t.passVolunteer}} {{centre}} · {{t.passUntil}} {{until}}</p>
        <form method="post" action="/pass">
        <input type="hidden" name="t" value="{{token}}">
        <label>{{t.yourName}}<input name="name" value="{{name}}" autocomplete="given-name" maxlength="60" required></label>
        {{#error}}<p class="err" role="alert">{{error}}</p>{{/error}}
        <p class="hint">{{t.yourNameHint}}</p>
        <button class="main">{{t.start}}</button>
        </form>
        """

    static let volunteerCSS = """
        .enter{position:absolute;left:-9999px;width:1px;height:1px;min-height:0;overflow:hidden}
        .tiles{display:grid;grid-template-columns:1fr 1fr;gap:8px}
        .tile{min-height:56px;font-weight:600;overflow-wrap:anywhere}
        .tile.on{background:#1a6;color:#fff;border-color:#1a6}
        .search{display:grid;grid-template-columns:1fr auto;gap:8px}.search button{width:auto}
        .found{background:#eef;padding:8px;border-radius:6px;margin:.3em 0}
        fieldset.line{border:1px solid #ccc;border-radius:8px;padding:4px 10px 10px;margin:10px 0;min-width:0}
        button.remove,button.add{margin-top:8px}button.remove{color:#a00}
        header form{margin:0}header button.link{color:#fff;min-height:44px;padding:0}
        .camera video{width:100%;max-height:60vh;background:#000;border-radius:8px}
        .sub a{display:inline-flex;align-items:center;min-height:44px}
        [hidden]{display:none!important}
        """

    /// The scan page's camera, on browsers that have `BarcodeDetector`
    /// (Chrome on Android): one symbol is read, and the page of what it
    /// names opens through `/scan?code=`, which reads it as the server
    /// reads any typed code. The box page's «Сканировать следующий» comes
    /// back with `#camera`, which turns the camera on again by itself.
    static let scanJS = """
        (function () {
          'use strict';
          var $ = function (id) { return document.getElementById(id); };
          var start = $('start'), stop = $('stop'), camera = $('camera'), video = $('video'), nocamera = $('nocamera');
          if (!start || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
          var stream = null, timer = null, detector = null;
          function halt() {
            clearTimeout(timer);
            if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
            stream = null; camera.hidden = true; start.hidden = false;
          }
          function look() {
            detector.detect(video).then(function (found) {
              if (found.length && found[0].rawValue) {
                halt();
                location.href = '/scan?code=' + encodeURIComponent(found[0].rawValue);
              } else {
                timer = setTimeout(look, 200);
              }
            }, function () { timer = setTimeout(look, 400); });
          }
          function begin() {
            navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
              stream = s; video.srcObject = s; video.play();
              camera.hidden = false; start.hidden = true; look();
            }, function () { halt(); nocamera.hidden = false; });
          }
          window.BarcodeDetector.getSupportedFormats().then(function (formats) {
            if (formats.indexOf('qr_code') < 0) return;
            detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            nocamera.hidden = true; start.hidden = false;
            start.addEventListener('click', begin);
            stop.addEventListener('click', halt);
            if (location.hash === '#camera') begin();
          });
        })();
        """
}
