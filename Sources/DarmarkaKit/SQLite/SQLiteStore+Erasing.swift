import DarmarkaCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Runs `body` in one write transaction like `write`, so that what it
    /// deletes or overwrites leaves no trace in the file: SQLite zeroes
    /// what it frees (`secure_delete`), the file is rebuilt afterwards
    /// (`VACUUM`, so copies left in free pages by earlier writes go too),
    /// and the WAL is copied back and truncated. For `recipient forget`:
    /// the working file and its `-wal` no longer hold the person. A backup
    /// made before still does; that is what a backup is for.
    func erasing<T>(_ body: (SQLiteLedger) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
                let result = try immediateTransaction(db, body, keep: { _ in true })
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return result
            }
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
    }
}

extension SQLiteLedger {
    func forgetTraces(of recipient: Recipient, code: String) throws -> Int {
        var ids: [RowID] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT movement_id, note FROM movement_note WHERE salt IS NOT NULL")
        while let r = try rows.next() {
            if RecipientCodes.text(r["note"], mentions: code) { ids.append(r["movement_id"]) }
        }
        for id in ids {
            try db.execute(sql: "UPDATE movement_note SET note = ?, salt = NULL WHERE movement_id = ?", arguments: [SealForm.redacted, id])
            try db.execute(sql: "INSERT INTO redaction(movement_id, at, reason) VALUES (?, ?, ?)",
                           arguments: [id, recordedAt, SealText.redactionReason])
        }
        try db.execute(sql: "UPDATE import_fingerprint_person SET prints = x'' WHERE recipient_id = ?", arguments: [recipient.id])
        return ids.count
    }

    func recipientCodes(namedInNotesOf batch: RowID, limit: Int) throws -> [String] {
        var keys: Set<String> = []
        let notes = try String.fetchCursor(db, sql: """
            SELECT n.note FROM movement_note n JOIN movement m ON m.id = n.movement_id WHERE m.import_id = ? ORDER BY n.movement_id LIMIT ?
            """, arguments: [batch, limit])
        while let note = try notes.next() { keys.formUnion(RecipientCodes.mentionedKeys(in: note)) }
        return try registeredCodes(keys)
    }

    func recipientCodes(namedIn note: String) throws -> [String] {
        try registeredCodes(RecipientCodes.mentionedKeys(in: note))
    }

    private func registeredCodes(_ keys: Set<String>) throws -> [String] {
        guard !keys.isEmpty else { return [] }
        let json = "[" + keys.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
        return try String.fetchAll(db, sql: """
            SELECT code FROM recipient WHERE forgotten_at IS NULL AND code_key IN (SELECT value FROM json_each(?)) ORDER BY code
            """, arguments: [json])
    }
}
