import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// A fresh database in its own temporary folder, with one centre, two boxes.
struct Fixture {
    let dir: URL
    let store: Store
    let pre: Centre
    let a: Box
    let b: Box

    init(timeZone: String = "Asia/Yekaterinburg") throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // The fixtures' ledgers run to the first days of December 2026, and
        // no movement may be dated after the centre's today.
        store = try Store.create(path: dir.appendingPathComponent("t.sqlite").path, organisation: "Тест",
                                 timeZone: TimeZone(identifier: timeZone)!).at(Self.now)
        (pre, a, b) = try store.write { tx in
            let pre = try tx.addCentre(code: "PRE", name: "Соседский центр «Преображенский»", address: nil)
            return (pre, try tx.addBox(centre: pre, name: "A", kind: .collection),
                    try tx.addBox(centre: pre, name: "B", kind: .sorting))
        }
    }

    /// 2027-01-15 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_800_014_400)

    var path: String { store.path }

    func category(_ code: String) throws -> NamedEntry { try store.read { try $0.category(code) } }

    @discardableResult
    func record(_ kind: MovementKind, from: Box? = nil, to: Box? = nil, _ category: String, _ quantity: Int,
                on date: String, kg: String? = nil, recipient: RowID? = nil) throws -> RowID {
        let cat = try self.category(category)
        let draft = MovementDraft(kind: kind, date: LocalDate.parse(date)!, fromBox: from?.id, toBox: to?.id,
                                  recipientID: recipient,
                                  lines: [LineDraft(categoryID: cat.id, quantity: quantity, grams: kg.flatMap(Grams.parseKilograms))])
        return try store.write { try $0.record(draft) }
    }

    func quantity(_ box: Box, _ category: String) throws -> Int {
        try store.read { tx in try tx.stock(box: box).first { $0.category == category }?.quantity ?? 0 }
    }

    func movementCount() throws -> Int {
        try store.read { try $0.history(limit: 1_000_000).count }
    }
}

/// The repository's top folder, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

extension LedgerTransaction {
    /// The SQLite connection under this transaction, for tests that look at
    /// the tables beside the ledger directly. Every fixture is a SQLite file.
    var db: Database { sqlite.db }

    /// The SQLite back end, for tests of what it reads and writes itself.
    var sqlite: SQLiteLedger {
        backend as! SQLiteLedger
    }
}
