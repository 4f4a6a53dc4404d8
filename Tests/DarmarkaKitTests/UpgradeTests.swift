import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

@Suite("Upgrades")
struct UpgradeTests {
    static func copyOfFixture(_ name: String) throws -> String {
        let source = repositoryRoot.appendingPathComponent("Tests/DarmarkaKitTests/Fixtures/\(name)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("centre.sqlite").path
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        return path
    }

    /// Every row of every table, as text, table by table.
    static func dump(_ path: String, tables: [String]) throws -> [String: [String]] {
        let q = try DatabaseQueue(path: path, configuration: SQLiteStore.configuration(readonly: true))
        return try q.read { db in
            var out: [String: [String]] = [:]
            for t in tables {
                // Version 5 numbers lines within their movement instead of
                // giving them ids: what they hold must stay the same.
                // Version 6 values kilograms by moving average: stock no
                // longer keeps the weight of what left (checked below).
                // Version 7 gives each recipient's code its key beside it.
                let columns = t == "movement_line" ? "movement_id, category_id, quantity, grams, condition"
                    : t == "balance" ? "box_id, category_id, quantity"
                    : t == "balance_day" ? "box_id, category_id, day, quantity"
                    : t == "recipient" ? "id, code, group_id, household_size, registered_on, contact, consent_on, forgotten_at"
                    // Version 9 seals each movement and keeps its note apart.
                    : t == "movement" ? """
                        id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id, recipient_id, event_id, volunteer_id,
                        \(try db.tableExists("movement_note") ? "(SELECT n.note FROM movement_note n WHERE n.movement_id = movement.id)" : "note") AS note,
                        reverses_id, import_id
                        """ : "*"
                out[t] = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(t)").map { $0.description }.sorted()
            }
            return out
        }
    }

    @Test func aVersion1DatabaseOpensUpgradesAndKeepsEveryRow() throws {
        let path = try Self.copyOfFixture("v1-darmarka.sqlite")
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        #expect(tables.contains("movement") && !tables.contains("flow_month"))
        let before = try Self.dump(path, tables: tables)
        #expect(before["movement"]?.count == 29)

        let store = try Store.open(path: path)
        let after = try Self.dump(path, tables: tables)
        #expect(after == before)
        // A copy was taken before the upgrade.
        let backup = path + ".before-upgrade-from-v1"
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try Self.dump(backup, tables: tables) == before)
        // The new report tables were filled from the old ledger, and agree with it.
        #expect(try store.read { try $0.verify() } == [])
        let october = try store.read { try $0.report(.monthly(YearMonth(year: 2026, month: 10)!)) }.main
        #expect(october.received.items == 100)
        #expect(october.received.grams == 45_000)
        #expect(october.handedOut.items == 7)
        #expect(october.recipients == RecipientFacts(unique: 2, new: 2, visits: 3, people: 6, byGroup: ["large-family": 1, "pensioner": 1]))
        #expect(october.handedOutAtEvents.items == 4)
        #expect(october.adjustments.items == -6)
        #expect(october.stockAtEnd.items == 30 + 48 + 7)
        // 10 unweighed coats moved to sorting took 7,5 kg of the 60 × 0,75 kg in: 3 of them left, 5,25 kg stay.
        #expect(try store.read { try $0.stock() }.map(\.grams.value).sorted() == [0, 5_250, 36_000])
        #expect(october.stockAtEnd.grams == 36_000 + 5_250)
        // And it goes on working: record, undo, report.
        let box = try store.read { try $0.box("B-0001Z") }
        let kind = try store.read { try $0.category("womens") }
        let id = try store.write { tx in
            try tx.record(MovementDraft(kind: .handout, date: LocalDate(year: 2026, month: 11, day: 2)!, fromBox: box.id,
                                        lines: [LineDraft(categoryID: kind.id, quantity: 8)]))
        }
        #expect(id == 30)
        #expect(try store.read { try $0.verify() } == [])
    }

