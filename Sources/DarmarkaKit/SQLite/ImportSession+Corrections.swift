import DarmarkaCore
import Foundation
import GRDB

// Corrections in a journal: a movement of the ledger undone as `undo`
// would, through the same ledger rows `record` writes.
extension ImportSession {
    /// A movement of the ledger as a correction undoes it, and the movement
    /// that undid it already, if one did; nil for a reversal or a number
    /// the ledger does not have.
    func movementToReverse(_ id: RowID) throws -> MovementToReverse? {
        guard let m = try Row.fetchOne(db, sql: """
            SELECT m.*, (SELECT x.id FROM movement x WHERE x.reverses_id = m.id) AS reversed_by
            FROM movement m WHERE m.id = ? AND m.reverses_id IS NULL
            """, arguments: [id]),
              let kind = MovementKind(rawValue: m["kind"]), let date = LocalDate.parse(m["occurred_on"]) else { return nil }
        let time = try (m["occurred_at"] as String?).map { text in
            guard let time = LocalTime.parse(text) else { throw LedgerProblem.unexpected("movement \(id): time \(text)") }
            return time
        }
        let lines = try Row.fetchAll(db, sql: """
            SELECT l.category_id, l.quantity, l.grams, l.condition, v.grams AS valued
            FROM movement_line l LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
            WHERE l.movement_id = ? ORDER BY l.line
            """, arguments: [id]).map { r in
            MovementToReverse.Line(category: r["category_id"], quantity: r["quantity"], grams: (r["grams"] as Int64?).map(Grams.init),
                                   condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:)), valued: r["valued"])
        }
        return MovementToReverse(id: id, kind: kind, date: date, time: time, from: m["from_box_id"], to: m["to_box_id"],
                                 recipient: m["recipient_id"], event: m["event_id"], lines: lines, reversedBy: m["reversed_by"])
    }

    /// Writes the reversal of `m`, as `undo` records it (no volunteer, no
    /// note), numbered after the movements waiting, which go in first. As
    /// `undo` does, `m` is then valued as if it had never been: its lines
    /// keep no moving-average grams (see `line_valuation`).
    func insertReversal(of m: MovementToReverse) throws {
        try flushLedger()
        try onConnection { [self] in try writeReversal(of: m) }
    }

    func writeReversal(of m: MovementToReverse) throws {
        let id = nextMovementID
        nextMovementID += 1
        let lines = m.lines.map { LineDraft(categoryID: $0.category, quantity: $0.quantity, grams: $0.grams, condition: $0.condition) }
        let draft = MovementDraft(kind: m.kind, date: m.date, time: m.time, fromBox: m.from, toBox: m.to, recipientID: m.recipient,
                                  eventID: m.event, lines: lines, reverses: m.id, importID: batchID)
        previousSeal = try tx.insertSealed(draft, id: id, after: previousSeal)
        try db.execute(sql: "DELETE FROM line_valuation WHERE movement_id = ?", arguments: [m.id])
    }
}

/// A movement a correction undoes: what its reversal repeats.
struct MovementToReverse {
    struct Line {
        let category: RowID
        let quantity: Int
        let grams: Grams?
        let condition: Condition?
        /// The grams the line took from its box by moving average, where
        /// they are not its own weight (`line_valuation`).
        let valued: Int64?
    }
    let id: RowID
    let kind: MovementKind
    let date: LocalDate
    let time: LocalTime?
    let from: RowID?
    let to: RowID?
    let recipient: RowID?
    let event: RowID?
    let lines: [Line]
    /// The movement that undid it, if one did.
    let reversedBy: RowID?
}
