import DarmarkaCore
import Foundation
import GRDB

// The ledger's own rows for one movement: the movement, sealed onto the
// chain, its note and its lines. `insert` writes every movement through
// here, and the importer its reversals; the importer's new rows go in many
// to a statement (`ImportSession.flushLedger`) with the same columns and the
// same seal form, built line by line as the rows arrive.
extension SQLiteLedger {
    /// Writes `draft` as movement `id`, sealed after `previous`, and returns
    /// its seal (the next movement's `previous`).
    @discardableResult
    func insertSealed(_ draft: MovementDraft, id: RowID, after previous: [UInt8]) throws -> [UInt8] {
        let note = draft.note.map(LedgerSeal.SaltedNote.init)
        var form = SealForm()
        form.movement(id: id, kind: draft.kind.rawValue, occurredOn: draft.date.description, occurredAt: draft.time?.description,
                      recordedAt: recordedAt, from: draft.fromBox, to: draft.toBox, recipient: draft.recipientID,
                      event: draft.eventID, volunteer: draft.volunteerID, reverses: draft.reverses, importID: draft.importID,
                      noteDigest: note?.digest)
        for (n, l) in draft.lines.enumerated() {
            form.line(Int64(n + 1), category: l.categoryID, quantity: Int64(l.quantity), grams: l.grams?.value, condition: l.condition?.rawValue)
        }
        let seal = LedgerSeal.seal(previous: previous, form: form.bytes)
        try db.cachedStatement(sql: """
            INSERT INTO movement(id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id,
                                 recipient_id, event_id, volunteer_id, reverses_id, import_id, seal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id, draft.kind.rawValue, draft.date.description, draft.time?.description, recordedAt,
                draft.fromBox, draft.toBox, draft.recipientID, draft.eventID, draft.volunteerID,
                draft.reverses, draft.importID, Data(seal),
            ])
        if let note { try LedgerSeal.insertNote(db, movement: id, note) }
        let line = try db.cachedStatement(sql: """
            INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (n, l) in draft.lines.enumerated() {
            try line.execute(arguments: [id, n + 1, l.categoryID, l.quantity, l.grams?.value, l.condition?.rawValue])
        }
        return seal
    }
}
