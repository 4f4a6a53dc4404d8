import DarmarkaCore

// The write path: every movement, whether typed, scanned, sent from a
// phone or undone, passes these rules before a back end writes it, so no
// store keeps movement rules of its own. (The journal importer checks the same rules,
// `Ledger.refusals` and `ImportStock`, for a whole file at once.)
extension LedgerTransaction {
    /// Records a movement and updates the stock it changes, refusing it when
    /// any box and category would fall below zero on any day from its date on.
    @discardableResult
    public func record(_ draft: MovementDraft) throws -> RowID {
        if let problem = Ledger.check(draft) { throw problem }
        // An undo is dated as what it undoes, which was checked when it was recorded.
        if draft.reverses == nil, let refusal = Ledger.refusals(try backend.facts(of: draft)).first { throw refusal.problem }
        let deltas = Ledger.deltas(of: draft)
        for delta in deltas where delta.quantity < 0 {
            try ensureStock(for: delta, on: draft.date)
        }
        return try backend.insert(draft, deltas: deltas)
    }

    /// Undoes a movement by recording its reverse, dated as the original, so
    /// that stock and every report read as if it had never happened.
    @discardableResult
    public func undo(_ id: RowID, volunteer: RowID? = nil) throws -> RowID {
        guard let original = try backend.recorded(id) else { throw LedgerProblem.unknownMovement(String(id)) }
        if original.draft.reverses != nil { throw LedgerProblem.cannotUndoReversal(id) }
        if let by = original.undoneBy { throw LedgerProblem.alreadyUndone(id, by: by) }
        var draft = original.draft
        draft.volunteerID = volunteer
        draft.note = nil
        draft.importID = nil
        draft.reverses = id
        do {
            return try record(draft)
        } catch LedgerProblem.insufficientStock(let box, let category, let available, let asked, let on) {
            // Undoing an intake takes its things back out of the box: the
            // usual advice (record an intake first) would be wrong here.
            throw LedgerProblem.undoWouldShort(id, box: box, category: category, available: available, asked: asked, on: on)
        }
    }

    /// Refuses a change that would leave the box short of the category on
    /// its day or any later one (`Ledger.lowestBalance`).
    private func ensureStock(for delta: StockDelta, on date: LocalDate) throws {
        let timeline = try backend.stockTimeline(box: delta.box, category: delta.category, from: date)
        let lowest = Ledger.lowestBalance(current: timeline.current, delta: delta.quantity, date: date,
                                          later: timeline.later.map { (LocalDate(dayNumber: $0.day), $0.quantity) })
        guard lowest.quantity < 0 else { return }
        let box = try backend.box(id: delta.box)
        let category = try backend.categories().first { $0.id == delta.category }
        throw LedgerProblem.insufficientStock(
            box: box?.code.description ?? "#\(delta.box)",
            category: .stored(category?.nameRu ?? "?", category?.nameEn ?? "?"),
            available: lowest.quantity - delta.quantity, asked: -delta.quantity, on: lowest.day)
    }
}
