@testable import DarmarkaCore
import Foundation
import Testing
@testable import DarmarkaKit

/// The PDF and Excel forms, read back with the tools a person would use:
/// poppler for the PDF, unzip for the workbook's XML.
@Suite("Report files", .serialized)
struct ReportFileTests {
    static let generated = LocalDate(year: 2026, month: 12, day: 2)!

    static func november() throws -> (ReportTests.Data, Report) {
        let data = try ReportTests.build()
        return (data, try data.f.store.read { try $0.report(.monthly(ReportTests.november)) })
    }

    /// Writes `bytes` to a fresh temporary folder; the caller removes it.
    static func file(_ bytes: [UInt8], named name: String) throws -> (dir: URL, file: URL) {
        let dir = try LabelTools.temporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return (dir, url)
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try LabelTools.run("pdfinfo", [pdf.path]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        let pages = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        return try LabelTools.run("pdftotext", pages + ["-layout", pdf.path, "-"]).output
    }

    /// A line of `pdftotext -layout` output that starts with `label` and
    /// then holds exactly `values`, in order.
    static func row(_ text: String, _ label: String) -> [String]? {
        for line in text.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            guard l.hasPrefix(label + " ") else { continue }
            return l.dropFirst(label.count).split(separator: " ").map(String.init)
        }
        return nil
    }

    struct Box { var page: Int, xMin: Double, yMin: Double, xMax: Double, yMax: Double, word: String }

