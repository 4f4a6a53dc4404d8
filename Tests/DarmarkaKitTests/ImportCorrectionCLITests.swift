import Foundation
import Testing
@testable import DarmarkaKit

/// A row of an exported journal names its movement; edited and imported
/// back, it corrects that movement instead of adding a second one.
@Suite("Import: corrections by re-import", .serialized)
struct ImportCorrectionCLITests {
    static func path(_ name: String, _ cli: CLI) -> String {
        URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The export, edited by `edit`, written beside the database.
    static func exportEdited(_ cli: CLI, lang: String = "en", _ edit: (String) -> String) throws -> String {
        let exported = path("export.csv", cli)
        let r = try cli.run(["export", "journal", "--output", exported, "--force", "--lang", lang])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing: \(text)")
        let out = path("edited.csv", cli)
        try edited.write(toFile: out, atomically: true, encoding: .utf8)
        return out
    }

    static func stock(_ cli: CLI) throws -> String { try cli.run(["stock", "--format", "csv"]).stdout }

    @Test func anEditedRowCorrectsItsMovement() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--date", "2026-11-01"]).status == 0)
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: ",shoes,6,", with: ",shoes,5,") }

        // A trial shows the correction as before → after and writes nothing.
        let before = try Self.stock(cli)
        let dry = try cli.run(["import", path, "--dry-run", "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Corrected: 1 (undone and recorded again as the file says: #1)."), "\(dry.stdout)")
        #expect(dry.stdout.contains("\(path):2: movement #1: quantity: 6 → 5"), "\(dry.stdout)")
        #expect(try Self.stock(cli) == before)

        let r = try cli.run(["import", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Исправлено: 1"), "\(r.stdout)")
        #expect(r.stdout.contains("загружено 1 строка из 1"), "\(r.stdout)")
        let stock = try cli.run(["stock", "--format", "json"]).stdout
        #expect(stock.contains("\"quantity\": 5"), "\(stock)")
        // One reversal and one new intake: three movements in all.
        let history = try cli.run(["history", "--format", "csv", "--lang", "en"]).stdout
        #expect(history.split(whereSeparator: \.isNewline).count == 4, "\(history)")
        // Items, kg, condition, recipient, volunteer, note: the reversal takes the 6 back.
        #expect(history.contains(",shoes,-6,,,,,undoes #1"), "\(history)")
        #expect(try cli.run(["check"]).status == 0)

        // The same file again, or the export of the corrected ledger, adds nothing.
        #expect(try cli.run(["import", path, "--lang", "en"]).stdout.contains("this file was imported already"))
        let again = try cli.run(["export", "journal", "--output", Self.path("again.csv", cli)])
        #expect(again.status == 0)
        let back = try cli.run(["import", Self.path("again.csv", cli), "--lang", "en"])
        #expect(back.stdout.contains("all 1 row was imported before; nothing added."), "\(back.stdout) \(back.stderr)")
        #expect(try cli.run(["stock", "--format", "json"]).stdout == stock)
    }

    /// A movement of several lines is undone whole and recorded again with
    /// all of its lines as the file says them.
    @Test func aMovementOfSeveralLinesIsRecordedAgainWhole() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let journal = Self.path("two.csv", cli)
        try csv([englishHeader + ["movement"],
                 ["2026-11-01", "intake", pre, "", "shoes", "6", "", "", "", "", "", "", "", "a"],
                 ["2026-11-01", "intake", pre, "", "toys", "3", "", "", "", "", "", "", "", "a"]])
            .write(toFile: journal, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", journal]).status == 0)
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: ",toys,3,", with: ",toys,2,") }
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 2 of 2 rows"), "\(r.stdout)")
        #expect(r.stdout.contains("movement #1: line 2: quantity: 3 → 2"), "\(r.stdout)")
        let stock = try cli.run(["stock", "--format", "csv", "--lang", "en"]).stdout
        #expect(stock.contains(",6,") && stock.contains(",2,") && !stock.contains(",12,"), "\(stock)")
        #expect(try cli.run(["check"]).status == 0)
        // Movement 1 undone whole by 2; the new movement 3 has both lines.
        let history = try cli.run(["history", "--format", "json", "--lang", "en"]).stdout
        #expect(history.components(separatedBy: "undoes #1").count == 3, "\(history)")
        #expect(history.components(separatedBy: "\"id\": 3,").count == 3, "\(history)")

        // A correction that leaves out one of a movement's rows is refused:
        // it would drop that line without saying so.
        let dropped = try Self.exportEdited(cli) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains(",shoes,6,") }
                .map { $0.replacingOccurrences(of: ",toys,2,", with: ",toys,1,") }.joined(separator: "\n")
        }
        let refused = try cli.run(["import", dropped, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(dropped):2: movement: movement #3 has 2 lines and the file 1"), "\(refused.stderr)")
    }

    @Test func anUndoneMovementCannotBeCorrected() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--date", "2026-11-01"])
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: ",shoes,6,", with: ",shoes,5,") }
        #expect(try cli.run(["undo", "1"]).status == 0)
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(path):2: movement: movement #1 was undone (by movement #2): there is nothing to correct"), "\(r.stderr)")
    }

    /// A correction changes what a movement moved, not its day, operation or
    /// boxes: such a row is another movement, perhaps of another database's
    /// export, and is refused rather than undoing this database's movement.
    @Test func anotherDayIsNotACorrection() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--date", "2026-11-01"])
        let before = try Self.stock(cli)
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: "2026-11-01,intake", with: "2026-11-02,intake") }
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(path):2: movement: movement #1 is intake 2026-11-01, \(pre); a correction keeps the date, operation and boxes"),
                "\(r.stderr)")
        #expect(try Self.stock(cli) == before)
    }

    /// Undoing the old movement and recording the row may leave a later
    /// handout short: refused at the row, like any row.
    @Test func aCorrectionThatShortsStockIsRefused() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--date", "2026-11-01"])
        try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "4", "--date", "2026-11-02"])
        let before = try Self.stock(cli)
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: ",shoes,6,", with: ",shoes,3,") }
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):2: quantity: "), "\(r.stderr)")
        #expect(r.stderr.contains("1 short"), "\(r.stderr)")
        #expect(try Self.stock(cli) == before)
    }

    /// A handout to a recipient corrected on its own day keeps the visit.
    @Test func aCorrectedHandoutKeepsItsVisit() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--date", "2026-11-01"])
        let handout = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-1",
                                   "--new-recipient", "--date", "2026-11-03"])
        #expect(handout.status == 0, "\(handout.stderr)")
        let report = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout
        let path = try Self.exportEdited(cli) { $0.replacingOccurrences(of: ",shoes,1,", with: ",shoes,2,") }
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Corrected: 1"))
        #expect(try cli.run(["check"]).status == 0)
        let after = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout
        #expect(after != report)
        #expect(try cli.run(["stock", "--format", "json"]).stdout.contains("\"quantity\": 4"))
    }

    /// Correcting outflows that were not weighed: undoing them gives back
    /// the kilograms they took by moving average, as `undo` does, and the
    /// rows that replace them take their share anew.
    @Test func aCorrectedUnweighedOutflowGivesBackItsKilograms() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        for step in [
            ["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--kg", "2,5", "--date", "2026-11-01"],
            ["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--date", "2026-11-02"],
            ["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "2", "--date", "2026-11-03"],
        ] {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        // 1 of 6 takes 2,5 kg ÷ 6 = 0,417; 2 of the 5 left take 2,083 × 2 ÷ 5 = 0,833.
        var stock = try KilogramTests.stock(cli, "shoes")
        #expect(stock[pre]?.items == 3 && stock[pre]?.kg == 1.25 && stock[mat]?.kg == 0.833, "\(stock)")
        let path = try Self.exportEdited(cli) {
            $0.replacingOccurrences(of: ",handout,\(pre),,shoes,1,", with: ",handout,\(pre),,shoes,2,")
                .replacingOccurrences(of: ",transfer,\(pre),\(mat),shoes,2,", with: ",transfer,\(pre),\(mat),shoes,3,")
        }
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Corrected: 2"), "\(r.stdout)")
        // As if recorded so: 2 of 6 take 0,833; 3 of the 4 left take 1,667 × 3 ÷ 4 = 1,25; PRE keeps 1 pair, 0,417.
        stock = try KilogramTests.stock(cli, "shoes")
        #expect(stock[pre]?.items == 1 && stock[pre]?.kg == 0.417, "\(stock)")
        #expect(stock[mat]?.items == 3 && stock[mat]?.kg == 1.25, "\(stock)")
        let check = try cli.run(["check"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let out = try cli.run(["report", "monthly", "--month", "2026-11", "--centre", "PRE", "--format", "json"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(KilogramTests.kg(report, "handedOut") == 0.833 && KilogramTests.kg(report, "handedOut", "kgEstimated") == 0.833)
        #expect(ReportCLITests.amount(report, "transfers", "out").kg == 1.25)
        // 2,5 received − 0,833 handed out − 1,25 moved out = 0,417 at the end.
        #expect(KilogramTests.kg(report, "stockAtEnd") == 0.417)
    }

    /// `--excel`: `;`, decimals with a comma, categories and groups by their
    /// names in --lang; it imports back as the same rows.
    @Test func anExcelExportReadsBackUnchanged() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "6", "--kg", "2,5", "--date", "2026-11-01"])
        let handout = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-1",
                                   "--new-recipient", "--group", "многодетные", "--date", "2026-11-03"])
        #expect(handout.status == 0, "\(handout.stderr)")
        for lang in ["ru", "en"] {
            let out = Self.path("excel-\(lang).csv", cli)
            #expect(try cli.run(["export", "journal", "--excel", "--lang", lang, "--output", out]).status == 0)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains(";2,5;"), "\(text)")
            #expect(text.contains(lang == "ru" ? ";Обувь;" : ";Shoes;"), "\(text)")
            #expect(!text.contains(";shoes;") && !text.contains("large-family"), "\(text)")
            let back = try cli.run(["import", out, "--lang", "en"])
            #expect(back.stdout.contains("all 2 rows were imported before; nothing added."), "\(back.stdout) \(back.stderr)")
        }
    }
}
