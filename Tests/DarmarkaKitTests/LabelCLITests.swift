import DarmarkaCore
import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// The label, resolve and scan commands, run as the real binary on real
/// files; printed labels are read back with pdftoppm, zbarimg and pdftotext.
@Suite("Command line: labels, resolve, scan", .serialized)
struct LabelCLITests {
    static let preName = "Соседский центр «Преображенский»"

    static func template(_ name: String) throws -> LabelTemplate {
        try TemplateCatalogue.load(projectDirectories: [LabelFixtures.labelsDirectory], gLabelsDirectories: []).template(named: name)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    /// Codes of a centre's boxes in the order `box list` (and the labels) give them.
    static func boxCodes(_ cli: CLI, centre: String) throws -> [String] {
        let list = try cli.run(["box", "list", "--centre", centre, "--format", "json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["code"] as? String }
    }

    static func issuedCount(_ cli: CLI) throws -> Int {
        try Store.open(path: cli.database).read { try Int.fetchOne($0.db, sql: "SELECT COUNT(*) FROM issued_code") ?? -1 }
    }

    /// What a scanner types for `text` while the Russian keyboard layout is on.
    static func typedWithRussianLayout(_ text: String) -> String {
        let us = Array("qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM:/.?")
        let ru = Array("йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ.ю,")
        let map = Dictionary(uniqueKeysWithValues: zip(us, ru))
        return String(text.map { map[$0] ?? $0 })
    }

    @Test func aCentresSheetOfTwentyOneScansBackLabelByLabel() throws {
        let (cli, _, _) = try CLI.withDemo()
        for i in 2...21 { try cli.run(["box", "add", "--centre", "PRE", "--name", "Бокс №\(i): одежда"]) }
        let codes = try Self.boxCodes(cli, centre: "PRE")
        #expect(codes.count == 21)
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("pre.pdf")

        let result = try cli.run(["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("21 этикетка на 1 листе Avery L7160"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "no warnings on L7160: \(result.stderr)")

        let template = try Self.template("L7160")
        let pages = try LabelRenderTests.rasterise(pdf, in: directory)
        #expect(pages.count == 1)
        let slots = try template.plan(count: codes.count)
        let decoded = try LabelRenderTests.decodeSheet(pages, template: template, slots: slots, dpi: 300, in: directory)
        for slot in slots { #expect(decoded[slot] == [codes[slot.item]], "position \(slot.position): \(decoded[slot] ?? [])") }

        let text = try LabelTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).output
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(words.contains(Self.preName), "pdftotext gave: \(text.prefix(300))")
        #expect(words.contains("Бокс №21: одежда"))
        for code in codes { #expect(text.contains(code)) }

        // Each symbol is a 1-bit stencil mask, never smoothed, whose modules
        // land on whole 300-dpi dots: pure black or white pixels, as in a PNG.
        let bytes = try Data(contentsOf: pdf)
        func count(_ text: String) -> Int { bytes.ranges(of: Data(text.utf8)).count }
        #expect(count("/ImageMask true") == 21 && count("/Interpolate false") == 21 && count("/Interpolate true") == 0)
        let first = LabelContent(box: try #require(try? BoxCode.parse(codes[0]).get()), lines: [Self.preName])
        let symbol = try QRMatrix(encoding: first.payload)
        let geometry = try LabelGeometry.compute(frame: template.labelFrames[0], on: template, dpi: 300, modules: symbol.width,
                                                 needs: LabelTextNeeds(first), policy: .standard(for: template))
        let pixels = try LabelFixtures.greyPixels(of: pages[0])
        let d = geometry.dotsPerModule
        var wrong = 0
        for my in 0..<symbol.width {
            for mx in 0..<symbol.width {
                let expected: UInt8 = symbol[x: mx, y: my] ? 0 : 255
                for py in 0..<d {
                    for px in 0..<d where pixels.values[(geometry.originDotY + my * d + py) * pixels.width + geometry.originDotX + mx * d + px] != expected {
                        wrong += 1
                    }
                }
            }
        }
        #expect(wrong == 0, "\(wrong) pixels of the first symbol are not pure black or white where expected")
    }

    @Test func thermalRollLabelsForTheCodesGivenDecodeAt203Dots() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("roll.png")
        // As typed: lower case, without the dash.
        let typed = mat.lowercased().replacingOccurrences(of: "-", with: "")
        let result = try cli.run(["labels", "boxes", pre, typed, "--template", "58x40", "--output", png.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        #expect(report["dpi"] as? Int == 203 && report["labels"] as? Int == 2)
        let files = try #require(report["files"] as? [String])
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["roll-1.png", "roll-2.png"])
        for (file, code) in zip(files, [pre, mat]) {
            let size = try LabelTools.size(of: URL(fileURLWithPath: file))
            #expect(size.width == 464 && size.height == 320, "58 × 40 mm at 203 dpi")
            #expect(try LabelTools.decode(URL(fileURLWithPath: file)) == [code])
        }
    }

    @Test func aURLLabelScansToTheURLAndResolveFindsTheBox() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "4", "--date", "2026-11-01"])
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("url.png")
        let result = try cli.run(["labels", "boxes", pre, "--template", "58x40", "--url-base", "https://darmarka.example/b/",
                                  "--output", png.path])
        #expect(result.status == 0, "\(result.stderr)")
        let decoded = try LabelTools.decode(png)
        #expect(decoded == ["HTTPS://DARMARKA.EXAMPLE/B/\(pre)"])
        // Upper case keeps the symbol in QR's alphanumeric mode: a version smaller than the lower-case URL's.
        let url = try #require(decoded.first)
        #expect(try QRMatrix(encoding: url).version == 3)
        #expect(try QRMatrix(encoding: url.lowercased()).version == 4)

        for scanned in decoded + ["https://darmarka.example/b/\(pre.lowercased())?from=label"] {
            let resolved = try cli.run(["resolve", scanned, "--format", "json"])
            #expect(resolved.status == 0, "\(resolved.stderr)")
            let object = try Self.json(resolved.stdout)
            #expect(object["status"] as? String == "box")
            let box = try #require(object["box"] as? [String: Any])
            #expect(box["code"] as? String == pre && box["centre"] as? String == "PRE")
            #expect(box["centreName"] as? String == Self.preName)
            let stock = try #require(object["stock"] as? [[String: Any]])
            #expect(stock.count == 1 && stock.first?["quantity"] as? Int == 4)
        }
        let table = try cli.run(["resolve", "https://darmarka.example/b/\(pre)"])
        #expect(table.stdout.hasPrefix("Бокс \(pre): бокс для сбора, в работе; центр PRE — \(Self.preName)."), "\(table.stdout)")
        #expect(table.stdout.contains("Обувь"))

        let bad = try cli.run(["labels", "boxes", pre, "--template", "58x40", "--url-base", "https://darmarka.example/b",
                               "--output", directory.appendingPathComponent("bad.png").path])
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("--url-base"))
    }

    @Test func blankCodesNeverRepeatAndAreClaimedByBoxAddAndByAScan() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var issued: [String] = []
        for name in ["first.pdf", "second.pdf"] {
            let pdf = directory.appendingPathComponent(name)
            let result = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "4", "--template", "L7160",
                                      "--output", pdf.path, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let codes = try #require(try Self.json(result.stdout)["codes"] as? [String])
            #expect(codes.count == 4)
            // The sheet says what was issued.
            let template = try Self.template("L7160")
            let pages = try LabelRenderTests.rasterise(pdf, in: directory)
            let slots = try template.plan(count: 4)
            let decoded = try LabelRenderTests.decodeSheet(pages, template: template, slots: slots, dpi: 300, in: directory)
            #expect(slots.map { decoded[$0] ?? [] } == codes.map { [$0] })
            for page in pages { try FileManager.default.removeItem(at: page) }
            issued += codes
        }
        #expect(Set(issued).count == 8 && Set(issued).isDisjoint(with: [pre, mat]))
        let table = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "1", "--template", "L7160",
                                 "--output", directory.appendingPathComponent("third.pdf").path])
        #expect(table.stdout.contains("Для центра PRE выдано 1 новый код"), "\(table.stdout)")

        // Not a box yet: resolve says so and how to claim it.
        let unclaimed = try cli.run(["resolve", issued[0]])
        #expect(unclaimed.status == 0)
        #expect(unclaimed.stdout.contains("darmarka box add --centre PRE --code \(issued[0])"), "\(unclaimed.stdout)")
        #expect(try Self.json(try cli.run(["resolve", issued[0], "--format", "json"]).stdout)["status"] as? String == "unclaimed")

        // Claimed by box add, once.
        let added = try cli.run(["box", "add", "--centre", "PRE", "--name", "У окна", "--code", issued[0].lowercased()])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["box", "add", "--centre", "PRE", "--code", issued[0]]).status != 0)
        #expect(try cli.run(["resolve", issued[0], "--format", "json"]).stdout.contains("\"status\": \"box\""))

        // A scan with an action refuses an unclaimed code unless it may claim it.
        let refused = try cli.run(["scan", "--intake", "shoes"], stdin: issued[1] + "\n")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--claim-centre PRE"), "\(refused.stderr)")
        let claimed = try cli.run(["scan", "--claim-centre", "PRE", "--intake", "shoes"], stdin: issued[1] + "\n" + issued[2] + "\n")
        #expect(claimed.status == 0, "\(claimed.stderr)")
        #expect(claimed.stdout.contains("Бокс \(issued[1]) зарегистрирован в центре PRE."), "\(claimed.stdout)")
        #expect(claimed.stdout.contains("Сканов: 2, записано: 2, новых боксов: 2, ошибок: 0."), "\(claimed.stdout)")
        let boxes = try Self.boxCodes(cli, centre: "PRE")
        #expect(Set(boxes) == Set([pre, issued[0], issued[1], issued[2]]))
        #expect(try cli.run(["stock", "--box", issued[2], "--format", "csv"]).stdout.contains("shoes"))
        // Claiming alone, without recording; at another centre than the
        // code was printed for, only on purpose.
        let plain = try cli.run(["scan", "--claim-centre", "MAT", "--other-centre"], stdin: issued[3] + "\n")
        #expect(plain.status == 0 && plain.stdout.contains("Бокс \(issued[3]) зарегистрирован в центре MAT."), "\(plain.stdout)")
    }

    @Test func resolveReadsWhatPeopleAndScannersType() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let cyrillic = "В" + pre.dropFirst()  // Cyrillic В for Latin B
        for typed in [pre.lowercased(), " \(pre.replacingOccurrences(of: "-", with: "")) ", cyrillic,
                      Self.typedWithRussianLayout(pre), Self.typedWithRussianLayout("https://darmarka.example/b/\(pre)")] {
            let result = try cli.run(["resolve", typed, "--format", "json"])
            #expect(result.status == 0, "\(typed): \(result.stderr)")
            let box = try Self.json(result.stdout)["box"] as? [String: Any]
            #expect(box?["code"] as? String == pre, "\(typed)")
        }

        // A wrong check symbol, in both languages; one line, non-zero.
        let body = String(pre.dropLast()), check = pre.last ?? "0"
        let typo = body + (check == "0" ? "1" : "0")
        let wrong = try cli.run(["resolve", typo])
        #expect(wrong.status != 0 && wrong.stdout.isEmpty)
        #expect(wrong.stderr == "darmarka: В коде бокса «\(typo)» опечатка: последний, контрольный знак не сходится. Проверьте код на наклейке.\n")
        let english = try cli.run(["resolve", typo, "--lang", "en"])
        #expect(english.stderr.contains("check symbol does not match"))

        // A well-formed code that was never issued.
        let never = try #require(BoxCode.firstIssuable(from: 30_000)).description
        let unknown = try cli.run(["resolve", never])
        #expect(unknown.status != 0 && unknown.stderr.contains("Бокса «\(never)» нет"), "\(unknown.stderr)")
        let nonsense = try cli.run(["resolve", "привет"])
        #expect(nonsense.status != 0 && nonsense.stderr.split(separator: "\n").count == 1)
    }

    @Test func scanIntakeRecordsOneItemPerScanAndSkipsABadLine() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let never = try #require(BoxCode.firstIssuable(from: 30_000)).description
        let lines = [pre, mat.lowercased(), "B-0000X", pre, "https://darmarka.example/b/\(mat)", "", pre]
        let result = try cli.run(["scan", "--intake", "shoes", "--volunteer", "Анна", "--date", "2026-11-03"],
                                 stdin: lines.joined(separator: "\r\n") + "\n" + never + "\n")
        #expect(result.status != 0, "a failed scan fails the session")
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(errors.first?.hasPrefix("darmarka: строка 3: ") == true, "\(result.stderr)")
        #expect(errors.last?.contains("Бокса «\(never)» нет") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{7}"), "no beep when not on a terminal")
        let out = result.stdout.split(separator: "\n")
        #expect(out.count == 6, "one line per good scan and the summary: \(result.stdout)")
        #expect(out.last == "Сканов: 7, записано: 5, ошибок: 2.")
        #expect(out.first?.contains("принято 1 шт. «Обувь» в бокс \(pre)") == true)

        let stock = try cli.run(["stock", "--format", "json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stock.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["box"] as? String == pre }?["quantity"] as? Int == 3)
        #expect(rows.first { $0["box"] as? String == mat }?["quantity"] as? Int == 2)
        let history = try cli.run(["history", "--format", "csv"]).stdout
        #expect(history.split(separator: "\r\n").count == 6 && history.contains("2026-11-03"))

        // Stops at q and at two empty lines; a handout registers its recipient once.
        let handout = try cli.run(["scan", "--handout", "shoes", "--recipient", "ТД-7", "--new-recipient", "--format", "json"],
                                  stdin: "\(pre)\n\(pre)\n\n\n\(pre)\n")
        #expect(handout.status == 0, "\(handout.stderr)")
        let objects = try handout.stdout.split(separator: "\n").map { try Self.json(String($0)) }
        #expect(objects.count == 3)
        #expect(objects[0]["status"] as? String == "recorded" && objects[0]["box"] as? String == pre)
        #expect((objects[0]["message"] as? String)?.contains("Новый получатель ТД-7") == true)
        #expect((objects[1]["message"] as? String)?.contains("Новый получатель") == false)
        #expect(objects[2]["scans"] as? Int == 2 && objects[2]["errors"] as? Int == 0)
        let quit = try cli.run(["scan"], stdin: "\(pre)\nq\n\(mat)\n")
        #expect(quit.status == 0 && quit.stdout.contains("Сканов: 1,"), "\(quit.stdout)")
        #expect(quit.stdout.contains("\(pre), центр PRE: 1 шт. в боксе."), "\(quit.stdout)")
    }

    /// Bad input before any scan or drawing: one line, non-zero, nothing written.
    @Test(arguments: [
        (["labels", "boxes", "--template", "L7160", "--output", "{DIR}/x.pdf"], "--centre"),
        (["labels", "boxes", "--centre", "PRE", "{PRE}", "--template", "L7160", "--output", "{DIR}/x.pdf"], "--centre"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "{DIR}/x.doc"], "doc"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L9999", "--output", "{DIR}/x.pdf"], "L9999"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--ecc", "X", "--output", "{DIR}/x.pdf"], "«X»"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--skip", "21", "--output", "{DIR}/x.pdf"], "21"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--url-base", "ftp://x/", "--output", "{DIR}/x.pdf"], "ftp://x/"),
        (["labels", "boxes", "B-0000X", "--template", "L7160", "--output", "{DIR}/x.pdf"], "B-0000X"),
        (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "{DIR}/nowhere/x.pdf"], "nowhere"),
        (["labels", "blank", "--centre", "PRE", "--count", "0", "--template", "L7160", "--output", "{DIR}/x.pdf"], "2000"),
        (["labels", "blank", "--centre", "XXX", "--count", "3", "--template", "L7160", "--output", "{DIR}/x.pdf"], "XXX"),
        (["labels", "blank", "--centre", "PRE", "--count", "3", "--template", "L7160", "--dpi", "9", "--output", "{DIR}/x.pdf"], "9 dpi"),
        (["scan", "--intake", "shoes", "--handout", "shoes"], "--intake"),
        (["scan", "--recipient", "ТД-1"], "--handout"),
        (["scan", "--intake", "носки-2"], "носки-2"),
        (["scan", "--intake", "shoes", "--date", "31.04.2026"], "31.04.2026"),
        (["scan", "--claim-centre", "XXX"], "XXX"),
    ] as [([String], String)])
    func badInputIsOneLineAndWritesNothing(arguments: [String], mentions: String) throws {
        let (cli, pre, _) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let issued = try Self.issuedCount(cli)
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let result = try cli.run(arguments.map { $0.replacingOccurrences(of: "{PRE}", with: pre).replacingOccurrences(of: "{DIR}", with: directory.path) },
                                 stdin: "\(pre)\n")
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("darmarka: "), "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(try Self.issuedCount(cli) == issued)
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anExistingOutputIsRefusedAndNoCodeIsIssued() throws {
        let (cli, _, _) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let issued = try Self.issuedCount(cli)
        let pdf = directory.appendingPathComponent("sheet.pdf")
        try Data("keep me".utf8).write(to: pdf)
        let refused = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "5", "--template", "L7160", "--output", pdf.path])
        #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try Data(contentsOf: pdf) == Data("keep me".utf8))
        #expect(try Self.issuedCount(cli) == issued)

        // A numbered roll page in the way is found only after drawing; the
        // transaction is rolled back and nothing is left behind.
        let blocker = directory.appendingPathComponent("roll-2.png")
        try Data("keep me too".utf8).write(to: blocker)
        let late = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "3", "--template", "40x30",
                                "--output", directory.appendingPathComponent("roll.png").path])
        #expect(late.status != 0 && late.stderr.contains("roll-2.png"), "\(late.stderr)")
        // In the words every other output uses for a file in the way: one wording per situation.
        #expect(late.stderr == "darmarka: Файл \(blocker.path) уже есть. Укажите другое имя или добавьте --force, чтобы перезаписать.\n",
                "\(late.stderr)")
        #expect(try Self.issuedCount(cli) == issued)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["roll-2.png", "sheet.pdf"])

        let forced = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "3", "--template", "40x30", "--force",
                                  "--output", directory.appendingPathComponent("roll.png").path])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.issuedCount(cli) == issued + 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["roll-1.png", "roll-2.png", "roll-3.png", "sheet.pdf"])
        #expect(try LabelTools.decode(blocker).count == 1, "replaced by a label")
    }

    @Test func previewIsOneLabelWithItsCutLine() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = directory.appendingPathComponent("sample.png")
        let result = try cli.run(["labels", "preview", "--output", sample.path, "--db", "/nonexistent/no.sqlite"])
        #expect(result.status == 0, "a sample needs no database: \(result.stderr)")
        let size = try LabelTools.size(of: sample)
        // 63.5 × 38.1 mm and 2 mm around it, at 300 dpi.
        #expect(size.width == 798 && size.height == 498, "\(size)")
        #expect(try LabelTools.decode(sample).count == 1)
        // The cut line (light grey) is drawn 2 mm in from the image's left edge.
        let pixels = try LabelFixtures.greyPixels(of: sample)
        let column = Int((2.0 * 300 / 25.4).rounded())
        let dark = (100..<400).filter { y in (column - 2...column + 2).contains { pixels.values[y * pixels.width + $0] < 200 } }
        #expect(dark.count > 250, "cut line at x = \(column)")

        let real = directory.appendingPathComponent("real.png")
        let box = try cli.run(["labels", "preview", "--template", "58x40", "--code", pre.lowercased(), "--output", real.path])
        #expect(box.status == 0, "\(box.stderr)")
        #expect(try LabelTools.decode(real) == [pre])
    }

    @Test func templatesAreListedWithTheirSizes() throws {
        let (cli, _, _) = try CLI.withDemo()
        let result = try cli.run(["labels", "templates", "--search", "L7160", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let own = try #require(rows.first { $0["template"] as? String == "Avery L7160" })
        #expect(own["size"] as? String == "63.5×38.1" && own["grid"] as? String == "3×7" && own["perPage"] as? Int == 21)
        #expect(own["origin"] as? String == "darmarka" && own["paper"] as? String == "A4")
        #expect((own["equivalents"] as? String)?.contains("J8160") == true)

        let rolls = try cli.run(["labels", "templates", "--search", "thermal", "--lang", "en"])
        #expect(rolls.stdout.hasPrefix("Template"))
        #expect(rolls.stdout.contains("58×40") && rolls.stdout.contains("203"))
        let csv = try cli.run(["labels", "templates", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\r\n").count > 10)
    }
}
