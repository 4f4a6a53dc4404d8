import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

@Suite("Import: command line", .serialized)
struct ImportCLITests {
    /// A file beside the test's database.
    static func write(_ text: String, _ name: String, for cli: CLI, encoding: CSVEncoding = .utf8) throws -> String {
        let path = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent(name).path
        let bytes = encoding == .utf8 ? Array(text.utf8) : (CP1251.encode(text) ?? [])
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func importsSaysWhatItDidAndOnlyOnce() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let text = csv([russianHeader,
                        ["03.11.2026", "приём", pre, "", "обувь", "5", "2,5", "хорошее", "", "", "", "Анна", "в пакете; с биркой"],
                        ["04.11.2026", "выдача", pre, "", "обувь", "2", "", "", "ТД-1", "многодетные", "", "Анна", "две\nстроки"],
                        ["04.11.2026", "перемещение", pre, mat, "обувь", "1", "", "", "", "", "", "Анна", ""]],
                       delimiter: .semicolon, lineEnding: "\r\n")
        let path = try Self.write(text, "журнал.csv", for: cli, encoding: .cp1251)
        let first = try cli.run(["import", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("\(path): загружено 3 строки из 3 за "), "\(first.stdout)")
        #expect(first.stdout.contains("приём"))
        #expect(first.stdout.contains("Новых получателей: 1, мероприятий: 0, волонтёров: 1."))
        #expect(first.stderr == "")

        let again = try cli.run(["import", path, "--lang", "en"])
        #expect(again.status == 0)
        #expect(again.stdout.split(separator: "\n").count == 1)
        #expect(again.stdout.contains("this file was imported already"))

        let json = try cli.run(["import", path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "same-file")

        let stock = try cli.run(["stock", "--format", "json"])
        #expect(stock.stdout.contains("\"quantity\": 2"))
    }

    /// A journal exported and imported back into the database it came from
    /// adds nothing: the export names categories and groups by their codes
    /// (`shoes`, `large-family`) where the file said `обувь`, `многодетные`.
    @Test func anExportOfImportedRowsImportsNothing() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let text = csv([russianHeader,
                        ["03.11.2026", "приём", pre, "", "Обувь", "5", "2,5", "хорошее", "", "", "", "Анна", ""],
                        ["04.11.2026", "выдача", pre, "", "обувь", "2", "", "", "ТД-1", "многодетные", "", "Анна", ""]],
                       delimiter: .semicolon, lineEnding: "\r\n")
        let path = try Self.write(text, "журнал.csv", for: cli)
        #expect(try cli.run(["import", path]).status == 0)
        let stock = try cli.run(["stock", "--format", "csv"]).stdout
        let history = try cli.run(["history", "--format", "csv"]).stdout
        for lang in ["en", "ru"] {
            let exported = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("export-\(lang).csv").path
            let export = try cli.run(["export", "journal", "--output", exported, "--lang", lang])
            #expect(export.status == 0, "\(export.stderr)")
            let back = try cli.run(["import", exported, "--lang", "en"])
            #expect(back.status == 0, "\(back.stderr)")
            #expect(back.stdout.hasSuffix("all 2 rows were imported before; nothing added.\n"), "\(back.stdout)")
        }
        #expect(try cli.run(["stock", "--format", "csv"]).stdout == stock)
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
    }

    /// Movements recorded by hand have no fingerprints; an export names them
    /// by number, and a row that says what that movement's line says is in
    /// the ledger already. A line edited in the file corrects its movement.
    @Test func anExportOfRecordedMovementsImportsOnlyWhatChanged() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--kg", "2,5", "--date", "2026-11-01", "--volunteer", "Анна"])
        try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "2", "--date", "2026-11-02"])
        try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-1", "--new-recipient", "--group", "многодетные", "--date", "2026-11-03"])
        let undone = try cli.run(["intake", "--box", pre, "--category", "toys", "--quantity", "1", "--date", "2026-11-04", "--format", "csv"])
        let exported = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("export.csv").path
        #expect(try cli.run(["export", "journal", "--output", exported]).status == 0)
        // Undone after the export: the old export must not bring it back.
        try cli.run(["undo", String(undone.stdout.split(separator: "\n").last?.split(separator: ",").first ?? "")])
        let stock = try cli.run(["stock", "--format", "csv"]).stdout
        let history = try cli.run(["history", "--format", "csv"]).stdout

        let back = try cli.run(["import", exported, "--lang", "en"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.hasSuffix("all 4 rows were imported before; nothing added.\n"), "\(back.stdout)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout == stock)
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)

        // The handout's quantity changed in the file: it corrects the handout, the rest are in the ledger.
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        let edited = text.replacingOccurrences(of: ",1,,,ТД-1,", with: ",2,,,ТД-1,")
        #expect(edited != text)
        let path = try Self.write(edited, "edited.csv", for: cli)
        let again = try cli.run(["import", path, "--lang", "en"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 of 4 rows"), "\(again.stdout)")
        #expect(again.stdout.contains("Corrected: 1"), "\(again.stdout)")
    }

    @Test func problemsGoToStandardErrorAsFileLineColumn() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let text = csv([englishHeader,
                        ["2026-11-05", "handout", pre, "", "shoes", "2", "", "", "", "", "", "", ""],
                        ["2026-11-31", "intake", pre, "", "shoes", "1", "", "", "", "", "", "", ""],
                        ["2026-11-05", "intake", pre, "", "носки-2", "1", "", "", "", "", "", "", ""]])
        let path = try Self.write(text, "bad.csv", for: cli)
        let before = try cli.run(["history", "--format", "csv"]).stdout
        let r = try cli.run(["import", path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(r.stderr)")
        #expect(lines[0] == "\(path):2: quantity: box \(pre) holds 0 of “Shoes” on 2026-11-05, 2 asked")
        #expect(lines[1].hasPrefix("\(path):3: date: "))
        #expect(lines[2].hasPrefix("\(path):4: category: there is no category “носки-2”"))
        #expect(lines[3] == "\(path): nothing was imported — 3 problems. Correct the file and import it again.")
        #expect(try cli.run(["history", "--format", "csv"]).stdout == before)

        let dry = try cli.run(["import", path, "--dry-run"])
        #expect(dry.status == 1)
        let missing = try cli.run(["import", path + ".none"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("\(path).none: не удалось прочитать файл: "))
        let header = try cli.run(["import", try Self.write("a,b\n1,2\n", "x.csv", for: cli)])
        #expect(header.status == 1)
        #expect(header.stderr.contains("x.csv:1: нет нужных столбцов"))
        let kind = try cli.run(["import", path, "--kind", "shelves"])
        #expect(kind.status != 0 && kind.stderr.contains("shelves"))
    }

    @Test func encodingAndDelimiterCanBeGiven() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let text = csv([russianHeader, ["03.11.2026", "приём", pre, "", "книги", "2", "1,5", "", "", "", "", "", "в коробке, две"]],
                       delimiter: .semicolon, lineEnding: "\r\n")
        let path = try Self.write(text, "excel.csv", for: cli, encoding: .cp1251)
        let wrong = try cli.run(["import", path, "--encoding", "utf8", "--lang", "en"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("excel.csv:1: the header is not valid UTF-8"), "\(wrong.stderr)")
        let bad = try cli.run(["import", path, "--encoding", "koi8"])
        #expect(bad.status != 0 && bad.stderr.contains("koi8"))
        let right = try cli.run(["import", path, "--encoding", "cp1251", "--delimiter", ";"])
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try cli.run(["history"]).stdout.contains("в коробке, две"))
    }

    @Test func aTrialRunWritesNothing() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let path = try Self.write(csv([englishHeader, ["2026-11-03", "intake", pre, "", "shoes", "5", "", "", "", "", "", "", ""]]), "t.csv", for: cli)
        let dry = try cli.run(["import", path, "--dry-run", "--lang", "en"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("checked, no problems; would import 1 of 1 row"))
        #expect(dry.stdout.contains("nothing written (--dry-run)"))
        #expect(try cli.run(["stock"]).stdout.contains("Ничего не найдено"))
        #expect(try cli.run(["import", path]).status == 0)
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.contains(",5,"))
    }

    /// A killed import leaves the database as it was: SQLite's transaction
    /// is the whole import, and a transaction never half-happens.
    @Test func aKilledImportLeavesTheDatabaseAsItWas() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--date", "2026-11-01"])
        let history = try cli.run(["history", "--format", "csv"]).stdout
        // Enough rows that the debug build takes many seconds on them.
        var text = englishHeader.joined(separator: ",") + "\n"
        let boxes = [pre, mat]
        for i in 0 ..< 300_000 {
            let day = LocalDate(dayNumber: LocalDate.parse("2025-01-01")!.dayNumber + i / 1000)
            text += "\(day),intake,\(boxes[i % 2]),,shoes,\(1 + i % 5),0.5,good,,,,Анна,row \(i)\n"
        }
        let path = try Self.write(text, "large.csv", for: cli)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", path]
        var env = ProcessInfo.processInfo.environment
        env["DARMARKA_DB"] = cli.database
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it has written a good part of the transaction into the
        // write-ahead log, then kill it as a power cut would.
        let wal = cli.database + "-wal"
        let deadline = Date().addingTimeInterval(120)
        var walSize = 0
        while process.isRunning, Date() < deadline {
            walSize = ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? NSNumber)?.intValue ?? 0
            if walSize > 8 << 20 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(process.isRunning, "the import ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(walSize > 8 << 20)

        let queue = try DatabaseQueue(path: cli.database)
        let (integrity, counts) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try ["movement", "movement_line", "import_batch", "balance_day", "recipient", "volunteer"].map {
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
             })
        }
        #expect(integrity == "ok")
        #expect(counts == [1, 1, 0, 1, 0, 0])
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
        // And the database takes the next import as usual.
        let small = try Self.write(csv([englishHeader, ["2026-11-03", "handout", pre, "", "shoes", "1", "", "", "", "", "", "", ""]]), "small.csv", for: cli)
        #expect(try cli.run(["import", small]).status == 0)
    }

    /// Export everything, import it into a new database: the same stock and
    /// the same reports.
    @Test func exportThenImportReproducesStockAndReports() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let pre2 = try CLI.code(try cli.run(["box", "add", "--centre", "PRE", "--name", "Склад", "--kind", "storage", "--format", "json"]).stdout)
        let steps: [[String]] = [
            ["intake", "--box", pre, "--category", "обувь", "--quantity", "12", "--kg", "7,2", "--condition", "good", "--date", "2026-10-20", "--volunteer", "Анна"],
            ["intake", "--box", pre, "--category", "toys", "--quantity", "9", "--date", "2026-11-02", "--time", "10:15", "--volunteer", "Олег", "--note", "в пакете, «новые»"],
            ["intake", "--box", mat, "--category", "books", "--quantity", "7", "--kg", "3", "--date", "2026-11-02"],
            ["recipient", "add", "К-9", "--group", "пенсионеры", "--household", "4", "--date", "2026-10-01"],
            ["event", "add", "--name", "Ярмарка", "--date", "2026-11-07", "--centre", "PRE", "--participants", "40"],
            ["event", "add", "--name", "Пустая ярмарка", "--date", "2026-11-21", "--participants", "3"],
            ["handout", "--box", pre, "--category", "shoes", "--quantity", "2", "--recipient", "К-9", "--date", "2026-11-07", "--event", "Ярмарка"],
            ["handout", "--box", pre, "--category", "toys", "--quantity", "1", "--recipient", "ТД-042", "--new-recipient", "--group", "многодетные", "--household", "5", "--date", "2026-11-07", "--event", "Ярмарка", "--volunteer", "Анна"],
            ["handout", "--box", pre, "--category", "toys", "--quantity", "1", "--date", "2026-11-08"],
            ["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "3", "--date", "2026-11-09"],
            ["transfer", "--from", pre, "--to", pre2, "--category", "toys", "--quantity", "2", "--date", "2026-11-09"],
            ["writeoff", "--box", mat, "--category", "books", "--quantity", "1", "--reason", "порваны", "--date", "2026-11-10"],
            ["count", "--box", pre, "--category", "toys", "--quantity", "8", "--date", "2026-11-12"],
            ["count", "--box", mat, "--category", "books", "--quantity", "4", "--date", "2026-11-12"],
            ["handout", "--box", mat, "--category", "shoes", "--quantity", "1", "--recipient", "К-9", "--date", "2026-11-14"],
            ["handout", "--box", mat, "--category", "shoes", "--quantity", "1", "--recipient", "К-9", "--date", "2026-11-14"],
            ["undo", "13"],
        ]
        for step in steps {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        func out(_ name: String) -> String { dir.appendingPathComponent(name).path }
        for (kind, lang) in [("boxes", "en"), ("recipients", "ru"), ("events", "en"), ("journal", "ru")] {
            let r = try cli.run(["export", kind, "--output", out("\(kind).csv"), "--lang", lang])
            #expect(r.status == 0, "\(kind): \(r.stderr)")
        }
        let excel = try cli.run(["export", "journal", "--excel", "--output", out("excel.csv")])
        #expect(excel.status == 0)

        let copy = CLI(database: dir.appendingPathComponent("copy.sqlite").path)
        #expect(try copy.run(["init"]).status == 0)
        for kind in ["boxes", "recipients", "events"] {
            let r = try copy.run(["import", "--kind", kind, out("\(kind).csv")])
            #expect(r.status == 0, "\(kind): \(r.stderr)")
        }
        let journal = try copy.run(["import", out("journal.csv")])
        #expect(journal.status == 0, "\(journal.stderr)")
        // The journal for Excel holds the same rows: nothing new in it.
        let again = try copy.run(["import", out("excel.csv"), "--lang", "en"])
        #expect(again.stdout.contains("were imported before; nothing added"), "\(again.stdout) \(again.stderr)")

        for command in [["stock", "--format", "json"], ["stock", "--date", "2026-11-09", "--format", "json"],
                        ["report", "monthly", "--month", "2026-11", "--format", "json"],
                        ["report", "monthly", "--month", "2026-10", "--format", "json"],
                        ["report", "range", "--from", "2026-11-05", "--to", "2026-11-12", "--format", "json"],
                        ["box", "list", "--format", "json"], ["recipient", "list", "--format", "json"], ["event", "list", "--format", "json"]] {
            let original = try cli.run(command), copied = try copy.run(command)
            #expect(original.status == 0 && copied.status == 0)
            // The same figures; each database has its own chain, so its own seal.
            func figures(_ json: String) -> String {
                json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"seal\": ") }.joined(separator: "\n")
            }
            #expect(figures(original.stdout) == figures(copied.stdout), "\(command)")
            #expect(original.stdout.count > 40, "\(command)")
        }
        // The movements that count are the same, in the same order, undone
        // ones and their reversals left out.
        let exported = try String(contentsOfFile: out("journal.csv"), encoding: .utf8)
        #expect(exported.contains(",12\n") && !exported.contains(",13\n") && !exported.contains(",14\n"))
        // Filters: one centre's boxes, a range of days.
        let oneCentre = try copy.run(["export", "journal", "--centre", "MAT", "--from", "2026-11-10", "--to", "2026-11-30", "--lang", "en"])
        let matRows = oneCentre.stdout.split(separator: "\n").dropFirst()
        #expect(matRows.count == 3, "\(oneCentre.stdout)")
        #expect(matRows.allSatisfy { $0.hasPrefix("2026-11-1") && $0.contains(mat) })
        let reexport = try copy.run(["export", "journal", "--lang", "ru"])
        func withoutNumbers(_ text: String) -> [String] { text.split(separator: "\n").map { String($0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")) } }
        #expect(withoutNumbers(reexport.stdout) == withoutNumbers(exported))
    }
}
