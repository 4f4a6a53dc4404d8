import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web: manager's box forms and claiming codes")
struct WebManagerTests {
    @Test func aManagerTransfersWritesOffAndCountsInTheCommandLinesWords() async throws {
        let f = try WebFixture()
        let second = try f.withManager(shoes: 5)
        let code = f.pre.code.description
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("mara")
            let box = try await client.get("/b/\(code)", cookie: cookie)
            #expect(box.body.contains("/b/\(code)/transfer") && box.body.contains("/b/\(code)/writeoff") && box.body.contains("/b/\(code)/count"))
            #expect(box.body.contains("href=\"/c/PRE\""))

            let (_, moved) = try await client.record("transfer", box: code, cookie: cookie,
                                                     [("to", second.code.description.lowercased()), ("category", "обувь"), ("quantity", "2")])
            #expect(moved.status == .ok)
            let shoes = try f.store.read { try $0.category("обувь").names }
            #expect(moved.body.contains(Note.transferred(id: 2, quantity: 2, category: shoes, from: code, to: second.code.description).text(.ru).html))
            #expect(try f.quantity(f.pre) == 3 && f.quantity(second) == 2)
            #expect(try f.store.read { try $0.movement(2) }?.volunteer == "mara")

            let (_, written) = try await client.record("writeoff", box: code, cookie: cookie,
                                                       [("category", "обувь"), ("quantity", "1"), ("reason", "ветошь")])
            #expect(written.status == .ok)
            #expect(try f.store.read { try $0.movement(3) }?.note == "ветошь")
            #expect(try f.quantity(f.pre) == 2)

            // A count that agrees records nothing; one that differs records the difference.
            let (_, agrees) = try await client.record("count", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "2")])
            #expect(agrees.status == .ok)
            #expect(agrees.body.contains(Note.countAgrees(box: code, category: shoes, quantity: 2).text(.ru).html))
            #expect(try f.movements() == 3)
            let (countForm, counted) = try await client.record("count", box: code, cookie: cookie, [("category", "обувь"), ("quantity", "0")])
            #expect(counted.status == .ok)
            #expect(try f.quantity(f.pre) == 0)
            #expect(try f.store.read { try $0.movement(4) }?.kind == .adjustment)
            #expect(counted.body.contains(Note.adjusted(id: 4, box: code, category: shoes, from: 2, to: 0).text(.ru).html))

            // The same form sent again (a double tap, a retry) records nothing more.
            let again = try await client.post("/b/\(code)/count", cookie: cookie,
                                              [("csrf", countForm.field("csrf") ?? ""), ("key", countForm.field("key") ?? ""),
                                               ("category", "обувь"), ("quantity", "0")])
            #expect(again.status == .ok)
            #expect(try f.movements() == 4)
        }
    }

    @Test func aRefusedTransferKeepsItsValuesAndSaysTheCommandLinesProblem() async throws {
        let f = try WebFixture()
        let second = try f.withManager(shoes: 1)
        try await f.app().test(.router) { client in
            let cookie = try await client.signIn("mara")
            let (_, refused) = try await client.record("transfer", box: f.pre.code.description, cookie: cookie,
                                                       [("to", second.code.description), ("category", "обувь"), ("quantity", "4"), ("note", "к окну")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"4\"") && refused.body.contains("value=\"к окну\"") && refused.body.contains("value=\"обувь\""))
            #expect(refused.body.contains("class=\"err\""))
            let (_, same) = try await client.record("transfer", box: f.pre.code.description, cookie: cookie,
                                                    [("to", f.pre.code.description), ("category", "обувь"), ("quantity", "1")])
            #expect(same.status == .unprocessableContent)
            #expect(same.body.contains(LedgerProblem.transferToSameBox.text(.ru).html))
            let (_, typo) = try await client.record("writeoff", box: f.pre.code.description, cookie: cookie,
                                                    [("category", "обувь"), ("quantity", "два")])
            #expect(typo.body.contains(LedgerProblem.badQuantity("два").text(.ru).html))
            #expect(try f.movements() == 1)
        }
    }

    @Test func aVolunteerOfPREPostingATransferGets403AndNothingIsWritten() async throws {
        let f = try WebFixture()
        let second = try f.withManager(shoes: 3)
        try await f.app().test(.router) { client in
            let vera = try await client.signIn("vera")
            let box = try await client.get("/b/\(f.pre.code)", cookie: vera)
            #expect(!box.body.contains("/transfer"))
            for form in ["transfer", "writeoff", "count"] {
                #expect(try await client.get("/b/\(f.pre.code)/\(form)", cookie: vera).status == .forbidden)
                let crafted = try await client.post("/b/\(f.pre.code)/\(form)", cookie: vera,
                                                    [("csrf", box.field("csrf") ?? ""), ("key", "k-\(form)"), ("to", second.code.description),
                                                     ("category", "обувь"), ("quantity", "1")])
                #expect(crafted.status == .forbidden, "\(form)")
            }
            // A viewer reads the box but posts nothing.
            let vik = try await client.signIn("vik")
            let seen = try await client.get("/b/\(f.pre.code)", cookie: vik)
            #expect(seen.status == .ok && !seen.body.contains("/transfer"))
            let posted = try await client.post("/b/\(f.pre.code)/writeoff", cookie: vik,
                                               [("csrf", seen.field("csrf") ?? ""), ("key", "k"), ("category", "обувь"), ("quantity", "1")])
            #expect(posted.status == .forbidden)
            // A manager of PRE at a MAT box, and a transfer from PRE into MAT.
            let mara = try await client.signIn("mara")
            let own = try await client.get("/b/\(f.pre.code)/transfer", cookie: mara)
            #expect(try await client.get("/b/\(f.mat.code)/count", cookie: mara).status == .forbidden)
            let other = try await client.post("/b/\(f.mat.code)/count", cookie: mara,
                                              [("csrf", own.field("csrf") ?? ""), ("key", "k2"), ("category", "обувь"), ("quantity", "9")])
            #expect(other.status == .forbidden)
            let across = try await client.post("/b/\(f.pre.code)/transfer", cookie: mara,
                                               [("csrf", own.field("csrf") ?? ""), ("key", own.field("key") ?? ""), ("to", f.mat.code.description),
                                                ("category", "обувь"), ("quantity", "1")])
            #expect(across.status == .forbidden)
            #expect(across.body.contains(WebProblem.forbidden.text(.ru).html))
            #expect(try f.movements() == 1)
        }
    }

    @Test func aPreprintedCodeIsOfferedToAManagerAndClaimedOnce() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 0)
        let codes = try f.store.write { tx in try tx.issueCodes(count: 2, centre: try tx.centre("PRE"), purpose: .blank) }
        let code = codes[0].description
        try await f.app().test(.router) { client in
            // A volunteer gets the page saying what the code is, and no form.
            let vera = try await client.signIn("vera")
            let seen = try await client.get("/b/\(code)", cookie: vera)
            #expect(seen.status == .notFound)
            #expect(!seen.body.contains("/claim"))
            let crafted = try await client.post("/b/\(code)/claim", cookie: vera, [("csrf", seen.field("csrf") ?? ""), ("centre", "PRE")])
            #expect(crafted.status == .forbidden)

            let mara = try await client.signIn("mara")
            let offer = try await client.get("/B/\(code.lowercased())", cookie: mara)
            #expect(offer.status == .ok)
            #expect(offer.body.contains("action=\"/b/\(code)/claim\""))
            #expect(offer.body.contains(WebManagerNote.unclaimed(code: code, centre: "PRE").text(.ru).html))
            // A manager of PRE may not make it a box of MAT, also by a crafted POST.
            let elsewhere = try await client.post("/b/\(code)/claim", cookie: mara, [("csrf", offer.field("csrf") ?? ""), ("centre", "MAT")])
            #expect(elsewhere.status == .forbidden)
            let claimed = try await client.post("/b/\(code)/claim", cookie: mara,
                                                [("csrf", offer.field("csrf") ?? ""), ("centre", "PRE"), ("name", "Игрушки"), ("kind", "sorting")])
            #expect(claimed.status == .ok)
            #expect(claimed.body.contains(Note.boxAdded(code: code, centre: "PRE").text(.ru).html))
            let box = try f.store.read { try $0.box(code) }
            #expect(box.name == "Игрушки" && box.kind == .sorting && box.centreCode == "PRE")
            // Sent twice: the box is shown, and nothing else is made.
            let twice = try await client.post("/b/\(code)/claim", cookie: mara, [("csrf", offer.field("csrf") ?? ""), ("centre", "PRE")])
            #expect(twice.status == .ok && twice.body.contains("Игрушки"))
            #expect(try f.store.read { try $0.boxes() }.count == 4)
        }
    }
}

