import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing

/// A journal in the command line's Russian header, for the PRE box.
func journal(_ box: String, rows: [[String]]) -> [UInt8] {
    let header = "дата;операция;бокс;в бокс;категория;количество;вес, кг;состояние;получатель;группа;мероприятие;волонтёр;примечание\r\n"
    return Array((header + rows.map { $0.joined(separator: ";") + "\r\n" }.joined()).utf8)
}

func cleanJournal(_ box: String) -> [UInt8] {
    journal(box, rows: [
        ["03.06.2025", "приём", box, "", "обувь", "12", "6,5", "", "", "", "", "Анна", ""],
        ["10.06.2025", "выдача", box, "", "обувь", "4", "", "", "ТД-042", "", "", "Анна", ""],
        ["11.06.2025", "приём", box, "", "посуда", "3", "", "", "", "", "", "Олег", ""],
    ])
}

@Suite("Web: reports")
struct WebReportTests {
    @Test func aViewerReadsTheReportWithItsChartAndDownloadsTheCommandLinesFiles() async throws {
        let f = try WebFixture()
        let path = f.dir.appendingPathComponent("j.csv").path
        try Data(cleanJournal(f.pre.code.description)).write(to: URL(fileURLWithPath: path))
        _ = try JournalImport.run(f.store, path: path, name: "j.csv")
        let month = try #require(YearMonth(year: 2025, month: 6))
        try await f.app().test(.router) { client in
            let vik = try await client.signIn("vik")
            let page = try await client.get("/reports?period=month&month=2025-06", cookie: vik)
            #expect(page.status == .ok)
            #expect(page.body.contains("<svg") && page.body.contains("class=\"bar\""))
            #expect(!page.body.contains("<style") && !page.body.contains("style=") && !page.body.contains("<script"))
            // The figures are the command line's: its JSON report of the same month.
            let json = try f.store.read { try $0.report(.monthly(month)) }.render(.json, lang: .ru)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let received = try #require((object["received"] as? [String: Any])?["items"] as? Int)
            let handed = try #require((object["handedOut"] as? [String: Any])?["items"] as? Int)
            #expect(received == 15 && handed == 4)
            #expect(page.body.contains("<td class=\"n\">\(received)</td>") && page.body.contains("<td class=\"n\">\(handed)</td>"))
            #expect(page.body.contains("/reports/download?format=xlsx&amp;"))

            // Downloads: the types, and the CSV byte for byte as `darmarka report monthly --format csv` writes it.
            let query = "period=month&month=2025-06"
            let csv = try await client.download("/reports/download?format=csv&\(query)", cookie: vik)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("report-2025-06.csv") == true)
            var cli = try f.store.read { tx in
                var r = try tx.report(.monthly(month))
                let seal = try tx.seal()
                r.seal = Report.Seal(movement: seal.movement, hash: seal.hash)
                return r
            }
            cli.isLastWholeMonth = false
            #expect(String(decoding: csv.bytes, as: UTF8.self) == cli.render(.csv, lang: .ru))
            let xlsx = try await client.download("/reports/download?format=xlsx&\(query)", cookie: vik)
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let pdf = try await client.download("/reports/download?format=pdf&\(query)", cookie: vik)
            #expect(pdf.headers[.contentType] == "application/pdf" && pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try (WebTools.pages(pdf.bytes, in: f.dir) ?? 0) >= 1)
            #expect(try await client.download("/reports/download?format=docx&\(query)", cookie: vik).status == .badRequest)

            // A year and a range, and a wrong month said beside its field with the value kept.
            #expect(try await client.get("/reports?period=year&year=2025", cookie: vik).status == .ok)
            let range = try await client.get("/reports?period=range&from=2025-06-01&to=2025-06-10", cookie: vik)
            #expect(range.status == .ok && range.body.contains("<td class=\"n\">12</td>"))
            let wrong = try await client.get("/reports?period=month&month=2025-13", cookie: vik)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains(LedgerProblem.badMonth("2025-13").text(.ru).html) && wrong.body.contains("value=\"2025-13\""))
        }
    }

    @Test func aManagerReadsOnlyTheirCentresAndAVolunteerNone() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 2)
        try await f.app().test(.router) { client in
            let mara = try await client.signIn("mara")
            let own = try await client.get("/reports", cookie: mara)
            #expect(own.status == .ok)
            #expect(own.body.contains("<option value=\"PRE\" selected>") && !own.body.contains("value=\"MAT\""))
            #expect(!own.body.contains(WebManagerWord.wholeOrganisation.phrase.text(.ru)))
            #expect(try await client.get("/reports?centre=MAT", cookie: mara).status == .forbidden)
            #expect(try await client.download("/reports/download?format=csv&centre=MAT", cookie: mara).status == .forbidden)
            let pre = try await client.download("/reports/download?format=csv&centre=PRE", cookie: mara)
            #expect(pre.status == .ok)
            let vera = try await client.signIn("vera")
            #expect(try await client.get("/reports", cookie: vera).status == .forbidden)
            #expect(try await client.download("/reports/download?format=pdf", cookie: vera).status == .forbidden)
            let coord = try await client.signIn("coord")
            let whole = try await client.get("/reports", cookie: coord)
            #expect(whole.body.contains(WebManagerWord.wholeOrganisation.phrase.text(.ru)) && whole.body.contains("value=\"MAT\""))
        }
    }
}

