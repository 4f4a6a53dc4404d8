import DarmarkaCore
import DarmarkaKit

/// A form's intake or handout, recorded by the same store calls as the
/// command line's (`category`, `handoutRecipient`, `record`), so the same
/// rules refuse the same things in the same words. A refusal is tied to
/// the field it is about, to be shown beside it.
struct Recording {
    let tx: LedgerTransaction
    let account: Account

    func on<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as UserFacingError { throw FieldRefusal(field: field, problem: problem) }
    }

    /// Records the form's movement once per idempotency key: a second
    /// submission of the same form gives the first one's movement.
    func record(kind: MovementKind, box: Box, form: FormData, key: String) throws -> RowID {
        if let earlier = try tx.idempotentMovement(key: key, user: account.id) { return earlier }
        let category = try on("category") { try tx.category(form.text("category") ?? "") }
        let quantity = try on("quantity") { () throws -> Int in
            let text = form.text("quantity") ?? ""
            guard let q = Quantity.parse(text) else { throw LedgerProblem.badQuantity(text) }
            return q
        }
        let grams = try on("kg") { () throws -> Grams? in
            guard let text = form.text("kg") else { return nil }
            guard let g = Grams.parseKilograms(text) else {
                throw Grams.isOverMaximum(text) ? LedgerProblem.weightTooLarge(text) : LedgerProblem.badWeight(text)
            }
            return g
        }
        let condition = try on("condition") { () throws -> Condition? in
            guard let text = form.text("condition") else { return nil }
            guard let c = Condition.parse(text) else { throw LedgerProblem.badCondition(text) }
            return c
        }
        let date = try tx.today()
        var recipientID: RowID?
        if kind == .handout, let code = form.text("recipient") {
            let isNew = form.ticked("new")
            let group = try on("group") { try form.text("group").map(tx.group) }
            let household = try on("household") { () throws -> Int? in
                guard let text = form.text("household") else { return nil }
                guard let n = Int(text), (1...50).contains(n) else { throw LedgerProblem.badHouseholdSize(text) }
                return n
            }
            // Group and household describe a new card; for a known one they would be silently lost.
            if !isNew, group != nil || household != nil { throw FieldRefusal(field: "group", problem: WebProblem.newRecipientDetails) }
            recipientID = try on("recipient") {
                try tx.handoutRecipient(code, isNew ? .new : .registered, group: group, household: household, on: date).recipient.id
            }
        } else if kind == .handout, form.ticked("new") {
            throw FieldRefusal(field: "recipient", problem: RecipientCLIProblem.newRecipientWithoutCode)
        }
        let note = form.text("note")
        let draft = MovementDraft(
            kind: kind, date: date, fromBox: kind == .handout ? box.id : nil, toBox: kind == .intake ? box.id : nil,
            recipientID: recipientID, volunteerID: try tx.volunteer(named: account.login), note: note,
            lines: [LineDraft(categoryID: category.id, quantity: quantity, grams: grams, condition: condition)])
        let id: RowID
        do {
            id = try tx.record(draft)
        } catch let problem as LedgerProblem {
            if case .insufficientStock = problem { throw FieldRefusal(field: "quantity", problem: problem) }
            throw problem
        }
        try tx.rememberIdempotency(key: key, user: account.id, movement: id)
        return id
    }
}
