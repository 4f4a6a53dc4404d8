import DarmarkaCore
import GRDB

/// The triggers that make the ledger append-only, in one place: the
/// migration that makes them, `check`, and the guard every write passes.
///
/// UPDATE and DELETE are refused. So is an INSERT of a row whose key is
/// taken: `INSERT OR REPLACE` deletes the old row without firing a DELETE
/// trigger, so without this a forged movement could take a real one's place.
enum AppendOnly {
    static let message = "darmarka: the ledger is append-only; correct a movement with darmarka undo"

    /// Name and SQL of every trigger that guards the ledger.
    static let triggers: [(name: String, sql: String)] = ledgerTriggers + noteTriggers

    /// The six of version 8, on `movement` and `movement_line`.
    static let ledgerTriggers: [(name: String, sql: String)] = [
        ("movement_is_append_only", "CREATE TRIGGER movement_is_append_only BEFORE UPDATE ON movement BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
        ("movement_is_never_deleted", "CREATE TRIGGER movement_is_never_deleted BEFORE DELETE ON movement BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
        ("movement_is_never_replaced", "CREATE TRIGGER movement_is_never_replaced BEFORE INSERT ON movement WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM movement WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
        ("movement_line_is_append_only", "CREATE TRIGGER movement_line_is_append_only BEFORE UPDATE ON movement_line BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
        ("movement_line_is_never_deleted", "CREATE TRIGGER movement_line_is_never_deleted BEFORE DELETE ON movement_line BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
        ("movement_line_is_never_replaced", "CREATE TRIGGER movement_line_is_never_replaced BEFORE INSERT ON movement_line WHEN EXISTS (SELECT 1 FROM movement_line WHERE movement_id = NEW.movement_id AND line = NEW.line) BEGIN SELECT RAISE(ABORT, '\(message)'); END"),
    ]

    static let redactionMessage = "darmarka: a note is only ever redacted, by darmarka recipient forget"

    /// Version 9's: a note is never deleted or replaced, and changes only by
    /// a redaction — its text becomes «[удалено]», its salt goes, its digest
    /// (which the seal holds) stays. Redactions are kept for good.
    static let noteTriggers: [(name: String, sql: String)] = [
        ("movement_note_is_only_redacted", "CREATE TRIGGER movement_note_is_only_redacted BEFORE UPDATE ON movement_note WHEN NOT (NEW.movement_id = OLD.movement_id AND NEW.note = '\(SealForm.redacted)' AND NEW.salt IS NULL AND NEW.digest = OLD.digest) BEGIN SELECT RAISE(ABORT, '\(redactionMessage)'); END"),
        ("movement_note_is_never_deleted", "CREATE TRIGGER movement_note_is_never_deleted BEFORE DELETE ON movement_note BEGIN SELECT RAISE(ABORT, '\(redactionMessage)'); END"),
        ("movement_note_is_never_replaced", "CREATE TRIGGER movement_note_is_never_replaced BEFORE INSERT ON movement_note WHEN EXISTS (SELECT 1 FROM movement_note WHERE movement_id = NEW.movement_id) BEGIN SELECT RAISE(ABORT, '\(redactionMessage)'); END"),
        ("redaction_is_append_only", "CREATE TRIGGER redaction_is_append_only BEFORE UPDATE ON redaction BEGIN SELECT RAISE(ABORT, '\(redactionMessage)'); END"),
        ("redaction_is_never_deleted", "CREATE TRIGGER redaction_is_never_deleted BEFORE DELETE ON redaction BEGIN SELECT RAISE(ABORT, '\(redactionMessage)'); END"),
    ]

    /// Version 8: the ledger's triggers made anew from `triggers`, with the
    /// two that refuse a replacing INSERT.
    static func migrate(_ db: Database, _ triggers: [(name: String, sql: String)] = ledgerTriggers) throws {
        for t in triggers {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(t.name)")
            try db.execute(sql: t.sql)
        }
    }

    /// Whitespace folded, so that the SQL as stored compares with the SQL as written.
    static func folded(_ sql: String) -> String {
        sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The names of guarding triggers missing or changed in this database.
    static func damagedTriggers(_ db: Database) throws -> [String] {
        var stored: [String: String] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") {
            stored[r["name"]] = folded(r["sql"] ?? "")
        }
        return triggers.filter { stored[$0.name] != folded($0.sql) }.map(\.name)
    }

    /// Refuses to write to a ledger whose guards were dropped or changed
    /// behind the program's back: what it would write could not be trusted
    /// to stay. Costs one read of the schema's few trigger rows.
    static func guardWrites(_ db: Database, path: String) throws {
        if !(try damagedTriggers(db)).isEmpty { throw LedgerProblem.schemaDamaged(path) }
    }
}
