import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The volunteer's side of the web app: frequent categories and search,
/// the handout basket, today's event, the scan page, day passes and the
/// language kept on the account.
@Suite("Web volunteer pages")
struct WebVolunteerTests {
    /// Records movements straight through the store, `daysAgo` days back.
    static func intake(_ f: WebFixture, box: Box, _ lines: [(String, Int)], daysAgo: Int = 0) throws {
        try f.store.write { tx in
            let drafts = try lines.map { LineDraft(categoryID: try tx.category($0.0).id, quantity: $0.1) }
            _ = try tx.record(MovementDraft(kind: .intake, date: try tx.today().adding(days: -daysAgo), toBox: box.id, lines: drafts))
        }
    }

    /// Where `needle` first is in `page`, for checking order; Int.max when absent.
    static func place(_ needle: String, in page: Page) -> Int {
        page.body.range(of: needle).map { page.body.distance(from: page.body.startIndex, to: $0.lowerBound) } ?? Int.max
    }

    /// The fields of a form as the page gives them, posted back with changes.
    static func fields(_ page: Page, _ changes: [(String, String)]) -> [(String, String)] {
        [("csrf", page.field("csrf") ?? ""), ("key", page.field("key") ?? ""), ("lines", page.field("lines") ?? "1")] + changes
    }

    /// Text as Mustache escapes it into a page.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    // MARK: Frequent categories and search

