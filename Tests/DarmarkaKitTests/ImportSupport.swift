import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// Files for the importer in the fixture's folder.
extension Fixture {
    /// Writes `text` in `encoding` and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String, encoding: CSVEncoding = .utf8) throws -> String {
        let url = dir.appendingPathComponent(name)
        let bytes: [UInt8]
        switch encoding {
        case .utf8: bytes = Array(text.utf8)
        case .cp1251: bytes = try #require(CP1251.encode(text), "not encodable in cp1251")
        }
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Imports a journal given as text; the file is called `name` in messages.
    func importJournal(_ text: String, name: String = "journal.csv", encoding: CSVEncoding = .utf8,
                       options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        let path = try file(name, text, encoding: encoding)
        return try JournalImport.run(store, path: path, name: name, options: options)
    }

    /// Everything a database holds, table by table, for "nothing changed" and
    /// "the same as" checks. Movements are compared without their ids, time
    /// of recording and batch, which an import legitimately changes.
    func snapshot(ledgerIDs: Bool = true) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var tables: [String: [String]] = [:]
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for name in names {
                var sql = "SELECT * FROM \(name)"
                if !ledgerIDs, name == "movement" {
                    sql = """
                        SELECT m.kind, m.occurred_on, m.occurred_at, m.from_box_id, m.to_box_id, m.recipient_id, m.event_id,
                               m.volunteer_id, (SELECT n.note FROM movement_note n WHERE n.movement_id = m.id) AS note, m.reverses_id,
                               (SELECT group_concat(l.category_id || ':' || l.quantity || ':' || IFNULL(l.grams, '-') || ':' || IFNULL(l.condition, '-'), ' ')
                                FROM movement_line l WHERE l.movement_id = m.id) AS lines
                        FROM movement m
                        """
                }
                // Notes are compared with their movements; their salts are random.
                if !ledgerIDs, ["movement_line", "import_batch", "import_fingerprint", "import_fingerprint_person", "movement_note"].contains(name) { continue }
                tables[name] = try Row.fetchAll(db, sql: sql).map { $0.description }.sorted()
            }
            return tables
        }
    }

    func count(_ table: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}

extension ImportOutcome {
    var summary: ImportSummary? {
        switch self {
        case .imported(let s), .nothingNew(let s): s
        default: nil
        }
    }

    var refusal: ImportRefusal? {
        if case .refused(let r) = self { return r }
        return nil
    }

    /// The problems as people read them, in English.
    var problemTexts: [String] {
        refusal?.problems.map { $0.text(file: refusal?.file ?? "", lang: .en) } ?? []
    }
}
