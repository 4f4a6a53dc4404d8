import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web routes")
struct WebRouteTests {
    @Test func healthzAnswersWithTheSecurityHeaders() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let page = try await client.get("/healthz")
            #expect(page.status == .ok)
            #expect(page.body == "ok\n")
            let csp = page.headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func signsInWithAnHttpOnlyLaxCookieAndRefusesAWrongPassword() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let out = try await client.get("/b/\(f.pre.code)")
            #expect(out.status == .seeOther)
            #expect(out.headers[.location]?.hasPrefix("/login?next=") == true)
            // The sign-in page carries the box's path, to come back to it.
            let login = try await client.get(out.headers[.location] ?? "")
            #expect(login.field("next") == "/b/\(f.pre.code)")
            let wrong = try await client.post("/login", [("login", "vera"), ("password", "nope-nope")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Неверный логин или пароль."))
            #expect(wrong.body.contains("value=\"vera\""))
            let ok = try await client.post("/login", [("login", "vera"), ("password", WebFixture.password), ("next", "/b/\(f.pre.code)")])
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/b/\(f.pre.code)")
            let cookie = ok.headers[values: .setCookie].first { $0.hasPrefix("darmarka_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            // A `next` that leaves the site is not followed.
            let away = try await client.post("/login", [("login", "vera"), ("password", WebFixture.password), ("next", "//evil.example")])
            #expect(away.headers[.location] == "/")
        }
    }

    @Test func failedSignInsAreThrottledPerLogin() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            for _ in 0..<Pages.failuresPerLogin {
                #expect(try await client.post("/login", [("login", "coord"), ("password", "guess-guess")]).status == .unauthorized)
            }
            let right = try await client.post("/login", [("login", "coord"), ("password", WebFixture.password)])
            #expect(right.status == .tooManyRequests)
            #expect(right.body.contains("Подождите 15 минут"))
            // Another login from the same address is not yet blocked.
            #expect(try await client.post("/login", [("login", "vera"), ("password", WebFixture.password)]).status == .seeOther)
        }
    }