    /// Every word's box from `pdftotext -bbox`, and each page's size in points.
    static func boxes(_ pdf: URL) throws -> (pages: [(width: Double, height: Double)], words: [Box]) {
        let html = try LabelTools.run("pdftotext", ["-bbox", pdf.path, "-"]).output
        let pageRegex = try Regex(#"<page width="([\d.]+)" height="([\d.]+)">"#)
        let wordRegex = try Regex(#"<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>"#)
        var pages: [(Double, Double)] = [], words: [Box] = []
        for line in html.split(separator: "\n") {
            if let m = try pageRegex.firstMatch(in: line) {
                pages.append((Double(m.output[1].substring ?? "") ?? 0, Double(m.output[2].substring ?? "") ?? 0))
            } else if let m = try wordRegex.firstMatch(in: line) {
                let n = (1...4).map { Double(m.output[$0].substring ?? "") ?? .nan }
                words.append(Box(page: pages.count, xMin: n[0], yMin: n[1], xMax: n[2], yMax: n[3], word: String(m.output[5].substring ?? "")))
            }
        }
        return (pages, words)
    }

    /// No word closer than `margin` millimetres to any edge of its page, which must be A4.
    static func expectInsideA4(_ pdf: URL, margin: Double = 8) throws {
        let (pages, words) = try boxes(pdf)
        #expect(!pages.isEmpty && !words.isEmpty)
        let m = margin / Length.millimetresPerPoint
        for page in pages {
            #expect(abs(page.width - 595.276) < 0.01 && abs(page.height - 841.89) < 0.01, "not A4: \(page)")
        }
        for w in words {
            let page = pages[w.page - 1]
            let inside = w.xMin >= m && w.yMin >= m && w.xMax <= page.width - m && w.yMax <= page.height - m
            #expect(inside, "«\(w.word)» on page \(w.page) at \(w.xMin),\(w.yMin)–\(w.xMax),\(w.yMax) is outside the page less \(margin) mm")
        }
    }

    // MARK: PDF

    @Test func pdfHoldsTheFiguresAsSearchableRussianText() throws {
        let (_, report) = try Self.november()
        let bytes = try ReportFile.render(report, as: .pdf, lang: .ru, generatedOn: Self.generated)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let (dir, pdf) = try Self.file(bytes, named: "ноябрь.pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.text(pdf)
        for phrase in ["Тест", "Отчёт за ноябрь 2026", "Сформирован 2 декабря 2026", "Основные показатели", "Получатели помощи",
                       "Принято по категориям", "Женская одежда", "Детская одежда", "Игрушки", "План и факт",
                       "Принято и выдано по категориям, шт.", "Последние 12 месяцев, шт.", "нояб.", "окт."] {
            #expect(text.contains(phrase), "the PDF lacks «\(phrase)»")
        }
        // The hand-worked figures, in the language's own number format.
        #expect(Self.row(text, "Принято вещей, шт.") == ["29", "10", "39"])
        #expect(Self.row(text, "Принято, кг") == ["9", "5", "14"])
        #expect(Self.row(text, "Выдано, кг") == ["3,3", "1", "4,3"])
        #expect(Self.row(text, "из них оценка, кг") == ["2,1", "1", "3,1"])
        #expect(Self.row(text, "Остаток на конец периода, шт.") == ["24", "8", "24"])
        #expect(Self.row(text, "Получателей (каждый один раз)") == ["2", "1", "2"])

        let pages = try Self.pageCount(pdf)
        #expect(pages >= 2)
        for page in 1...pages {
            #expect(try Self.text(pdf, page: page).contains("стр. \(page) из \(pages)"), "page \(page) is not numbered")
        }
        try Self.expectInsideA4(pdf)
    }

    @Test func pdfInEnglish() throws {
        let (_, report) = try Self.november()
        let (dir, pdf) = try Self.file(try ReportFile.render(report, as: .pdf, lang: .en, generatedOn: Self.generated), named: "r.pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.text(pdf)
        #expect(Self.row(text, "Items received") == ["29", "10", "39"])
        #expect(Self.row(text, "Handed out, kg") == ["3.3", "1", "4.3"])
        #expect(text.contains("Women's clothing") && text.contains("Generated on 2 December 2026") && text.contains("Nov"))
        #expect(text.contains("page 1 of \(try Self.pageCount(pdf))"))
    }

    @Test func everyPageRasterises() throws {
        let (_, report) = try Self.november()
        let (dir, pdf) = try Self.file(try ReportFile.render(report, as: .pdf, lang: .ru, generatedOn: Self.generated), named: "r.pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        try LabelTools.run("pdftoppm", ["-r", "50", "-png", pdf.path, dir.appendingPathComponent("page").path])
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }
        #expect(pngs.count == (try Self.pageCount(pdf)))
        for png in pngs {
            let size = try LabelTools.size(of: dir.appendingPathComponent(png))
            // A4 at 50 dpi.
            #expect(abs(size.width - 413) <= 1 && abs(size.height - 585) <= 1)
        }
    }

    /// Many long names, wide tables and big numbers: tables break across
    /// pages with their header repeated, and still nothing leaves the page.
    @Test func crowdedReportStaysOnThePage() throws {
        let report = Self.crowded()
        let (dir, pdf) = try Self.file(try ReportFile.render(report, as: .pdf, lang: .ru, generatedOn: Self.generated), named: "r.pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.expectInsideA4(pdf)
        let pages = try Self.pageCount(pdf)
        #expect(pages >= 4)
        let continued = try (1...pages).filter { try Self.text(pdf, page: $0).contains("(продолжение)") }
        #expect(!continued.isEmpty)
        for page in continued {
            let text = try Self.text(pdf, page: page)
            // The header row came along: the periods' names are over the columns again.
            #expect(text.contains("Октябрь") && text.contains("кг"), "page \(page) has no header row")
        }
        let all = try Self.text(pdf)
        #expect(all.contains("Прочие категории"))
        #expect(all.contains("123456"))
        // The overlong word was broken, not lost.
        let compact = all.filter { !$0.isWhitespace }
        #expect(compact.contains(String(repeating: "Ъ", count: 20)))
    }

    @Test func pngPreviewOfAPage() throws {
        let (_, report) = try Self.november()
        let png = try ReportFile.pagePNG(report, lang: .ru, page: 1, dpi: 72, generatedOn: Self.generated)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let (dir, file) = try Self.file(png, named: "p1.png")
        defer { try? FileManager.default.removeItem(at: dir) }
        let size = try LabelTools.size(of: file)
        #expect(size.width == 596 && size.height == 842)
        #expect(PNGDensity.dpi(of: png).map { abs($0 - 72) < 0.01 } == true)
        // libpng wrote the other chunks' CRCs: ours must agree with every one.
        let chunks = try #require(PNGDensity.chunks(of: png))
        #expect(chunks.map(\.type).prefix(2) == ["IHDR", "pHYs"] && chunks.last?.type == "IEND")
        for c in chunks {
            let crc = png[c.end - 4..<c.end].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(CRC32.checksum(png[c.start + 4..<c.end - 4]) == crc, "\(c.type)")
        }
        let count = try Self.pageCount(in: report)
        #expect(throws: ReportFileError.noSuchPage(99, of: count)) {
            try ReportFile.pagePNG(report, lang: .ru, page: 99)
        }
        #expect(throws: ReportFileError.badDPI(5)) { try ReportFile.pagePNG(report, lang: .ru, dpi: 5) }
    }

    static func pageCount(in report: Report) throws -> Int {
        ReportDocument(report, lang: .ru, generatedOn: generated, fonts: try ReportFonts()).pages.count
    }

    @Test func tablesFitTheWidthOfThePage() throws {
        let fonts = try ReportFonts()
        for report in [try Self.november().1, Self.crowded()] {
            for lang in Lang.allCases {
                let layout = ReportLayout(report: report, lang: lang, fonts: fonts)
                for section in report.sections where !section.rows.isEmpty {
                    let fit = layout.fit(section)
                    #expect(abs(fit.labelWidth + fit.valueWidths.reduce(0, +) - ReportDocument.contentWidth) < 0.001)
                    #expect(fit.size >= 6 && fit.labelWidth >= 20, "\(section.key)")
                    #expect(fit.valueWidths.count == section.columns.count)
                }
            }
        }
    }

    /// A month of thirty long-named categories at four centres, one with an
    /// unbreakable name, and numbers in the hundred thousands.
    static func crowded() -> Report {
        let month = ReportTests.november
        let centres = ["PRE", "MAT", "CEN", "LONG"]
        var flows: [FlowRow] = []
        for i in 0..<30 {
            let centre = centres[i % centres.count], box = "B-\(1000 + i)"
            flows.append(FlowRow(kind: .intake, fromCentre: nil, toCentre: centre, fromBox: nil, toBox: box,
                                 category: "c\(i)", condition: i % 2 == 0 ? .good : nil, atEvent: false, withRecipient: false,
                                 items: 123_456 - i * 1000, grams: Int64(123_456_789 - i * 1_000_000), weighed: 100, movements: 10))
            flows.append(FlowRow(kind: .handout, fromCentre: centre, toCentre: nil, fromBox: box, toBox: nil,
                                 category: "c\(i)", condition: nil, atEvent: i == 0, withRecipient: true,
                                 items: 1000 + i, grams: 500_500, weighed: 1000, movements: 7))
        }
        let facts = PeriodFacts(period: Period(month), flows: flows, recipients: RecipientFacts(unique: 5, new: 1, visits: 9, people: 12),
                                events: 3, participants: 120, stockAtEnd: Dictionary(uniqueKeysWithValues: centres.map { ($0, Amount(items: 99_999, grams: 1_234_567)) }),
                                volunteers: 4)
        let columns = Report.periods(.monthly(month)).map { Report.Column(label: $0.0, figures: Figures(facts)) }
        var categories: [String: Phrase] = [:]
        for i in 0..<30 {
            categories["c\(i)"] = Phrase(ru: "Категория № \(i): вещи с очень длинным названием для проверки переноса строк",
                                         en: "Category no. \(i): things with a very long name to test line wrapping")
        }
        let names = Report.Names(categories: categories, groups: [:], centres: [
            "PRE": "Соседский центр «Преображенский»", "MAT": "Соседский центр «Матмасы»",
            "CEN": "Центральный склад благотворительного фонда на улице Республики, дом 1",
            "LONG": String(repeating: "Ъ", count: 120),
        ])
        var trend: [Report.TrendPoint] = []
        var m = month
        for _ in 0..<12 { trend.insert(Report.TrendPoint(month: m, received: 123_456, handedOut: 98_765), at: 0); m = m.previous }
        return Report(kind: .monthly(month), organisation: "Тюменская региональная общественная организация «Дармарка» — помощь вещами",
                      centre: "LONG", columns: columns, targets: [], trend: trend, names: names)
    }

    // MARK: Excel

    static func unzip(_ xlsx: URL, _ member: String) throws -> String {
        try LabelTools.run("unzip", ["-p", xlsx.path, member]).output
    }

    @Test func workbookHasASheetPerSectionWithNumbersAsNumbers() throws {
        let (_, report) = try Self.november()
        let bytes = try ReportFile.render(report, as: .xlsx, lang: .ru, generatedOn: Self.generated)
        #expect(bytes.starts(with: Array("PK".utf8)))
        let (dir, xlsx) = try Self.file(bytes, named: "r.xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }

        let workbook = try Self.unzip(xlsx, "xl/workbook.xml")
        let sheetRegex = try Regex(#"<sheet name="([^"]*)""#)
        let sheets = workbook.matches(of: sheetRegex).map { String($0.output[1].substring ?? "") }
        #expect(sheets == ["Сводка", "Основные показатели", "Баланс периода", "Получатели помощи", "Получатели по целевым группам",
                           "Мероприятия и работа", "Принято по категориям",
                           "Выдано по категориям", "Принято по центрам", "Выдано по центрам", "Остаток по центрам",
                           "Принято по состоянию", "Принято по боксам", "План и факт", "Динамика"])

        // Sheet 2 is the key figures: row 2 items received, row 3 kilograms.
        let key = try Self.unzip(xlsx, "xl/worksheets/sheet2.xml")
        let received = try #require(key.firstMatch(of: try Regex(#"<c r="B2"[^>]*><v>[^<]*</v></c>"#)))
        #expect(String(key[received.range]) == #"<c r="B2"><v>29</v></c>"#)
        #expect(key.contains(#"<c r="D2"><v>39</v></c>"#))
        let kg = try #require(key.firstMatch(of: try Regex(#"<c r="B5"[^>]*><v>[^<]*</v></c>"#)))
        #expect(String(key[kg.range]).hasSuffix("<v>3.3</v></c>") && !String(key[kg.range]).contains(#"t="s""#))
        #expect(key.contains(#"state="frozen""#))

        let strings = try Self.unzip(xlsx, "xl/sharedStrings.xml")
        for s in ["Принято вещей, шт.", "Выдано, кг", "Ноябрь 2026", "Женская одежда", "Отчёт за ноябрь 2026", "Сформирован 2 декабря 2026"] {
            #expect(strings.contains(s), "no «\(s)» in the shared strings")
        }
        // The contents link to the sheets, and only the shown text is a string.
        let summary = try Self.unzip(xlsx, "xl/worksheets/sheet1.xml")
        #expect(summary.contains("<hyperlink ") && summary.contains(#"location="'Основные показатели'!A1""#))
        #expect(!strings.contains("!A1"))
        let styles = try Self.unzip(xlsx, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="0.0##""#))
        #expect(styles.contains("<b/>"))
        let trend = try Self.unzip(xlsx, "xl/worksheets/sheet15.xml")
        #expect(trend.contains(#"<c r="B13"><v>29</v></c>"#) && trend.contains(#"<c r="C13"><v>11</v></c>"#))
    }

    @Test func workbookInEnglish() throws {
        let (_, report) = try Self.november()
        let (dir, xlsx) = try Self.file(try ReportFile.render(report, as: .xlsx, lang: .en), named: "r.xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let workbook = try Self.unzip(xlsx, "xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="Summary""#) && workbook.contains(#"<sheet name="Key figures""#))
        #expect(try Self.unzip(xlsx, "xl/sharedStrings.xml").contains("Items received"))
    }

    @Test func sheetNamesExcelAccepts() {
        var taken = Set<String>()
        #expect(ReportWorkbook.sheetName("Принято по категориям", fallback: "x", taken: &taken) == "Принято по категориям")
        #expect(ReportWorkbook.sheetName("принято ПО категориям", fallback: "x", taken: &taken) == "принято ПО категориям (2)")
        #expect(ReportWorkbook.sheetName("a[b]:c*d?e/f\\g", fallback: "x", taken: &taken) == "a b c d e f g")
        #expect(ReportWorkbook.sheetName("'quoted'", fallback: "x", taken: &taken) == "quoted")
        #expect(ReportWorkbook.sheetName("[]", fallback: "Лист", taken: &taken) == "Лист")
        #expect(ReportWorkbook.sheetName("History", fallback: "x", taken: &taken) == "History (2)")
        let long = String(repeating: "Ж", count: 40)
        let first = ReportWorkbook.sheetName(long, fallback: "x", taken: &taken)
        let second = ReportWorkbook.sheetName(long, fallback: "x", taken: &taken)
        #expect(first == String(repeating: "Ж", count: 31))
        #expect(second == String(repeating: "Ж", count: 27) + " (2)")
        #expect(ReportWorkbook.sheetName(String(repeating: "😀", count: 20), fallback: "x", taken: &taken).utf16.count <= 31)
    }

    // MARK: Command line

    @Test func commandLineWritesFilesAndRefusesToOverwrite() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--kg", "1,5", "--date", "2026-11-03"]).status == 0)
        let dir = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("r.pdf").path

        let written = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "pdf", "--output", pdf])
        #expect(written.status == 0, "\(written.stderr)")
        let first = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(first.starts(with: Data("%PDF-".utf8)))
        #expect(try Self.text(URL(fileURLWithPath: pdf)).contains("Обувь"))

        let again = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "pdf", "--output", pdf])
        #expect(again.status != 0)
        #expect(again.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == first)

        // The extension and --format must agree; without --format the extension says.
        let mismatch = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "xlsx", "--output", pdf, "--force"])
        #expect(mismatch.status != 0 && mismatch.stderr.contains("поменяйте расширение или формат"), "\(mismatch.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == first)
        let forced = try cli.run(["report", "monthly", "--month", "2026-10", "--output", pdf, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let replaced = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(replaced.starts(with: Data("%PDF-".utf8)) && replaced != first)
        let workbook = dir.appendingPathComponent("r.xlsx").path
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "--output", workbook]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).starts(with: Data("PK".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["r.pdf", "r.xlsx"], "a temporary file was left behind")

        let toTerminal = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "xlsx"])
        #expect(toTerminal.status != 0)
        #expect(toTerminal.stdout.isEmpty)
        #expect(toTerminal.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        #expect(toTerminal.stderr.contains("--output"))
    }
}
