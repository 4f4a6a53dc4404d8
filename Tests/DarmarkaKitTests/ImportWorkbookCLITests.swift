import Foundation
import Testing
import ZIPFoundation
@testable import DarmarkaKit

/// `import` reads an Excel workbook as it reads a CSV file of the same rows.
@Suite("Import: Excel workbooks", .serialized)
struct ImportWorkbookCLITests {
    static func path(_ name: String, _ cli: CLI) -> String {
        URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// A zip of these parts, written the way Excel lays them out.
    static func zip(_ parts: [(String, String)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
    }

    /// A workbook made by hand: a first sheet of notes, then the journal with
    /// shared strings, inline strings, a date cell (a serial number in a
    /// `dd.mm.yyyy` style), a date typed as text, skipped cells and rows.
    static func handMade(box: String, rows extra: String = "", to path: String) throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        try zip([
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(rel)"><sheets>\
                <sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Журнал" sheetId="2" r:id="rId2"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(rel)/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
                """),
            ("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="6" uniqueCount="6">\
                <si><t>дата</t></si><si><t>операция</t></si><si><r><t>бо</t></r><r><t>кс</t></r></si>\
                <si><t>категория</t></si><si><t>количество</t><rPh><t>x</t></rPh></si><si><t>обувь</t></si></sst>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)">\
                <numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>\
                <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(inline("A1", "notes"))</row></sheetData></worksheet>"),
            ("xl/worksheets/sheet2.xml", """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>\
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
                <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>\
                <row r="3"><c r="A3" s="1"><v>46327</v></c>\(inline("B3", "приём"))\(inline("C3", box))\
                <c r="D3" t="s"><v>5</v></c><c r="E3"><v>6</v></c></row>\
                <row r="4">\(inline("A4", "02.11.2026"))\(inline("B4", "intake"))\(inline("C4", box))\
                \(inline("D4", "toys"))<c r="E4"><v>2</v></c></row>\(extra)\
                </sheetData></worksheet>
                """),
        ], to: path)
    }

    @Test func readsAHandMadeWorkbook() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let book = Self.path("hand.xlsx", cli)
        try Self.handMade(box: pre, to: book)
        let r = try cli.run(["import", book, "--sheet", "журнал", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(book):Журнал: imported 2 of 2 rows"), "\(r.stdout)")
        let history = try cli.run(["history", "--format", "csv", "--lang", "en"]).stdout
        // 46327 is 2026-11-01; the text date reads as typed.
        #expect(history.contains("2026-11-01") && history.contains("2026-11-02"), "\(history)")
        let stock = try cli.run(["stock", "--format", "csv", "--lang", "en"]).stdout
        #expect(stock.contains(",6,") && stock.contains(",2,"), "\(stock)")
        let again = try cli.run(["import", book, "--sheet", "Журнал", "--lang", "en"])
        #expect(again.stdout.contains("this file was imported already"), "\(again.stdout)")

        let missing = try cli.run(["import", book, "--sheet", "Лист1", "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(book): the workbook has no sheet “Лист1”; its sheets: “Notes”, “Журнал”\n", "\(missing.stderr)")
    }

    @Test func problemsSayFileSheetRowColumn() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let book = Self.path("bad.xlsx", cli)
        try Self.handMade(box: pre, rows: "<row r=\"7\"><c r=\"A7\" s=\"1\"><v>46327</v></c><c r=\"B7\" t=\"inlineStr\"><is><t>intake</t></is></c>"
                            + "<c r=\"C7\" t=\"inlineStr\"><is><t>\(pre)</t></is></c><c r=\"D7\" t=\"inlineStr\"><is><t>носки-2</t></is></c>"
                            + "<c r=\"E7\"><v>1</v></c></row>", to: book)
        let r = try cli.run(["import", book, "--sheet", "Журнал", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(book):Журнал:7: категория: there is no category “носки-2”"), "\(r.stderr)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.split(separator: "\n").count <= 1)
    }

    @Test func refusesWhatIsNotAWorkbookInOneLine() throws {
        let (cli, _, _) = try CLI.withDemo()
        let text = Self.path("text.xlsx", cli)
        try "date,operation\n".write(toFile: text, atomically: true, encoding: .utf8)
        let notZip = try cli.run(["import", text, "--lang", "en"])
        #expect(notZip.status == 1)
        #expect(notZip.stderr.hasPrefix("\(text): this is not an Excel workbook (.xlsx)"), "\(notZip.stderr)")

        let damaged = Self.path("damaged.xlsx", cli)
        try Self.zip([("xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\"/></sheets></workbook>")], to: damaged)
        let broken = try cli.run(["import", damaged, "--lang", "en"])
        #expect(broken.status == 1)
        #expect(broken.stderr == "\(damaged): the Excel workbook is damaged: xl/_rels/workbook.xml.rels cannot be read; save it again from Excel\n",
                "\(broken.stderr)")

        let locked = Self.path("locked.xlsx", cli)
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 500)
        bytes += "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(bytes).write(to: URL(fileURLWithPath: locked))
        let encrypted = try cli.run(["import", locked, "--lang", "en"])
        #expect(encrypted.status == 1)
        #expect(encrypted.stderr.hasPrefix("\(locked): the Excel workbook is protected by a password"), "\(encrypted.stderr)")
        #expect(encrypted.stderr.split(separator: "\n").count == 1)
    }

    /// A journal exported as a workbook (libxlsxwriter writes it, strings
    /// inline, dates as serial numbers) imports into another database as
    /// the CSV export of the same rows does, and back into its own as nothing.
    @Test func anExportedWorkbookImportsAsTheCSVDoes() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        for step in [
            ["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--kg", "2,5", "--date", "2026-11-01", "--volunteer", "Анна"],
            ["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "2", "--date", "2026-11-02"],
            ["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-1", "--new-recipient",
             "--group", "многодетные", "--date", "2026-11-03", "--time", "14:30", "--note", "две\nстроки"],
        ] {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let book = Self.path("journal.xlsx", cli), csvFile = Self.path("journal.csv", cli), boxes = Self.path("boxes.csv", cli)
        #expect(try cli.run(["export", "journal", "--format", "xlsx", "--output", book]).status == 0)
        #expect(try cli.run(["export", "journal", "--output", csvFile]).status == 0)
        #expect(try cli.run(["export", "boxes", "--output", boxes]).status == 0)
        let back = try cli.run(["import", book, "--lang", "en"])
        #expect(back.stdout.contains("all 3 rows were imported before; nothing added."), "\(back.stdout) \(back.stderr)")

        var stocks: [String] = []
        for (name, file) in [("from-xlsx", book), ("from-csv", csvFile)] {
            let copy = CLI(database: Self.path("\(name).sqlite", cli))
            try copy.run(["init"])
            #expect(try copy.run(["import", "--kind", "boxes", boxes]).status == 0)
            let r = try copy.run(["import", file])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try copy.run(["import", file, "--lang", "en"]).stdout.contains("imported already"))
            // The same figures; each database has its own chain, so its own seal.
            let report = try copy.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout
                .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"seal\": ") }.joined(separator: "\n")
            stocks.append(try copy.run(["stock", "--format", "json"]).stdout + report + copy.run(["export", "journal"]).stdout)
        }
        #expect(stocks[0] == stocks[1])
        #expect(stocks[0].contains("14:30"), "\(stocks[0])")
    }

    /// Reference files come from a workbook too; a problem names the sheet's row.
    @Test func readsBoxesFromAWorkbook() throws {
        let (cli, _, _) = try CLI.withDemo()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        func book(_ rows: String, _ name: String) throws -> String {
            let path = Self.path(name, cli)
            try Self.zip([
                ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Боксы\" r:id=\"rId1\"/></sheets></workbook>"),
                ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
                ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(inline("A1", "центр"))\(inline("B1", "название"))</row>"
                    + rows + "</sheetData></worksheet>"),
            ], to: path)
            return path
        }
        let good = try book("<row r=\"3\">\(inline("A3", "PRE"))\(inline("B3", "у входа"))</row>", "boxes.xlsx")
        let r = try cli.run(["import", "--kind", "boxes", good, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(good):Боксы: registered 1 box"), "\(r.stdout)")
        let bad = try book("<row r=\"4\">\(inline("A4", "ZZZ"))</row>", "bad-boxes.xlsx")
        let refused = try cli.run(["import", "--kind", "boxes", bad, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("\(bad):Боксы:4: "), "\(refused.stderr)")
    }
}