@Suite("Web: grant targets")
struct WebTargetTests {
    @Test func aCoordinatorSetsATargetAndTheReportShowsPlanAgainstActual() async throws {
        let f = try WebFixture()
        let path = f.dir.appendingPathComponent("j.csv").path
        try Data(cleanJournal(f.pre.code.description)).write(to: URL(fileURLWithPath: path))
        _ = try JournalImport.run(f.store, path: path, name: "j.csv")
        _ = try f.withManager(shoes: 0)
        try await f.app().test(.router) { client in
            let coord = try await client.signIn("coord")
            let page = try await client.get("/reports", cookie: coord)
            #expect(page.body.contains("action=\"/reports/targets\""))
            let wrong = try await client.post("/reports/targets", cookie: coord,
                                              [("csrf", page.field("csrf") ?? ""), ("metric", "items-received"), ("value", "много"), ("period", "2025")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains(LedgerProblem.badQuantity("много").text(.ru).html) && wrong.body.contains("value=\"много\""))
            let set = try await client.post("/reports/targets", cookie: coord,
                                            [("csrf", page.field("csrf") ?? ""), ("metric", "items-received"), ("value", "30"), ("period", "2025")])
            #expect(set.status == .ok)
            #expect(try f.store.read { try $0.targets() }.map(\.value) == [30])
            // June's 15 items received are half of the year's 30.
            let june = try await client.get("/reports?period=month&month=2025-06", cookie: coord)
            #expect(june.body.contains(ReportTitles.targets.text(.ru).html))
            #expect(june.body.contains("<td class=\"n\">30</td><td class=\"n\">15</td><td class=\"n\">50</td>"))
            // A manager and a viewer set nothing.
            for login in ["mara", "vik"] {
                let cookie = try await client.signIn(login)
                let own = try await client.get("/reports", cookie: cookie)
                #expect(!own.body.contains("/reports/targets"))
                let crafted = try await client.post("/reports/targets", cookie: cookie,
                                                    [("csrf", own.field("csrf") ?? ""), ("metric", "items-received"), ("value", "1"), ("period", "2025")])
                #expect(crafted.status == .forbidden)
            }
            #expect(try f.store.read { try $0.targets() }.map(\.value) == [30])
        }
    }
}

@Suite("Web: import")
struct WebImportTests {
    @Test func aDryRunShowsProblemsAsATableAndImportsNothing() async throws {
        let f = try WebFixture()
        let box = f.pre.code.description
        try await f.app().test(.router) { client in
            let coord = try await client.signIn("coord")
            let form = try await client.get("/import", cookie: coord)
            #expect(form.status == .ok && form.body.contains("enctype=\"multipart/form-data\""))
            let bad = journal(box, rows: [
                ["03.06.2025", "приём", box, "", "обувь", "три", "", "", "", "", "", "", ""],
                ["04.06.2025", "приём", "B-9999X", "", "обувь", "1", "", "", "", "", "", "", ""],
            ])
            let page = try await client.upload("/import", cookie: coord, csrf: form.field("csrf") ?? "", name: "bad.csv", file: bad)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("<table class=\"problems\">"))
            #expect(page.body.contains("<td class=\"n\">2</td><td>количество</td>"))
            #expect(page.body.contains("<td class=\"n\">3</td>"))
            #expect(!page.body.contains("/import/commit"))
            #expect(try f.movements() == 0)
        }
    }

    @Test func aCleanFileIsImportedOnceAndAgainAddsNothing() async throws {
        let f = try WebFixture()
        let file = cleanJournal(f.pre.code.description)
        try await f.app().test(.router) { client in
            let coord = try await client.signIn("coord")
            let form = try await client.get("/import", cookie: coord)
            let checked = try await client.upload("/import", cookie: coord, csrf: form.field("csrf") ?? "", name: "июнь.csv", file: file)
            #expect(checked.status == .ok)
            #expect(checked.body.contains(WebManagerNote.readyToImport(file: "июнь.csv").text(.ru).html))
            #expect(try f.movements() == 0)
            let staged = try #require(checked.field("staged"))
            let done = try await client.post("/import/commit", cookie: coord, [("csrf", form.field("csrf") ?? ""), ("staged", staged)])
            #expect(done.status == .ok)
            #expect(try f.movements() == 3)
            // «Загрузить» twice (the checked file is gone), and the same file uploaded again: nothing more.
            let twice = try await client.post("/import/commit", cookie: coord, [("csrf", form.field("csrf") ?? ""), ("staged", staged)])
            #expect(twice.status == .gone)
            let again = try await client.upload("/import", cookie: coord, csrf: form.field("csrf") ?? "", name: "июнь.csv", file: file)
            #expect(again.status == .ok && again.field("staged") == nil)
            #expect(try f.movements() == 3)
            // The same file under the command line: its fingerprint says the same.
            let path = f.dir.appendingPathComponent("copy.csv").path
            try Data(file).write(to: URL(fileURLWithPath: path))
            guard case .sameFile = try JournalImport.run(f.store, path: path, name: "copy.csv") else {
                Issue.record("the command line would import the file again")
                return
            }
        }
    }