@Suite("Web: the centre page and its labels")
struct WebCentreTests {
    @Test func theCentrePageListsItsBoxesWithTotalsForWhoMayReadIt() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 7)
        try await f.app().test(.router) { client in
            let mara = try await client.signIn("mara")
            let page = try await client.get("/c/pre", cookie: mara)
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/b/\(f.pre.code)\"") && page.body.contains("Склад"))
            #expect(page.body.contains("<td class=\"n\">7</td>"))
            #expect(!page.body.contains(f.mat.code.description))
            #expect(page.body.contains("action=\"/c/PRE/labels\""))
            let home = try await client.get("/", cookie: mara)
            #expect(home.body.contains("href=\"/c/PRE\"") && !home.body.contains("href=\"/c/MAT\""))
            #expect(home.body.contains("href=\"/reports\"") && !home.body.contains("href=\"/import\""))
            #expect(try await client.get("/c/MAT", cookie: mara).status == .forbidden)
            #expect(try await client.get("/c/NOPE", cookie: mara).status == .notFound)
            // A volunteer reads their centre's stock, without labels; a viewer reads any.
            let vera = try await client.signIn("vera")
            let seen = try await client.get("/c/PRE", cookie: vera)
            #expect(seen.status == .ok && !seen.body.contains("/labels"))
            #expect(try await client.get("/c/MAT", cookie: vera).status == .forbidden)
            let vik = try await client.signIn("vik")
            #expect(try await client.get("/c/MAT", cookie: vik).status == .ok)
            let english = try await client.get("/c/PRE?lang=en", cookie: vik)
            #expect(english.body.contains(WebManagerWord.boxes.phrase.en) && english.body.contains(WebManagerWord.centreTotal.phrase.en))
        }
    }

    @Test func aBoxNameIsEscapedOnTheCentrePage() async throws {
        let f = try WebFixture(preBoxName: "<script>alert(1)</script>")
        try await f.app().test(.router) { client in
            let coord = try await client.signIn("coord")
            let page = try await client.get("/c/PRE", cookie: coord)
            #expect(page.status == .ok)
            #expect(!page.body.contains("<script>") && page.body.contains("&lt;script&gt;"))
        }
    }

    @Test func labelsOfTheBoxesAreARealPDFWithTheServersURLInTheirSymbols() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 0)
        let app = Application(router: try WebApp.router(store: f.store, settings: WebSettings(urlBase: "https://darmarka.example", bcryptCost: 4)))
        try await app.test(.router) { client in
            let mara = try await client.signIn("mara")
            let page = try await client.get("/c/PRE", cookie: mara)
            let pdf = try await client.postForDownload("/c/PRE/labels", cookie: mara,
                                                       [("csrf", page.field("csrf") ?? ""), ("key", page.field("key") ?? ""), ("what", "boxes"),
                                                        ("template", "L7160"), ("skip", "0"), ("copies", "1")])
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try WebTools.pages(pdf.bytes, in: f.dir) == 1)
            let symbols = try WebTools.symbols(pdf.bytes, in: f.dir)
            #expect(Set(symbols) == Set(try f.store.read { try $0.boxes(centre: try $0.centre("PRE")) }
                .map { "HTTPS://DARMARKA.EXAMPLE/B/\($0.code)" }))
        }
    }

    @Test func newCodesAreIssuedOnceAndAFailedRenderUsesUpNone() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 0)
        // Codes are issued in order of serial; an issued one resolves, as a box or a pre-printed code.
        @Sendable func issued() throws -> Int {
            try f.store.read { tx in
                var n = 0, serial = 1
                while let code = BoxCode.firstIssuable(from: serial), (try? tx.resolve(code.description)) != nil {
                    n += 1
                    serial = code.serial + 1
                }
                return n
            }
        }
        let before = try issued()
        try await f.app().test(.router) { client in
            let mara = try await client.signIn("mara")
            let page = try await client.get("/c/PRE", cookie: mara)
            let fields = [("csrf", page.field("csrf") ?? ""), ("key", page.field("key") ?? ""), ("what", "blank"),
                          ("template", "L7160"), ("skip", "2"), ("copies", "1"), ("count", "30")]
            let pdf = try await client.postForDownload("/c/PRE/labels", cookie: mara, fields)
            #expect(pdf.status == .ok && pdf.bytes.starts(with: Array("%PDF".utf8)))
            // L7160 holds 21 labels a sheet: 2 used + 30 new take 2 pages.
            #expect(try WebTools.pages(pdf.bytes, in: f.dir) == 2)
            #expect(try issued() == before + 30)
            // The same form again draws the same codes and issues none.
            let again = try await client.postForDownload("/c/PRE/labels", cookie: mara, fields)
            #expect(again.status == .ok)
            #expect(try issued() == before + 30)
            #expect(try WebTools.symbols(again.bytes, in: f.dir) == WebTools.symbols(pdf.bytes, in: f.dir))
            // A refused sheet keeps the values, says why beside the field, and issues nothing.
            let wrong = try await client.post("/c/PRE/labels", cookie: mara,
                                              [("csrf", page.field("csrf") ?? ""), ("key", "other"), ("what", "blank"),
                                               ("template", "NO-SUCH-SHEET-123"), ("skip", "0"), ("copies", "1"), ("count", "5")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("value=\"NO-SUCH-SHEET-123\""))
            #expect(try issued() == before + 30)
            let badSkip = try await client.post("/c/PRE/labels", cookie: mara,
                                                [("csrf", page.field("csrf") ?? ""), ("key", "third"), ("what", "blank"),
                                                 ("template", "L7160"), ("skip", "21"), ("copies", "1"), ("count", "5")])
            #expect(badSkip.status == .unprocessableContent)
            #expect(try issued() == before + 30)
            // A volunteer gets 403 for a crafted sheet.
            let vera = try await client.signIn("vera")
            let seen = try await client.get("/c/PRE", cookie: vera)
            let crafted = try await client.post("/c/PRE/labels", cookie: vera,
                                                 [("csrf", seen.field("csrf") ?? ""), ("key", "v"), ("what", "blank"), ("template", "L7160"), ("count", "5")])
            #expect(crafted.status == .forbidden)
            #expect(try issued() == before + 30)
        }
    }
}
