import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird
import Mustache

/// The pages and what their forms do. Every handler reads the session
/// first and asks `Access` before it reads or writes anything of a box.
struct Pages: Sendable {
    let store: Store
    let settings: WebSettings
    let library: MustacheLibrary

    static let sessionCookie = "darmarka_session"
    static let langCookie = "darmarka_lang"
    /// Failed sign-ins allowed in the window, per login and per address.
    static let failuresPerLogin = 5
    static let failuresPerAddress = 20
    static let failureWindow: TimeInterval = 15 * 60
    /// How long a user may undo what they recorded.
    static let undoWindow: TimeInterval = 15 * 60
    static let maxBody = 64 * 1024

    // MARK: Rendering

    func lang(_ request: Request, _ session: WebSession?) -> Lang {
        if let l = request.uri.queryParameters.get("lang").flatMap({ Lang(rawValue: $0.lowercased()) }) { return l }
        // The language kept on the account wins over a phone's cookie: it is the user's own choice.
        if let l = session?.account.lang { return l }
        if let l = request.cookies[Self.langCookie].flatMap({ Lang(rawValue: $0.value) }) { return l }
        return .ru
    }

    func words(_ lang: Lang) -> [String: String] { Self.wordTables[lang] ?? [:] }

    /// The pages' words by template key, made once per language rather than on every page.
    static let wordTables: [Lang: [String: String]] = Dictionary(uniqueKeysWithValues: Lang.allCases.map { lang in
        (lang, Dictionary(WebWord.allCases.map { ($0.rawValue, $0.phrase.text(lang)) }
                          + WebVolunteerWord.allCases.map { ($0.rawValue, $0.phrase.text(lang)) }, uniquingKeysWith: { first, _ in first }))
    })

    func page(_ request: Request, _ template: String, _ data: [String: Any], heading: String, session: WebSession?,
              status: HTTPResponse.Status = .ok) -> Response {
        let lang = lang(request, session)
        // A missing value is left out: Mustache would print an optional's `nil`.
        var data = Self.present(data)
        data["t"] = words(lang)
        data["heading"] = heading
        if let session { data["csrf"] = session.csrf; data["login"] = session.volunteer }
        let body = library.render(data, withTemplate: template) ?? ""
        // Where the language toggle comes back to: the page, or the one a page
        // answering a POST stands for (`here`, e.g. the box after an undo).
        let here = (data["here"] as? String) ?? request.uri.path
        let otherLang = lang == .ru ? "en" : "ru"
        let html = library.render(Self.present(["t": words(lang), "lang": lang.rawValue, "heading": heading, "body": body,
                                   "here": here, "langHref": here + (here.contains("?") ? "&" : "?") + "lang=" + otherLang,
                                   "otherLang": otherLang,
                                   "csrf": session?.csrf as Any, "login": session?.volunteer as Any]),
                                  withTemplate: "layout") ?? ""
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        // `?lang=` is remembered, so that the next page and a form's answer keep it.
        if let asked = request.uri.queryParameters.get("lang").flatMap({ Lang(rawValue: $0.lowercased()) }) {
            response.setCookie(cookie(Self.langCookie, asked.rawValue, maxAge: 365 * 86400))
        }
        return response
    }

    /// The values that are there, without the optionals that are nil.
    static func present(_ data: [String: Any]) -> [String: Any] {
        data.filter { _, value in
            let mirror = Mirror(reflecting: value)
            return !(mirror.displayStyle == .optional && mirror.children.isEmpty)
        }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func refusal(_ request: Request, _ problem: any UserFacingError, session: WebSession?, status: HTTPResponse.Status) -> Response {
        let text = problem.text(lang(request, session))
        return page(request, "message", ["error": text], heading: String(status.code), session: session, status: status)
    }

    // MARK: Sessions

    func session(_ request: Request) throws -> WebSession? {
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty else { return nil }
        return try store.read { try $0.session(idHash: Secrets.hashed(id)) }
    }

    /// Where to sign in, coming back here afterwards.
    func toLogin(_ request: Request) -> Response {
        let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return .redirect(to: "/login?next=\(next)", type: .normal)
    }

    /// A POST's form, with its session and CSRF token checked: nil and the
    /// answer to give when either fails.
    func postedForm(_ request: Request) async throws -> (form: FormData, session: WebSession)? {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBody)
        let form = FormData(String(buffer: body))
        guard let session = try session(request), let token = form["csrf"], Secrets.same(token, session.csrf) else { return nil }
        return (form, session)
    }