    @Test func theCentresMostUsedCategoriesOfTheLast30DaysAreBigButtonsInOrder() async throws {
        let f = try WebFixture()
        try Self.intake(f, box: f.pre, [("обувь", 1), ("посуда", 1)])
        try Self.intake(f, box: f.pre, [("обувь", 5)], daysAgo: 3)
        try Self.intake(f, box: f.pre, [("обувь", 1), ("игрушки", 2)], daysAgo: 29)
        try Self.intake(f, box: f.pre, [("посуда", 1)], daysAgo: 10)
        // Older than 30 days, or at another centre: not this centre's month.
        for _ in 0..<5 { try Self.intake(f, box: f.pre, [("книги", 1)], daysAgo: 31) }
        for _ in 0..<5 { try Self.intake(f, box: f.mat, [("спорт", 1)]) }
        // An undone intake counts for nothing.
        try Self.intake(f, box: f.pre, [("шторы", 1)])
        try f.store.write { tx in _ = try tx.undo(RowID(try tx.history(limit: 1).first?.id ?? 0), volunteer: nil) }
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let form = try await client.get("/b/\(f.pre.code)/intake", cookie: cookie)
            #expect(form.status == .ok)
            #expect(form.body.contains("Частые категории"))
            let shoes = Self.place("name=\"pick\" value=\"shoes\"", in: form)
            let kitchen = Self.place("name=\"pick\" value=\"kitchen\"", in: form)
            let toys = Self.place("name=\"pick\" value=\"toys\"", in: form)
            #expect(shoes < kitchen && kitchen < toys && toys < Int.max)
            for absent in ["books", "sports", "curtains"] { #expect(!form.body.contains("value=\"\(absent)\""), "\(absent)") }
            // A tap on a button fills the category and records nothing; the key and the other values stay.
            let tapped = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                               Self.fields(form, [("pick", "kitchen"), ("quantity", "4"), ("note", "у двери")]))
            #expect(tapped.status == .ok)
            #expect(tapped.body.contains("name=\"category\" value=\"Посуда и кухонная утварь\""))
            #expect(tapped.body.contains("class=\"tile on\" name=\"pick\" value=\"kitchen\""))
            #expect(tapped.body.contains("name=\"quantity\" value=\"4\""))
            #expect(tapped.body.contains("value=\"у двери\""))
            #expect(tapped.field("key") == form.field("key"))
            #expect(try f.movements() == 16)
            // The handout form counts handouts: none yet, so no buttons.
            let handout = try await client.get("/b/\(f.pre.code)/handout", cookie: cookie)
            #expect(!handout.body.contains("name=\"pick\""))
        }
    }

    @Test func searchFindsAnyNameAndNamesTheCandidatesOfAnAmbiguousWordWithoutGuessing() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let form = try await client.get("/b/\(f.pre.code)/intake", cookie: cookie)
            #expect(form.body.contains("name=\"q\""))
            // A synonym the matcher knows, sent by the Enter key (the hidden first button).
            let found = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                              Self.fields(form, [("enter", "1"), ("q", "кроссовки"), ("quantity", "2")]))
            #expect(found.status == .ok)
            #expect(found.body.contains("name=\"category\" value=\"Обувь\""))
            #expect(found.body.contains("Найдено: Обувь"))
            // Two categories fit «бельё»: both are offered, the command line's message is shown, none is chosen.
            let ambiguous = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                                  Self.fields(form, [("find", "1"), ("q", "бельё")]))
            #expect(ambiguous.status == .ok)
            let said = try f.store.read { tx in
                try tx.categoryMatcher().match("бельё").entry(.category, for: "бельё")
            }
            guard case .failure(let problem) = said else { Issue.record("бельё named one category"); return }
            #expect(ambiguous.body.contains(Self.html(problem.text(.ru))))
            #expect(ambiguous.body.contains("name=\"pick\" value=\"linen\""))
            #expect(ambiguous.body.contains("name=\"pick\" value=\"underwear\""))
            #expect(ambiguous.body.contains("name=\"category\" value=\"\""))
            #expect(ambiguous.body.contains("name=\"q\" value=\"бельё\""))
            // Recording with the ambiguous word is refused beside the category, as on the command line.
            let refused = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                                Self.fields(form, [("category", "бельё"), ("quantity", "1")]))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("linen"))
            #expect(try f.movements() == 0)
        }
    }

    // MARK: The handout basket

    @Test func aBasketIsOneHandoutWithItsLinesAndOneVisit() async throws {
        let f = try WebFixture()
        try Self.intake(f, box: f.pre, [("обувь", 5), ("посуда", 5), ("игрушки", 5)])
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let code = f.pre.code.description
            let form = try await client.get("/b/\(code)/handout", cookie: cookie)
            #expect(form.field("lines") == "1")
            // «Ещё категория» adds a line and keeps what was typed.
            let two = try await client.post("/b/\(code)/handout", cookie: cookie,
                                            Self.fields(form, [("add", "1"), ("recipient", "ТД-042"), ("category", "обувь"), ("quantity", "2")]))
            #expect(two.field("lines") == "2")
            #expect(two.body.contains("name=\"category2\""))
            #expect(two.body.contains("value=\"ТД-042\""))
            #expect(two.body.contains("name=\"quantity\" value=\"2\""))
            // A search adds to the basket: the empty second line gets it, then a third line is made.
            let kitchen = try await client.post("/b/\(code)/handout", cookie: cookie,
                                                Self.fields(two, [("recipient", "ТД-042"), ("category", "обувь"), ("quantity", "2"),
                                                                  ("find", "1"), ("q", "посуда")]))
            #expect(kitchen.body.contains("name=\"category2\" value=\"Посуда и кухонная утварь\""))
            let toys = try await client.post("/b/\(code)/handout", cookie: cookie,
                                             Self.fields(kitchen, [("recipient", "ТД-042"), ("category", "обувь"), ("quantity", "2"),
                                                                   ("category2", "Посуда и кухонная утварь"), ("quantity2", "3"),
                                                                   ("find", "1"), ("q", "игрушки")]))
            #expect(toys.field("lines") == "3")
            #expect(toys.body.contains("name=\"category3\" value=\"Игрушки\""))
            #expect(toys.field("key") == form.field("key"))
            #expect(try f.movements() == 1)
            let saved = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              Self.fields(toys, [("recipient", "ТД-042"), ("category", "обувь"), ("quantity", "2"),
                                                                 ("category2", "Посуда и кухонная утварь"), ("quantity2", "3"),
                                                                 ("category3", "Игрушки"), ("quantity3", "1"), ("save", "1")]))
            #expect(saved.status == .ok)
            #expect(saved.body.contains("№2"))
            #expect(saved.body.contains("/undo/2"))
            let entry = try f.store.read { try $0.movement(2) }
            #expect(entry?.kind == .handout)
            #expect(entry?.recipient == "ТД-042")
            #expect(entry?.volunteer == "vera")
            #expect(entry?.lines.map(\.category) == ["shoes", "kitchen", "toys"])
            #expect(entry?.lines.map(\.quantity) == [2, 3, 1])
            #expect(try f.movements() == 2)
            let today = try f.store.read { try $0.today() }
            let facts = try f.store.read { try $0.facts(for: Period(from: today, to: today)).recipients }
            #expect(facts.visits == 1)
            #expect(facts.unique == 1)
            // The same key again records nothing new.
            let again = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              Self.fields(toys, [("recipient", "ТД-042"), ("category", "обувь"), ("quantity", "2"),
                                                                 ("category2", "Посуда и кухонная утварь"), ("quantity2", "3"),
                                                                 ("category3", "Игрушки"), ("quantity3", "1"), ("save", "1")]))
            #expect(again.body.contains("№2"))
            #expect(try f.movements() == 2)
        }
    }

    @Test func aBasketsStepperAndRemoveWorkPerLineAndEnterSaves() async throws {
        let f = try WebFixture()
        try Self.intake(f, box: f.pre, [("обувь", 5), ("посуда", 5)])
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let code = f.pre.code.description
            let form = try await client.get("/b/\(code)/handout", cookie: cookie)
            let basket: [(String, String)] = [("lines", "3"), ("category", "обувь"), ("quantity", "2"),
                                              ("category2", "посуда"), ("quantity2", "3"), ("category3", "игрушки"), ("quantity3", "1")]
            let base = [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? "")]
            let stepped = try await client.post("/b/\(code)/handout", cookie: cookie, base + basket + [("step", "2:1")])
            #expect(stepped.body.contains("name=\"quantity\" value=\"2\""))
            #expect(stepped.body.contains("name=\"quantity2\" value=\"4\""))
            #expect(stepped.body.contains("name=\"quantity3\" value=\"1\""))
            // Removing line 3 leaves two; the stepper never goes below one.
            let removed = try await client.post("/b/\(code)/handout", cookie: cookie, base + basket + [("remove", "3")])
            #expect(removed.field("lines") == "2")
            #expect(!removed.body.contains("игрушки"))
            let floor = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              base + [("lines", "1"), ("category", "обувь"), ("quantity", "1"), ("step", "1:-1")])
            #expect(floor.body.contains("name=\"quantity\" value=\"1\""))
            #expect(try f.movements() == 1)
            // Enter with nothing in the search box records.
            let entered = try await client.post("/b/\(code)/handout", cookie: cookie,
                                                base + [("enter", "1"), ("q", ""), ("lines", "2"), ("category", "обувь"), ("quantity", "2"),
                                                        ("category2", "посуда"), ("quantity2", "3")])
            #expect(entered.status == .ok)
            #expect(try f.store.read { try $0.movement(2) }?.lines.map(\.quantity) == [2, 3])
        }
    }

    @Test func aRefusedBasketSaysEachProblemBesideItsLineAndKeepsEveryValue() async throws {
        let f = try WebFixture()
        try Self.intake(f, box: f.pre, [("обувь", 5), ("посуда", 1)])
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let code = f.pre.code.description
            let form = try await client.get("/b/\(code)/handout", cookie: cookie)
            let basket: [(String, String)] = [("lines", "3"), ("recipient", "ТД-042"), ("note", "с собой"),
                                              ("category", "обувь"), ("quantity", "2"),
                                              ("category2", "посуда"), ("quantity2", "три"),
                                              ("category3", "бельё"), ("quantity3", "1")]
            let refused = try await client.post("/b/\(code)/handout", cookie: cookie,
                                                [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? "")] + basket)
            #expect(refused.status == .unprocessableContent)
            let badQuantity = LedgerProblem.badQuantity("три").text(.ru)
            // Each message follows its own line's field, before the next line begins.
            let quantity2 = Self.place("name=\"quantity2\"", in: refused)
            let said = Self.place(badQuantity, in: refused)
            #expect(quantity2 < said && said < Self.place("name=\"category3\"", in: refused))
            let ambiguous = Self.place("linen", in: refused)
            #expect(Self.place("name=\"category3\"", in: refused) < ambiguous && ambiguous < Self.place("name=\"quantity3\"", in: refused))
            for value in ["value=\"обувь\"", "value=\"посуда\"", "value=\"три\"", "value=\"бельё\"", "value=\"ТД-042\"", "value=\"с собой\""] {
                #expect(refused.body.contains(value), "\(value)")
            }
            #expect(refused.field("key") == form.field("key"))
            // Too little in the box: said beside that line's quantity.
            let short = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? ""), ("lines", "2"),
                                               ("category", "обувь"), ("quantity", "2"), ("category2", "посуда"), ("quantity2", "4")])
            #expect(short.status == .unprocessableContent)
            let err = Self.place("class=\"err\"", in: short)
            #expect(Self.place("name=\"quantity2\"", in: short) < err && err < Self.place("name=\"kg2\"", in: short))
            #expect(short.body.contains("value=\"4\""))
            // A basket with no category at all asks for one.
            let empty = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? ""), ("lines", "2"),
                                               ("category", ""), ("quantity", "1"), ("category2", " "), ("quantity2", "1")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains(BasketProblem.noCategory.text(.ru)))
            #expect(try f.movements() == 1)
            // A line added and left as it came is skipped; one with a quantity but no category is not.
            let forgotten = try await client.post("/b/\(code)/handout", cookie: cookie,
                                                  [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? ""), ("lines", "2"),
                                                   ("category", "обувь"), ("quantity", "1"), ("category2", ""), ("quantity2", "3")])
            #expect(forgotten.status == .unprocessableContent)
            let asked = Self.place(BasketProblem.noCategory.text(.ru), in: forgotten)
            #expect(Self.place("name=\"category2\"", in: forgotten) < asked && asked < Self.place("name=\"quantity2\"", in: forgotten))
            #expect(try f.movements() == 1)
            let skipped = try await client.post("/b/\(code)/handout", cookie: cookie,
                                                [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? ""), ("lines", "2"),
                                                 ("category", "обувь"), ("quantity", "1"), ("category2", ""), ("quantity2", "1")])
            #expect(skipped.status == .ok)
            #expect(try f.store.read { try $0.movement(2) }?.lines.count == 1)
        }
    }

    // MARK: Today's event

    @Test func todaysEventAtTheCentreIsPreselectedAndCanBeUnselected() async throws {
        let f = try WebFixture()
        try Self.intake(f, box: f.pre, [("обувь", 5)])
        let event = try f.store.write { tx in
            let pre = try tx.centre("PRE"), mat = try tx.centre("MAT")
            _ = try tx.addEvent(name: "Ярмарка на Матросова", date: try tx.today(), centre: mat, participants: 0)
            _ = try tx.addEvent(name: "Вчерашняя дармарка", date: try tx.today().adding(days: -1), centre: pre, participants: 0)
            return try tx.addEvent(name: "Дармарка в Предгорном", date: try tx.today(), centre: pre, participants: 0)
        }
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let code = f.pre.code.description
            let form = try await client.get("/b/\(code)/handout", cookie: cookie)
            #expect(form.body.contains("<option value=\"\(event.id)\" selected>Дармарка в Предгорном</option>"))
            #expect(!form.body.contains("Ярмарка на Матросова"))
            #expect(!form.body.contains("Вчерашняя дармарка"))
            // The intake form has no event: the command line records events on handouts only.
            #expect(!(try await client.get("/b/\(code)/intake", cookie: cookie)).body.contains("name=\"event\""))
            let at = try await client.post("/b/\(code)/handout", cookie: cookie,
                                           Self.fields(form, [("event", String(event.id)), ("category", "обувь"), ("quantity", "1")]))
            #expect(at.status == .ok)
            #expect(try f.store.read { try $0.movement(2) }?.event == "Дармарка в Предгорном")
            // Unselected: the handout is not the event's.
            let next = try await client.get("/b/\(code)/handout", cookie: cookie)
            let apart = try await client.post("/b/\(code)/handout", cookie: cookie,
                                              Self.fields(next, [("event", ""), ("category", "обувь"), ("quantity", "1")]))
            #expect(apart.status == .ok)
            #expect(try f.store.read { try $0.movement(3) }?.event == nil)
        }
    }

    // MARK: Scanning

    @Test func theScanPageWorksWithoutJavaScriptAndItsScriptIsAFileOfThisSite() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            #expect(try await client.get("/scan").status == .seeOther)
            let cookie = try await client.signIn("vera")
            let home = try await client.get("/", cookie: cookie)
            #expect(home.body.contains("href=\"/scan\""))
            let page = try await client.get("/scan", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("<form method=\"get\" action=\"/scan\">"))
            #expect(page.body.contains("name=\"code\""))
            // Without a script the hint to use the phone's camera app shows; the camera button is hidden.
            #expect(page.body.contains("<p id=\"nocamera\">Откройте обычную камеру телефона"))
            #expect(page.body.contains("<button id=\"start\" type=\"button\" class=\"main\" hidden>"))
            #expect(page.body.contains("<script src=\"/static/scan.js\" defer></script>"))
            #expect(!page.body.contains("<script>"))
            let csp = page.headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            let script = try await client.get("/static/scan.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.body.contains("BarcodeDetector"))
            // A typed code is read loosely; a scanned label's whole URL too.
            let loose = try await client.get("/scan?code=\(code.lowercased().replacingOccurrences(of: "-", with: ""))", cookie: cookie)
            #expect(loose.status == .seeOther)
            #expect(loose.headers[.location] == "/b/\(code)")
            let url = "HTTPS://DARMARKA.EXAMPLE/B/\(code)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            #expect(try await client.get("/scan?code=\(url)", cookie: cookie).headers[.location] == "/b/\(code)")
            let unknown = try await client.get("/scan?code=B-9999X", cookie: cookie)
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("name=\"code\" value=\"B-9999X\""))
            #expect(unknown.body.contains("class=\"err\""))
            // The box page leads on to the next scan.
            #expect(try await client.get("/b/\(code)", cookie: cookie).body.contains("href=\"/scan#camera\""))
        }
    }

    @Test func theBoxPageAndTheFormsWeighUnder30KBWithEverythingTheyLoad() async throws {
        let f = try WebFixture()
        for _ in 0..<12 { try Self.intake(f, box: f.pre, [("обувь", 5), ("посуда", 4), ("игрушки", 3), ("книги", 2)]) }
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let css = try await client.get("/static/app.css")
            let script = try await client.get("/static/scan.js")
            for path in ["/b/\(f.pre.code)", "/b/\(f.pre.code)/intake", "/b/\(f.pre.code)/handout"] {
                let page = try await client.get(path, cookie: cookie)
                #expect(page.status == .ok)
                // The one stylesheet is all a page loads: no font, image or script from anywhere.
                #expect(!page.body.contains("<script") && !page.body.contains("<img") && !page.body.contains("http"), "\(path)")
                #expect(page.body.utf8.count + css.body.utf8.count < 30_000, "\(path)")
            }
            let scan = try await client.get("/scan", cookie: cookie)
            #expect(scan.body.utf8.count + css.body.utf8.count + script.body.utf8.count < 30_000)
        }
    }

    // MARK: Day passes

    /// A pass for PRE, its link on `https://darmarka.example/b/`, and the token in it.
    static func pass(_ f: WebFixture, hours: Int = 12) throws -> (pass: DayPass, link: String, token: String) {
        let (pass, link) = try f.store.write { tx in
            try DayPassIssue.issue(in: tx, centre: try tx.centre("PRE"), hours: hours, base: "https://darmarka.example/b/")
        }
        return (pass, link, String(link.split(separator: "=").last ?? ""))
    }

    @Test func aDayPassSignsAPhoneInAsAVolunteerWhoseNameTheMovementsCarry() async throws {
        let f = try WebFixture()
        let (_, link, token) = try Self.pass(f)
        #expect(link.hasPrefix("https://darmarka.example/pass?t="))
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let asked = try await client.get("/pass?t=\(token)")
            #expect(asked.status == .ok)
            #expect(asked.body.contains("Как вас зовут?"))
            #expect(asked.body.contains("name=\"name\""))
            // English keeps the link's token.
            #expect(asked.body.contains("href=\"/pass?t=\(token)&amp;lang=en\""))
            #expect(try await client.get("/pass?t=\(token)&lang=en").body.contains("What is your name?"))
            // No name: asked again, nobody signed in, the pass still unused.
            let nameless = try await client.post("/pass", [("t", token), ("name", "  ")])
            #expect(nameless.status == .unprocessableContent)
            #expect(nameless.body.contains(DayPassProblem.emptyName.text(.ru)))
            #expect(nameless.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("darmarka_session=") })
            let opened = try await client.post("/pass", [("t", token), ("name", "Маша")])
            #expect(opened.status == .seeOther)
            let set = opened.headers[values: .setCookie].first { $0.hasPrefix("darmarka_session=") } ?? ""
            #expect(set.contains("HttpOnly"))
            let cookie = String(set.prefix { $0 != ";" })
            let home = try await client.get("/", cookie: cookie)
            #expect(home.body.contains("Маша"))
            #expect(home.body.contains("Пропуск на день"))
            let (_, answer) = try await client.record("intake", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "2")])
            #expect(answer.status == .ok)
            #expect(try f.store.read { try $0.movement(1) }?.volunteer == "Маша")
            // A volunteer of PRE only, and what they recorded they may undo.
            #expect(try await client.get("/b/\(f.mat.code)", cookie: cookie).status == .forbidden)
            let undone = try await client.post("/undo/1", cookie: cookie, [("csrf", answer.field("csrf") ?? "")])
            #expect(undone.status == .ok)
            // The language toggle of the undo's answer comes back to the box, not to `/undo/1`.
            #expect(undone.body.contains("name=\"next\" value=\"/b/\(code)\""))
            #expect(try f.store.read { try $0.movement(2) }?.volunteer == "Маша")
            // One pass, one phone: the link is spent; on the phone that has it, it leads home.
            let again = try await client.get("/pass?t=\(token)")
            #expect(again.status == .gone)
            #expect(again.body.contains(DayPassProblem.used.text(.ru)))
            #expect(try await client.post("/pass", [("t", token), ("name", "Петя")]).status == .gone)
            #expect(try await client.get("/pass?t=\(token)", cookie: cookie).headers[.location] == "/")
            // The pass's account is no user: not listed, and no sign-in form opens it.
            #expect(try f.store.read { try $0.users() }.map(\.login) == ["coord", "vera", "vik"])
            #expect(try await client.post("/login", [("login", "~pass-1"), ("password", "!")]).status == .unauthorized)
            #expect(try await client.get("/pass?t=nonsense").status == .notFound)
        }
    }

    @Test func aRevokedOrExpiredPassIsRefusedAndItsPhoneSignedOut() async throws {
        let f = try WebFixture()
        let (first, _, token) = try Self.pass(f)
        let (_, _, unused) = try Self.pass(f)
        let (_, _, short) = try Self.pass(f, hours: 1)
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let opened = try await client.post("/pass", [("t", token), ("name", "Маша")])
            let cookie = String((opened.headers[values: .setCookie].first { $0.hasPrefix("darmarka_session=") } ?? "").prefix { $0 != ";" })
            #expect(try await client.get("/b/\(code)", cookie: cookie).status == .ok)
            _ = try f.store.write { try $0.revokeDayPass(String(first.id)) }
            // At once: the phone is signed out, and the link is refused.
            #expect(try await client.get("/b/\(code)", cookie: cookie).status == .seeOther)
            let form = try await client.get("/b/\(code)/intake", cookie: cookie)
            #expect(form.status == .seeOther)
            #expect(try await client.post("/b/\(code)/intake", cookie: cookie,
                                          [("csrf", "x"), ("key", "k"), ("category", "обувь"), ("quantity", "1")]).status == .forbidden)
            let revoked = try await client.get("/pass?t=\(token)")
            #expect(revoked.status == .gone)
            #expect(revoked.body.contains(DayPassProblem.revoked.text(.ru)))
            // The short pass, opened now, signs in for its hour only.
            let shortOpened = try await client.post("/pass", [("t", short), ("name", "Петя")])
            #expect(shortOpened.status == .seeOther)
        }
        #expect(try f.movements() == 0)
        // Two hours later: the unused link has not expired (12 hours), the 1-hour pass and its phone have.
        let later = f.store.at(Date().addingTimeInterval(2 * 3600))
        try await f.app(later).test(.router) { client in
            #expect(try await client.get("/pass?t=\(unused)").status == .ok)
            let expired = try await client.get("/pass?t=\(short)")
            #expect(expired.status == .gone)
            #expect(expired.body.contains("Пропуск истёк"))
            #expect(try await client.post("/pass", [("t", short), ("name", "Петя")]).status == .gone)
            #expect(try later.read { try $0.dayPasses() }.map(\.state) == [.expired, .unused, .revoked])
        }
    }

    // MARK: Language

    @Test func theLanguageIsKeptOnTheAccount() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let page = try await client.get("/b/\(code)", cookie: cookie)
            #expect(page.body.contains("Бокс пуст."))
            #expect(page.body.contains("<form method=\"post\" action=\"/lang\">"))
            #expect(try await client.post("/lang", cookie: cookie, [("lang", "en"), ("next", "/b/\(code)")]).status == .forbidden)
            let toggled = try await client.post("/lang", cookie: cookie,
                                                [("csrf", page.field("csrf") ?? ""), ("lang", "en"), ("next", "/b/\(code)")])
            #expect(toggled.status == .seeOther)
            #expect(toggled.headers[.location] == "/b/\(code)")
            #expect(try f.store.read { try $0.user(login: "vera") }?.account.lang == .en)
            // Another phone, no language cookie: English, from the account.
            let other = try await client.signIn("vera")
            let english = try await client.get("/b/\(code)", cookie: other)
            #expect(english.body.contains("The box is empty."))
            #expect(english.body.contains("<html lang=\"en\">"))
            // Another user is still in Russian.
            let coord = try await client.signIn("coord")
            #expect(try await client.get("/b/\(code)", cookie: coord).body.contains("Бокс пуст."))
        }
    }
}