    @Test func boxPageReadsTheCodeLooselyAndUnderCapitalB() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let loose = code.lowercased().replacingOccurrences(of: "-", with: "")
            // A Cyrillic В for the Latin B, as a phone keyboard may give it.
            let cyrillic = ("В" + code.dropFirst()).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for path in ["/b/\(code)", "/B/\(code)", "/b/\(loose)", "/B/\(cyrillic)"] {
                let page = try await client.get(path, cookie: cookie)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains("Бокс \(code)"), "\(path)")
                #expect(page.body.contains("Бокс пуст."))
                #expect(page.body.contains("/b/\(code)/intake"))
                // Nothing was recorded: no confirmation, no undo, no error, and no optional printed as `nil`.
                #expect(!page.body.contains("/undo/"))
                #expect(!page.body.contains("class=\"err\""))
                #expect(!page.body.contains("nil"))
            }
            let english = try await client.get("/b/\(code)?lang=en", cookie: cookie)
            #expect(english.body.contains("The box is empty."))
            #expect(try await client.get("/b/B-9999X", cookie: cookie).status == .notFound)
        }
    }

    @Test func intakeRecordsWithTheAccountAndShowsStockUnweighed() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (form, answer) = try await client.record("intake", box: code, cookie: cookie,
                                                         [("category", "обувь"), ("quantity", "3"), ("kg", ""), ("condition", "good")])
            #expect(form.body.contains("inputmode=\"numeric\""))
            #expect(answer.status == .ok)
            #expect(answer.body.contains("№1"))
            #expect(answer.body.contains("/undo/1"))
            #expect(answer.body.contains("не взвешено"))
            let entry = try f.store.read { try $0.movement(1) }
            #expect(entry?.volunteer == "vera")
            #expect(entry?.lines.first?.quantity == 3)
            #expect(entry?.lines.first?.condition == .good)
        }
    }

    @Test func theStepperChangesTheQuantityAndRecordsNothing() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: f.pre.code.description, cookie: cookie,
                                                      [("category", "обувь"), ("quantity", "3"), ("step", "1")])
            #expect(answer.status == .ok)
            #expect(answer.body.contains("name=\"quantity\" value=\"4\""))
            #expect(try f.movements() == 0)
        }
    }

    @Test func aRefusedFormKeepsItsValuesAndSaysTheCoreProblemBesideTheField() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: f.pre.code.description, cookie: cookie,
                                                      [("category", "обувь"), ("quantity", "три"), ("note", "у двери")])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains(LedgerProblem.badQuantity("три").text(.ru)))
            #expect(answer.body.contains("value=\"обувь\""))
            #expect(answer.body.contains("value=\"у двери\""))
            #expect(try f.movements() == 0)
        }
    }

    @Test func handoutToAnUnknownCodeIsRefusedNamingSimilarThenRegisteredWhenNew() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            _ = try await client.record("intake", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "5")])
            let (_, refused) = try await client.record("handout", box: code, cookie: cookie,
                                                       [("recipient", "ТД-043"), ("category", "обувь"), ("quantity", "1")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(RecipientProblem.unknown("ТД-043", similar: ["ТД-042"]).text(.ru)))
            #expect(refused.body.contains("value=\"ТД-043\""))
            #expect(try f.movements() == 1)
            let (_, fresh) = try await client.record("handout", box: code, cookie: cookie,
                                                     [("recipient", "ТД-043"), ("new", "1"), ("group", "pensioner"), ("household", "2"),
                                                      ("category", "обувь"), ("quantity", "1")])
            #expect(fresh.status == .ok)
            #expect(fresh.body.contains("№2"))
            let r = try f.store.read { try $0.recipient("ТД-043") }
            #expect(r?.groupCode == "pensioner")
            #expect(r?.householdSize == 2)
            #expect(try f.store.read { try $0.movement(2) }?.recipient == "ТД-043")
        }
    }

    @Test func aVolunteerOfPREPostingToAMATBoxGets403AndNothingIsWritten() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let own = try await client.get("/b/\(f.pre.code)/intake", cookie: cookie)
            #expect(try await client.get("/b/\(f.mat.code)", cookie: cookie).status == .forbidden)
            #expect(try await client.get("/b/\(f.mat.code)/intake", cookie: cookie).status == .forbidden)
            // A crafted POST with the session's own valid token and a key.
            let crafted = try await client.post("/b/\(f.mat.code)/intake", cookie: cookie,
                                                [("csrf", own.field("csrf") ?? ""), ("key", "k1"), ("category", "обувь"), ("quantity", "1")])
            #expect(crafted.status == .forbidden)
            #expect(try f.movements() == 0)
        }
    }

    @Test func aViewerReadsButCannotPost() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vik")
            let page = try await client.get("/b/\(f.mat.code)", cookie: cookie)
            #expect(page.status == .ok)
            #expect(!page.body.contains("/intake"))
            #expect(try await client.get("/b/\(f.mat.code)/intake", cookie: cookie).status == .forbidden)
            let posted = try await client.post("/b/\(f.mat.code)/intake", cookie: cookie,
                                               [("csrf", page.field("csrf") ?? ""), ("key", "k1"), ("category", "обувь"), ("quantity", "1")])
            #expect(posted.status == .forbidden)
            #expect(try f.movements() == 0)
        }
    }

    @Test func aPostWithoutTheCSRFTokenGets403AndNothingIsWritten() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let form = try await client.get("/b/\(f.pre.code)/intake", cookie: cookie)
            let none = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                             [("key", form.field("key") ?? ""), ("category", "обувь"), ("quantity", "1")])
            #expect(none.status == .forbidden)
            let wrong = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie,
                                              [("csrf", "forged"), ("key", form.field("key") ?? ""), ("category", "обувь"), ("quantity", "1")])
            #expect(wrong.status == .forbidden)
            #expect(try f.movements() == 0)
        }
    }

    @Test func aReplayedIdempotencyKeyLeavesOneMovementAndTheSameConfirmation() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let form = try await client.get("/b/\(f.pre.code)/intake", cookie: cookie)
            let fields = [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? ""), ("category", "обувь"), ("quantity", "2")]
            let first = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie, fields)
            let again = try await client.post("/b/\(f.pre.code)/intake", cookie: cookie, fields)
            #expect(first.status == .ok)
            #expect(again.status == .ok)
            let said = Note.recorded(id: 1, kind: .intake, quantity: 2, category: Phrase(ru: "Обувь", en: "Shoes"),
                                     box: f.pre.code.description).text(.ru)
            #expect(first.body.contains(said))
            #expect(again.body.contains("№1"))
            #expect(!again.body.contains("№2"))
            #expect(try f.movements() == 1)
        }
    }

    @Test func scriptInABoxNameOrANoteComesBackEscaped() async throws {
        let f = try WebFixture(preBoxName: "<script>alert(1)</script>")
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: f.pre.code.description, cookie: cookie,
                                                      [("category", "обувь"), ("quantity", "1"), ("note", "<script>alert(2)</script>")])
            #expect(answer.status == .ok)
            #expect(!answer.body.contains("<script"))
            #expect(answer.body.contains("&lt;script&gt;alert(1)"))
            #expect(answer.body.contains("&lt;script&gt;alert(2)"))
        }
    }

    @Test func undoWorksForTheSameUserWithinFifteenMinutesOnly() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "2")])
            let csrf = answer.field("csrf") ?? ""
            // Another user may not undo it here.
            let coord = try await client.signIn("coord")
            let coordPage = try await client.get("/b/\(code)", cookie: coord)
            let notYours = try await client.post("/undo/1", cookie: coord, [("csrf", coordPage.field("csrf") ?? "")])
            #expect(notYours.status == .unprocessableContent)
            #expect(notYours.body.contains(WebProblem.undoNotYours(1).text(.ru)))
            #expect(try await client.post("/undo/1", cookie: cookie, []).status == .forbidden)
            let undone = try await client.post("/undo/1", cookie: cookie, [("csrf", csrf)])
            #expect(undone.status == .ok)
            #expect(undone.body.contains("№2"))
            #expect(undone.body.contains("Бокс пуст."))
            #expect(try f.store.read { try $0.movement(1) }?.reversedBy == 2)
        }
        // Sixteen minutes later, the next one can no longer be undone from a phone.
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "1")])
            #expect(answer.body.contains("№3"))
            // Counted from after it was recorded: on a busy machine signing
            // in and recording may take longer than the minute to spare.
            let later = f.store.at(Date().addingTimeInterval(16 * 60))
            try await f.app(later).test(.router) { lateClient in
                let lateCookie = try await lateClient.signIn("vera")
                let page = try await lateClient.get("/b/\(code)", cookie: lateCookie)
                let late = try await lateClient.post("/undo/3", cookie: lateCookie, [("csrf", page.field("csrf") ?? "")])
                #expect(late.status == .unprocessableContent)
                #expect(late.body.contains(WebProblem.undoTooLate(3).text(.ru)))
            }
        }
        #expect(try f.movements() == 3)
    }

    @Test func anUndoIsListedAsTheUndoOfItsMovementNotAsAnotherIntake() async throws {
        let f = try WebFixture()
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("vera")
            let (_, answer) = try await client.record("intake", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "2")])
            #expect(try await client.post("/undo/1", cookie: cookie, [("csrf", answer.field("csrf") ?? "")]).status == .ok)
            for lang in [Lang.ru, .en] {
                let page = try await client.get("/b/\(code)?lang=\(lang.rawValue)", cookie: cookie)
                let items = page.body.components(separatedBy: "<li").map { $0.components(separatedBy: "</li>")[0] }
                    .filter { $0.contains("<b>№") }
                let undo = items.first { $0.contains("<b>№2</b>") } ?? ""
                let undone = items.first { $0.contains("<b>№1</b>") } ?? ""
                #expect(undo.hasPrefix(" class=\"reversal\""), "\(lang)")
                #expect(undo.contains(WebMovementWord.undoOf(1).text(lang)), "\(lang)")
                #expect(undo.contains("−2 "), "\(lang)")
                #expect(!undo.contains(MovementKind.intake.phrase.text(lang)), "\(lang)")
                #expect(undone.contains(MovementKind.intake.phrase.text(lang)), "\(lang)")
                #expect(undone.contains(WebMovementWord.undoneBy(2).text(lang)), "\(lang)")
                #expect(!undone.contains("class=\"reversal\""), "\(lang)")
            }
            let ru = try await client.get("/b/\(code)?lang=ru", cookie: cookie)
            #expect(ru.body.contains("Отмена движения №1"))
            #expect(ru.body.contains("отменено движением №2"))
        }
    }
}