    @Test func aScriptMayPostTheFileAsTheBodyWithItsTokenInAHeader() async throws {
        let f = try WebFixture()
        try await f.app().test(.router) { client in
            let coord = try await client.signIn("coord")
            let form = try await client.get("/import", cookie: coord)
            let file = cleanJournal(f.pre.code.description)
            let unsigned = try await client.execute(uri: "/import?name=j.csv", method: .post,
                                                    headers: [.cookie: coord, .contentType: "text/csv"], body: ByteBuffer(bytes: file)) { $0.status }
            #expect(unsigned == .forbidden)
            let checked = try await client.execute(uri: "/import?name=j.csv", method: .post,
                                                   headers: [.cookie: coord, .contentType: "text/csv", HTTPField.Name("X-CSRF-Token") ?? .accept: form.field("csrf") ?? ""],
                                                   body: ByteBuffer(bytes: file)) { Page(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
            #expect(checked.status == .ok)
            #expect(checked.body.contains(WebManagerNote.readyToImport(file: "j.csv").text(.ru).html))
            #expect(try f.movements() == 0)
        }
    }

    @Test func onlyACoordinatorImportsAndATooLargeFileIsRefusedClearly() async throws {
        let f = try WebFixture()
        _ = try f.withManager(shoes: 0)
        try await f.app().test(.router) { client in
            for login in ["mara", "vera", "vik"] {
                let cookie = try await client.signIn(login)
                #expect(try await client.get("/import", cookie: cookie).status == .forbidden)
                let box = try await client.get("/b/\(f.pre.code)", cookie: cookie)
                let posted = try await client.upload("/import", cookie: cookie, csrf: box.field("csrf") ?? "", name: "j.csv",
                                                     file: cleanJournal(f.pre.code.description))
                #expect(posted.status == .forbidden, "\(login)")
            }
            #expect(try f.movements() == 0)
            let coord = try await client.signIn("coord")
            let form = try await client.get("/import", cookie: coord)
            // No token: refused before anything is checked.
            let forged = try await client.upload("/import", cookie: coord, csrf: "forged", name: "j.csv", file: cleanJournal(f.pre.code.description))
            #expect(forged.status == .forbidden && forged.field("staged") == nil)
            let huge = [UInt8](repeating: 0x41, count: Pages.maxUpload + 1)
            let big = try await client.upload("/import", cookie: coord, csrf: form.field("csrf") ?? "", name: "big.csv", file: huge)
            #expect(big.status == .contentTooLarge)
            #expect(big.body.contains(WebManagerProblem.tooLarge(megabytes: 20).text(.ru).html))
        }
    }
}

@Suite("Web: multipart bodies")
struct MultipartFormTests {
    @Test func readsFieldsAndAFileWithLineBreaksAndBoundaryLookalikesInside() throws {
        let boundary = "XyZ"
        // Lookalikes of the delimiter that are not it: not after a line break, or with a space.
        let file = "a;b--XyZ\r\n-- XyZ\r\n\r\n-XyZ\r\nend\r\n"
        let body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ж \\\"1\\\";.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + file + "\r\n--XyZ--\r\nepilogue"
        let form = try MultipartForm(body: Array(body.utf8), boundary: boundary)
        #expect(form["csrf"] == "tok")
        let part = try #require(form.part("file"))
        #expect(part.filename == "ж \"1\";.csv")
        #expect(part.contentType == "text/csv")
        #expect(String(decoding: part.body, as: UTF8.self) == file)
    }

    @Test func findsTheBoundaryQuotedOrNot() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----WebKit123") == "----WebKit123")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data;boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test(arguments: [
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing delimiter",
        "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--",
        "--B\r\nno-colon-header\r\n\r\nx\r\n--B--",
        "no delimiter at all",
        "--Bgarbage",
    ])
    func refusesWhatDoesNotFollowTheFormat(body: String) {
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm(body: Array(body.utf8), boundary: "B") }
    }

    @Test func refusesTooManyParts() {
        let part = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
        let body = String(repeating: part, count: MultipartForm.maximumParts + 1) + "--B--"
        #expect(throws: MultipartForm.Failure.tooManyParts) { try MultipartForm(body: Array(body.utf8), boundary: "B") }
    }
}
