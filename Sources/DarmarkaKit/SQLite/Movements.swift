import DarmarkaCore
import Foundation
import GRDB

// Writing a movement the rules of `LedgerTransaction+Recording` let
// through, reading one back for an undo, and the stock they leave.
extension SQLiteLedger {
    /// Writes a movement the rules have let through (see
    /// `LedgerTransaction.record`): sealed onto the chain, with the stock,
    /// the derived tables and the kilograms' valuation it changes.
    func insert(_ draft: MovementDraft, deltas: [StockDelta]) throws -> RowID {
        // Kilograms are valued in the ledger's order (see `KilogramValuation`):
        // a movement after everything its boxes hold is valued from their
        // stock now; one dated before later movements values them again.
        let touched = Set(deltas.map { KilogramValuation.Key(box: $0.box, category: $0.category) })
        let before = try valuedStock(touched, after: draft.date)
        // Sealed as it goes in (the ledger never changes afterwards): the
        // id is the next one, since the write transaction holds the lock.
        let last = try LedgerSeal.last(db)
        let id = last.id + 1
        try insertSealed(draft, id: id, after: last.seal)
        try addStock(deltas.sorted { ($0.box, $0.category) < ($1.box, $1.category) }.lazy.map {
            (box: $0.box, category: $0.category, day: draft.date, quantity: $0.quantity, grams: $0.grams)
        })
        var derived = DerivedRows()
        derived.add(draft)
        try add(derived)
        var changes = ValuationChanges()
        if let original = draft.reverses {
            try unvalue(original, undo: draft, changes: &changes)
            try revalue(from: draft.date, categories: Set(touched.map(\.category)), changes: &changes)
        } else if before.later {
            try revalue(from: draft.date, categories: Set(touched.map(\.category)), changes: &changes)
        } else {
            valueNewest(draft, id: id, before: before.stock, changes: &changes)
        }
        try write(changes)
        return id
    }

    /// What the rules of `Ledger.refusals` need to know about `draft`'s
    /// boxes, person and event.
    func facts(of draft: MovementDraft) throws -> MovementFacts {
        var facts = MovementFacts(kind: draft.kind, date: draft.date, today: try today())
        if let to = draft.toBox, let box = try box(id: to), box.status == .retired {
            facts.retiredDestination = box.code.description
            facts.destinationIsToBox = draft.kind == .transfer
        }
        if let recipientID = draft.recipientID,
           let r = try Row.fetchOne(db, sql: "SELECT code, forgotten_at FROM recipient WHERE id = ?", arguments: [recipientID]),
           (r["forgotten_at"] as String?) != nil {
            facts.forgottenRecipient = r["code"]
        }
        if let eventID = draft.eventID,
           let event = try Row.fetchOne(db, sql: "SELECT name, held_on FROM event WHERE id = ?", arguments: [eventID]),
           let held = LocalDate.parse(event["held_on"]) {
            facts.event = (event["name"], held)
        }
        return facts
    }

    /// Movement `id` as it was drafted, with the movement that undid it
    /// (if any); nil when there is no such movement.
    func recorded(_ id: RowID) throws -> RecordedMovement? {
        guard let m = try Row.fetchOne(db, sql: "SELECT * FROM movement WHERE id = ?", arguments: [id]),
              let kind = MovementKind(rawValue: m["kind"]), let date = LocalDate.parse(m["occurred_on"]) else { return nil }
        let undoneBy = try RowID.fetchOne(db, sql: "SELECT id FROM movement WHERE reverses_id = ?", arguments: [id])
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM movement_line WHERE movement_id = ? ORDER BY line", arguments: [id]).map { r in
            LineDraft(categoryID: r["category_id"], quantity: r["quantity"],
                      grams: (r["grams"] as Int64?).map(Grams.init), condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:)))
        }
        let draft = MovementDraft(kind: kind, date: date, time: (m["occurred_at"] as String?).flatMap(LocalTime.parse),
                                  fromBox: m["from_box_id"], toBox: m["to_box_id"], recipientID: m["recipient_id"],
                                  eventID: m["event_id"], volunteerID: m["volunteer_id"], note: nil, lines: lines, reverses: m["reverses_id"])
        return RecordedMovement(draft: draft, undoneBy: undoneBy)
    }

    func stock(box: RowID, category: RowID, on date: LocalDate) throws -> (quantity: Int, grams: Grams) {
        let r = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(quantity), 0) AS q, COALESCE(SUM(grams), 0) AS g
            FROM balance_day WHERE box_id = ? AND category_id = ? AND day <= ?
            """, arguments: [box, category, date.description])
        return (r?["q"] ?? 0, Grams(r?["g"] ?? 0))
    }

    func stock(box: Box?, centre: Centre?, on date: LocalDate?) throws -> [StockLine] {
        let source = date == nil
            ? "SELECT box_id, category_id, quantity, grams FROM balance"
            : "SELECT box_id, category_id, SUM(quantity) AS quantity, SUM(grams) AS grams FROM balance_day WHERE day <= ? GROUP BY box_id, category_id"
        var arguments: StatementArguments = date.map { [$0.description] } ?? []
        arguments += [box?.id, box?.id, centre?.id, centre?.id]
        let rows = try Row.fetchAll(db, sql: """
            SELECT b.code AS box, c.code AS centre, k.code AS category, k.name_ru, k.name_en, s.quantity, s.grams
            FROM (\(source)) s
            JOIN box b ON b.id = s.box_id JOIN centre c ON c.id = b.centre_id JOIN category k ON k.id = s.category_id
            WHERE s.quantity <> 0 -- weights left over without items mean nothing to show
              AND (? IS NULL OR s.box_id = ?) AND (? IS NULL OR b.centre_id = ?)
            ORDER BY c.code, b.code, k.id
            """, arguments: arguments)
        return rows.map { r in
            StockLine(box: r["box"], centre: r["centre"], category: r["category"],
                      categoryName: .stored(r["name_ru"], r["name_en"]),
                      quantity: r["quantity"], grams: Grams(r["grams"]))
        }
    }
}