    /// Version 7 keys every code; two codes registered before that are one
    /// code typed differently stay two people: the upgrade does not fail,
    /// `check` names them, the exact spelling finds each, any other is refused.
    @Test func version7KeysCodesAndKeepsTwoThatShareAKey() throws {
        let q = try DatabaseQueue()
        try Migrations.migrator.migrate(q, upTo: "v5-keyed-lines")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO recipient(id, code, registered_on) VALUES (1, 'ТД-042', '2026-10-01');
                INSERT INTO recipient(id, code, registered_on) VALUES (2, 'ТД42', '2026-10-02');
                INSERT INTO recipient(id, code, registered_on) VALUES (3, 'К-007', '2026-10-03');
                """)
        }
        try Migrations.migrator.migrate(q)
        try q.read { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT code_key FROM recipient ORDER BY id") == ["TD42", "TD42", "K7"])
            let tx = SQLiteLedger(db: db)
            #expect(try tx.verify() == [])
            #expect(try tx.recipientsSharingCodes() == [["ТД-042", "ТД42"]])
            #expect(try tx.recipient("тд42")?.id == 2)
            #expect(try tx.recipient("ТД-042")?.id == 1)
            #expect(try tx.recipient("k7")?.id == 3)
            #expect(throws: RecipientProblem.ambiguous("TD-42", candidates: ["ТД-042", "ТД42"])) { try tx.recipient("td-42") }
        }
    }

    /// Version 5 numbers each movement's lines in their old order, and the
    /// database still refuses a second undo of one movement.
    @Test func version5NumbersLinesAndKeepsOneUndoPerMovement() throws {
        let q = try DatabaseQueue()
        try Migrations.migrator.migrate(q, upTo: "v4-leaner-indexes")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO centre(id, code, name, created_at) VALUES (1, 'PRE', 'П', '2026-01-01');
                INSERT INTO issued_code(serial, code, centre_id, issued_at, purpose) VALUES (1, 'B-0001Z', 1, '2026-01-01', 'box');
                INSERT INTO box(id, code, centre_id, kind, created_at) VALUES (1, 'B-0001Z', 1, 'collection', '2026-01-01');
                INSERT INTO movement(id, kind, occurred_on, recorded_at, to_box_id) VALUES (1, 'intake', '2026-10-01', 'now', 1);
                INSERT INTO movement(id, kind, occurred_on, recorded_at, to_box_id) VALUES (2, 'intake', '2026-10-02', 'now', 1);
                INSERT INTO movement_line(id, movement_id, category_id, quantity) VALUES (7, 1, 6, 3), (8, 2, 4, 1), (9, 1, 2, 5);
                INSERT INTO movement(id, kind, occurred_on, recorded_at, to_box_id, reverses_id) VALUES (3, 'intake', '2026-10-02', 'now', 1, 2);
                INSERT INTO movement_line(id, movement_id, category_id, quantity) VALUES (10, 3, 4, 1);
                """)
        }
        try Migrations.migrator.migrate(q)
        try q.read { db in
            let lines = try Row.fetchAll(db, sql: "SELECT movement_id, line, category_id, quantity FROM movement_line ORDER BY movement_id, line")
                .map { [$0[0], $0[1], $0[2], $0[3]] as [Int] }
            #expect(lines == [[1, 1, 6, 3], [1, 2, 2, 5], [2, 1, 4, 1], [3, 1, 4, 1]])
        }
        #expect(throws: DatabaseError.self) {
            try q.write { try $0.execute(sql: "INSERT INTO movement(kind, occurred_on, recorded_at, to_box_id, reverses_id) VALUES ('intake', '2026-10-02', 'now', 1, 2)") }
        }
        #expect(throws: DatabaseError.self) {
            try q.write { try $0.execute(sql: "INSERT INTO movement_line(movement_id, line, category_id, quantity) VALUES (1, 2, 6, 1)") }
        }
        #expect(throws: DatabaseError.self) {
            try q.write { try $0.execute(sql: "DELETE FROM movement_line WHERE movement_id = 1") }
        }
    }
}