    func forbidden(_ request: Request, session: WebSession?) throws -> Response {
        refusal(request, WebProblem.forbidden, session: session, status: .forbidden)
    }

    // MARK: Home and sign-in

    func home(_ request: Request) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        return try homePage(request, session: session)
    }

    func loginPage(_ request: Request, error: String?, login: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let next: String = request.uri.queryParameters.get("next") ?? "/"
        return page(request, "login", ["error": error as Any, "loginValue": login, "next": next],
                    heading: WebWord.signIn.phrase.text(lang(request, nil)), session: nil, status: status)
    }

    /// Only a path on this site: `//host` or a full URL would send a phone elsewhere after signing in.
    static func safeNext(_ text: String?) -> String {
        guard let t = text, t.hasPrefix("/"), !t.hasPrefix("//"), !t.contains("\\") else { return "/" }
        return t
    }

    func login(_ request: Request, address: String) async throws -> Response {
        var request = request
        let form = FormData(String(buffer: try await request.collectBody(upTo: Self.maxBody)))
        let login = form.text("login") ?? ""
        let password = form["password"] ?? ""
        let lang = lang(request, nil)
        let failures = try store.read { try $0.recentFailures(login: login, address: address, seconds: Self.failureWindow) }
        if failures.login >= Self.failuresPerLogin || failures.address >= Self.failuresPerAddress {
            return try loginPage(request, error: WebProblem.tooManyAttempts.text(lang), login: login, status: .tooManyRequests)
        }
        let found = try store.read { try $0.user(login: login) }
        guard let found, !found.account.disabled, Secrets.verify(password, hash: found.passwordHash) else {
            try store.write { try $0.noteFailedLogin(login, address: address) }
            return try loginPage(request, error: WebProblem.badLogin.text(lang), login: login, status: .unauthorized)
        }
        let id = Secrets.token()
        try store.write { try $0.startSession(idHash: Secrets.hashed(id), user: found.account.id, csrf: Secrets.token(),
                                              seconds: settings.sessionSeconds) }
        var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
        response.setCookie(cookie(Self.sessionCookie, id, maxAge: Int(settings.sessionSeconds)))
        return response
    }

    func logout(_ request: Request) async throws -> Response {
        guard try await postedForm(request) != nil else { return try forbidden(request, session: nil) }
        if let id = request.cookies[Self.sessionCookie]?.value {
            try store.write { try $0.revokeSession(idHash: Secrets.hashed(id)) }
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
        return response
    }

    // MARK: The box page

    /// The box a path names, read as loosely as `resolve` reads it, and
    /// whether the session may do `action` there; else the answer to give.
    func box(_ request: Request, code: String, session: WebSession, action: BoxAction) throws -> Result<Box, ResponseBox> {
        let resolved: ResolvedCode
        // A look-alike typed in Cyrillic arrives percent-encoded.
        let code = code.removingPercentEncoding ?? code
        do {
            resolved = try store.read { try $0.resolve(code) }
        } catch let problem as UserFacingError {
            return .failure(ResponseBox(refusal(request, problem, session: session, status: .notFound)))
        }
        switch resolved {
        case .unclaimed(let c, let centre):
            return .failure(ResponseBox(refusal(request, WebProblem.unclaimedCode(c.description, centre: centre.code),
                                                session: session, status: .notFound)))
        case .box(let box):
            guard Access.allows(session.account, action, centre: box.centreCode) else {
                return .failure(ResponseBox(try forbidden(request, session: session)))
            }
            return .success(box)
        }
    }

    func boxPage(_ request: Request, code: String) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        switch try box(request, code: code, session: session, action: .view) {
        // A pre-printed code not yet a box: a manager may make it one here.
        case .failure(let r): return try claimOffer(request, code: code, session: session) ?? r.response
        case .success(let box): return try boxPage(request, box: box, session: session, done: nil, undoID: nil, error: nil)
        }
    }

    func boxPage(_ request: Request, box: Box, session: WebSession, done: String?, undoID: RowID?, error: String?,
                 status: HTTPResponse.Status = .ok) throws -> Response {
        let lang = lang(request, session)
        let (stock, moves) = try store.read { tx in (try tx.stock(box: box), try tx.history(box: box, limit: 10)) }
        let stockRows: [[String: Any]] = stock.map { line in
            ["name": line.categoryName.text(lang), "quantity": line.quantity,
             "weight": line.grams.value == 0 ? WebWord.notWeighed.phrase.text(lang) : line.grams.kilogramText(decimalSeparator: lang == .ru ? "," : ".") + " " + ReportWords.kg.text(lang)]
        }
        let moveRows: [[String: Any]] = moves.map { m in
            // An undo takes back what its movement did: named as such, its quantities negative.
            let sign = m.reverses == nil ? "" : "−"
            var row: [String: Any] = [
                "id": m.id, "date": m.date.description,
                "kind": m.reverses.map { WebMovementWord.undoOf($0).text(lang) } ?? m.kind.phrase.text(lang),
                "lines": m.lines.map { "\(sign)\($0.quantity) \($0.categoryName.text(lang))" }.joined(separator: ", "),
            ]
            if m.reverses != nil { row["reversal"] = true }
            if let by = m.reversedBy { row["undoneBy"] = WebMovementWord.undoneBy(by).text(lang) }
            if let v = m.volunteer { row["volunteer"] = v }
            if let n = m.note { row["note"] = n }
            if let r = m.recipient { row["recipient"] = r }
            return row
        }
        var data: [String: Any] = [
            "here": "/b/\(box.code)",
            "code": box.code.description, "name": box.name as Any, "centre": box.centreCode, "centreName": box.centreName,
            "stock": stockRows, "hasStock": !stockRows.isEmpty, "moves": moveRows, "hasMoves": !moveRows.isEmpty,
            "canIntake": Access.allows(session.account, .intake, centre: box.centreCode),
            "canHandout": Access.allows(session.account, .handout, centre: box.centreCode),
            "done": done as Any, "undoID": undoID as Any, "error": error as Any,
        ]
        data.merge(managerBoxData(session, box: box, lang: lang)) { mine, _ in mine }
        return page(request, "box", data, heading: "\(WebWord.box.phrase.text(lang)) \(box.code)", session: session, status: status)
    }

    // MARK: What was recorded

    /// The box page saying what was recorded, in the command line's words, with its undo.
    func confirmation(_ request: Request, id: RowID, box: Box, session: WebSession) throws -> Response {
        let lang = lang(request, session)
        let entry = try store.read { try $0.movement(id) }
        var done = "\(WebWord.recorded.phrase.text(lang))\(id)"
        if let entry {
            let said = entry.lines.map { SaidLine(quantity: $0.quantity, category: $0.categoryName) }
            done = said.count == 1
                ? Note.recorded(id: id, kind: entry.kind, quantity: said[0].quantity, category: said[0].category, box: box.code.description).text(lang)
                : MovementLinesNote.recorded(id: id, kind: entry.kind, lines: said, box: box.code.description).text(lang)
        }
        let undoable = entry?.reversedBy == nil
        return try boxPage(request, box: box, session: session, done: done, undoID: undoable ? id : nil, error: nil)
    }

    // MARK: Undo

    func undo(_ request: Request, id text: String) async throws -> Response {
        guard let (_, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        let lang = lang(request, session)
        guard let id = RowID(text), let entry = try store.read({ try $0.movement(id) }) else {
            return refusal(request, LedgerProblem.unknownMovement(text), session: session, status: .notFound)
        }
        guard let code = entry.toBox ?? entry.fromBox else { return try forbidden(request, session: session) }
        let box: Box
        switch try self.box(request, code: code, session: session, action: .undo) {
        case .failure(let r): return r.response
        case .success(let b): box = b
        }
        do {
            let reverse = try store.write { tx -> RowID in
                guard let age = try tx.recordedAge(of: id) else { throw LedgerProblem.unknownMovement(text) }
                // Whose it is goes by the account whose form recorded it, not by a
                // name: a day pass's holder types theirs, and two may type the same.
                guard try tx.recordedInWebApp(id, by: session.account.id) else { throw WebProblem.undoNotYours(id) }
                guard age.seconds <= Self.undoWindow else { throw WebProblem.undoTooLate(id) }
                return try tx.undo(id, volunteer: try tx.volunteer(named: session.volunteer))
            }
            return try boxPage(request, box: box, session: session, done: "\(WebWord.undone.phrase.text(lang))\(reverse)",
                               undoID: nil, error: nil)
        } catch let problem as UserFacingError {
            return try boxPage(request, box: box, session: session, done: nil, undoID: nil, error: problem.text(lang),
                               status: .unprocessableContent)
        }
    }
}

/// A response carried as a failure of a lookup.
struct ResponseBox: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}
