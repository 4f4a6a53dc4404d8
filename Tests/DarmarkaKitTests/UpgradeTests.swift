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
        let q = try DatabaseQueue(path: path, configuration: Store.configuration(readonly: true))
        return try q.read { db in
            var out: [String: [String]] = [:]
            for t in tables {
                out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t)").map { $0.description }.sorted()
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
}
