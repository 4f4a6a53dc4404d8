import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// The sealed ledger (docs/ledger-seal.md) and forgetting a person for good.
@Suite("Sealed ledger")
struct SealTests {
    /// Ten more shoes in movement `id` (an intake of `box`, category shoes),
    /// in the ledger and in every table derived from it: the tables agree,
    /// as a careful forger would leave them. The triggers are dropped and
    /// made again exactly as they were.
    static func forgeTenMore(_ path: String, movement id: Int64) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER movement_line_is_append_only")
            try db.execute(sql: "UPDATE movement_line SET quantity = quantity + 10 WHERE movement_id = ?", arguments: [id])
            let m = try #require(try Row.fetchOne(db, sql: """
                SELECT m.to_box_id AS box, m.occurred_on AS day, l.category_id AS category FROM movement m
                JOIN movement_line l ON l.movement_id = m.id WHERE m.id = ?
                """, arguments: [id]))
            try db.execute(sql: "UPDATE balance SET quantity = quantity + 10 WHERE box_id = ? AND category_id = ?",
                           arguments: [m["box"], m["category"]])
            try db.execute(sql: "UPDATE balance_day SET quantity = quantity + 10 WHERE box_id = ? AND category_id = ? AND day = ?",
                           arguments: [m["box"], m["category"], m["day"]])
            try db.execute(sql: """
                UPDATE flow_month SET items = items + 10 WHERE month = substr(?, 1, 7) AND kind = 'intake' AND to_box_id = ? AND category_id = ?
                """, arguments: [m["day"], m["box"], m["category"]])
            #expect(db.changesCount == 1)
            let trigger = try #require(AppendOnly.triggers.first { $0.name == "movement_line_is_append_only" })
            try db.execute(sql: trigger.sql)
        }
        try queue.close()
    }

    /// A demo database with three intakes, the second of which is forged later.
    static func ledger() throws -> (CLI, box: String) {
        let (cli, pre, _) = try CLI.withDemo()
        for (day, quantity) in [("2026-11-02", "5"), ("2026-11-03", "7"), ("2026-11-04", "4")] {
            let r = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", quantity, "--date", day])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return (cli, pre)
    }

    @Test func checkFindsAConsistentForgeryAndNamesItsMovement() throws {
        let (cli, _) = try Self.ledger()
        #expect(try cli.run(["check"]).status == 0)
        try Self.forgeTenMore(cli.database, movement: 2)
        // The stock and every report table agree with the forged ledger …
        let stock = try cli.run(["stock", "--format", "json"]).stdout
        #expect(stock.contains("\"quantity\": 26"), "\(stock)")
        // … but its seal does not.
        let r = try cli.run(["check"])
        #expect(r.status != 0)
        #expect(r.stdout.contains("Печать журнала не сходится на движении №2"), "\(r.stdout)")
        #expect(!r.stdout.contains("№3"), "only the first broken movement is named")
    }

    @Test func aReportVerifiesAndStopsVerifyingAfterAForgery() throws {
        let (cli, box) = try Self.ledger()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let report = dir.appendingPathComponent("ноябрь.json").path
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "-o", report]).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let seal = try #require(json["seal"] as? [String: Any])
        #expect(seal["movement"] as? Int == 3)
        let hash = try #require(seal["hash"] as? String)
        #expect(hash.count == 64)
        // Every text form prints the same seal.
        for form in ["table", "csv", "md", "html"] {
            let out = try cli.run(["report", "monthly", "--month", "2026-11", "--format", form]).stdout
            #expect(out.contains("3:\(hash)"), "\(form)")
        }
        let ok = try cli.run(["verify", report])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Печать №3 верна") && ok.stdout.contains("Цифры отчёта те же"), "\(ok.stdout)")
        #expect(try cli.run(["verify", "--seal", "3:\(hash)"]).status == 0)

        // A later movement outside the period leaves the report's figures as they were …
        #expect(try cli.run(["intake", "--box", box, "--category", "shoes", "--quantity", "1", "--date", "2026-12-01"]).status == 0)
        let after = try cli.run(["verify", report])
        #expect(after.status == 0 && after.stdout.contains("записано движений: 1"), "\(after.stdout) \(after.stderr)")
        // … one back-dated into it does not, and verify says why.
        #expect(try cli.run(["intake", "--box", box, "--category", "shoes", "--quantity", "1", "--date", "2026-11-20"]).status == 0)
        let backDated = try cli.run(["verify", report])
        #expect(backDated.status != 0 && backDated.stderr.contains("записано движений: 2"), "\(backDated.stderr)")

        try Self.forgeTenMore(cli.database, movement: 2)
        let forged = try cli.run(["verify", report])
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("Печать №3 не совпадает"), "\(forged.stderr)")
        #expect(try cli.run(["verify", "--seal", "3:\(hash)"]).status != 0)
        #expect(try cli.run(["verify", "--seal", "3:abc"]).stderr.contains("не читается"))
        #expect(try cli.run(["verify", "--seal", "99:\(hash)"]).stderr.contains("нет движения №99"))
    }

    @Test func aReportEditedByHandDoesNotVerify() throws {
        let (cli, _) = try Self.ledger()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let report = dir.appendingPathComponent("r.json").path
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "-o", report]).status == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("\"received\": {\"items\": 16"))
        try text.replacingOccurrences(of: "\"received\": {\"items\": 16", with: "\"received\": {\"items\": 26")
            .write(toFile: report, atomically: true, encoding: .utf8)
        let r = try cli.run(["verify", report])
        #expect(r.status != 0)
        #expect(r.stderr.contains("расходятся"), "\(r.stderr)")
        #expect(try cli.run(["verify", dir.appendingPathComponent("none.json").path]).status != 0)
    }

    @Test func undoImportExportBackupAndRestoreKeepTheChain() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01", "--note", "от соседей"])
        try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "2", "--date", "2026-11-02"])
        #expect(try cli.run(["undo", "2"]).status == 0)
        // An import of many rows (several statements), one with a note.
        var journal = "date,operation,box,category,quantity,note\n"
        for i in 0 ..< 2500 { journal += "2026-11-\(String(format: "%02d", 3 + i % 20)),intake,\(pre),kids,1,\(i == 7 ? "с запиской" : "")\n" }
        let file = dir.appendingPathComponent("j.csv").path
        try journal.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        // A correction by re-import writes a reversal inside an import.
        #expect(try cli.run(["handout", "--box", pre, "--category", "kids", "--quantity", "1", "--date", "2026-11-25"]).status == 0)
        #expect(try cli.run(["check"]).status == 0)
        let seal = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout

        // Backup → restore into another place: the chain holds there.
        let copy = dir.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["backup", copy]).status == 0)
        let restored = CLI(database: dir.appendingPathComponent("restored.sqlite").path)
        #expect(try restored.run(["restore", copy]).status == 0)
        #expect(try restored.run(["check"]).status == 0)
        #expect(try restored.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout == seal)

        // Export → import into a new database builds its own chain.
        let exported = dir.appendingPathComponent("export.csv").path
        #expect(try cli.run(["export", "journal", "-o", exported]).status == 0)
        let fresh = CLI(database: dir.appendingPathComponent("fresh.sqlite").path)
        try fresh.run(["init"])
        try fresh.run(["centre", "add", "--code", "PRE", "--name", "П"])
        try fresh.run(["centre", "add", "--code", "MAT", "--name", "М"])
        // The same box codes: a references file of the first database.
        let refs = dir.appendingPathComponent("boxes.csv").path
        #expect(try cli.run(["export", "boxes", "-o", refs]).status == 0)
        let boxes = try fresh.run(["import", refs, "--kind", "boxes"])
        #expect(boxes.status == 0, "\(boxes.stderr)")
        let again = try fresh.run(["import", exported])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fresh.run(["check"]).status == 0)
        let notes = try fresh.run(["history", "--format", "csv", "--limit", "5000"]).stdout
        #expect(notes.contains("с запиской") && notes.contains("от соседей"))
    }

    @Test func aDatabaseFromBeforeTheSealIsSealedOnUpgrade() throws {
        let path = try UpgradeTests.copyOfFixture("v1-darmarka.sqlite")
        let note = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT note FROM movement WHERE note IS NOT NULL") }
        let cli = CLI(database: path)
        let r = try cli.run(["check"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        let queue = try DatabaseQueue(path: path)
        try queue.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement WHERE length(seal) = 32") == 29)
            #expect(try String.fetchOne(db, sql: "SELECT note FROM movement_note") == note)
            #expect(try db.columns(in: "movement").map(\.name).contains("note") == false)
        }
        try queue.close()
        // New movements go on the chain the upgrade built.
        let box = try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT code FROM box WHERE status = 'active' ORDER BY id") })
        #expect(try cli.run(["intake", "--box", box, "--category", "shoes", "--quantity", "1"]).status == 0)
        #expect(try cli.run(["check"]).status == 0)
        try Self.forgeTenMore(path, movement: 1)
        #expect(try cli.run(["check"]).stdout.contains("№1"))
    }

    @Test func thePythonRecipeGivesTheReportsSeal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let (cli, _) = try Self.ledger()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/ledger-seal.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```python\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound ..< doc.endIndex))
        let script = dir.appendingPathComponent("chain.py").path
        try String(doc[start.upperBound ..< end.lowerBound]).write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, cli.database]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        let report = try cli.run(["report", "monthly", "--month", "2026-11"]).stdout
        #expect(printed.hasPrefix("3:") && report.contains(printed), "\(printed)")
    }

    @Test func forgettingAPersonLeavesNoTraceInTheWorkingFile() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        try cli.run(["intake", "--box", pre, "--category", "kids", "--quantity", "20", "--date", "2026-11-01"])
        try cli.run(["recipient", "add", "ЖУК-731", "--group", "refugee"])
        try cli.run(["recipient", "add", "ЛИС-512"])
        // A note naming a registered code is written, with a warning.
        let warned = try cli.run(["handout", "--box", pre, "--category", "kids", "--quantity", "2", "--recipient", "ЖУК-731",
                                  "--date", "2026-11-03", "--note", "жук 731 просила зимнее"])
        #expect(warned.status == 0 && warned.stderr.contains("примечание называет код получателя ЖУК-731"), "\(warned.stderr)")
        let quiet = try cli.run(["handout", "--box", pre, "--category", "kids", "--quantity", "1", "--recipient", "ЛИС-512",
                                 "--date", "2026-11-03", "--note", "размер 30"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // A journal brings in more of the person, a note naming them too.
        let journal = """
            date,operation,box,category,quantity,recipient,note
            2026-11-05,handout,\(pre),kids,1,ЖУК-731,
            2026-11-06,handout,\(pre),kids,1,ЛИС-512,
            2026-11-06,intake,\(pre),kids,3,,привезла ЖУК731 с мамой

            """
        let file = dir.appendingPathComponent("j.csv").path
        try journal.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", file])
        #expect(imported.status == 0 && imported.stderr.contains("примечание называет код получателя ЖУК-731"), "\(imported.stderr)")
        let backup = dir.appendingPathComponent("before.sqlite").path
        #expect(try cli.run(["backup", backup]).status == 0)
        let report = dir.appendingPathComponent("r.json").path
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "-o", report]).status == 0)

        let forgot = try cli.run(["recipient", "forget", "жук731"])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("стёрто: 2"), "\(forgot.stdout)")

        // History and export show the redaction; the other person's note stays.
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let export = try cli.run(["export", "journal"]).stdout
        for text in [history, export] {
            #expect(text.contains("[удалено]") && text.contains("размер 30"))
            #expect(!text.contains("ЖУК") && !text.contains("жук") && !text.contains("зимнее") && !text.contains("с мамой"))
        }
        // The chain still verifies, and so does the report made before.
        #expect(try cli.run(["check"]).status == 0)
        #expect(try cli.run(["verify", report]).status == 0)

        // The working file and its WAL hold no byte of the code or the notes.
        let working = [cli.database, cli.database + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
        for path in working {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for trace in ["ЖУК-731", "ЖУК731", "жук 731", "зимнее", "с мамой", "ZHUK731"] {
                #expect(bytes.range(of: Data(trace.utf8)) == nil, "\(trace) in \(path)")
            }
        }
        // The backup taken before still holds them: that is what it is for.
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)).range(of: Data("ЖУК-731".utf8)) != nil)

        // No fingerprint of the person's rows is left to test a guess.
        let queue = try DatabaseQueue(path: cli.database)
        let left = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT r.forgotten_at IS NOT NULL AS forgotten, length(f.prints) AS n FROM import_fingerprint_person f JOIN recipient r ON r.id = f.recipient_id")
        }
        try queue.close()
        #expect(left.count == 2)
        for row in left { #expect((row["n"] as Int == 0) == (row["forgotten"] as Bool)) }

        // The same journal, grown by a row, imported again: the forgotten
        // person's old row is not brought in a second time (nor their code
        // registered anew), the new row is.
        try (journal + "2026-11-07,intake,\(pre),kids,2,,\n").write(toFile: file, atomically: true, encoding: .utf8)
        let grown = try cli.run(["import", file, "--format", "json"])
        #expect(grown.status == 0, "\(grown.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(grown.stdout.utf8)) as? [String: Any])
        #expect(summary["skipped"] as? Int == 3, "\(grown.stdout)")
        #expect(!(try cli.run(["recipient", "list", "--format", "csv"]).stdout.contains("ЖУК")))
        #expect(try cli.run(["check"]).status == 0)
    }
}
