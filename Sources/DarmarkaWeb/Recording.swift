import DarmarkaCore
import DarmarkaKit

/// A refusal that belongs beside one field of a form (the manager's
/// forms, which have one movement line each).
struct FieldRefusal: Error {
    let field: String
    let problem: any UserFacingError
}

/// Refusals that belong beside fields of a form, by field name (a
/// basket's lines, several at once); nothing was written.
struct FieldRefusals: Error {
    let errors: [String: any UserFacingError]
}

/// A form's intake or handout, recorded by the same store calls as the
/// command line's (`category`, `handoutRecipient`, `event`, `record`), so
/// the same rules refuse the same things in the same words. Every refusal
/// is tied to the field it is about, to be shown beside it; a basket's
/// lines are all checked before anything is said, so that each wrong line
/// is marked at once.
struct Recording {
    let tx: LedgerTransaction
    let session: WebSession

    /// Collects refusals by field while the form is read.
    private final class Refusals {
        var errors: [String: any UserFacingError] = [:]
        func on<T>(_ field: String, _ body: () throws -> T) -> T? {
            do { return try body() } catch let problem as UserFacingError {
                if errors[field] == nil { errors[field] = problem }
                return nil
            } catch {
                return nil
            }
        }
    }

    /// Records the form's movement, with all its lines, once per
    /// idempotency key: a second submission of the same form gives the first
    /// one's movement.
    func record(_ form: MovementForm, box: Box) throws -> RowID {
        if let earlier = try tx.idempotentMovement(key: form.key, user: session.account.id) { return earlier }
        let refusals = Refusals()
        let filled = form.filledLines
        guard !filled.isEmpty else { throw FieldRefusals(errors: ["category": BasketProblem.noCategory]) }
        var lines: [(number: Int, category: NamedEntry, draft: LineDraft)] = []
        let condition = refusals.on("condition") { () throws -> Condition? in
            guard !form.condition.trimmed.isEmpty else { return nil }
            guard let c = Condition.parse(form.condition.trimmed) else { throw LedgerProblem.badCondition(form.condition) }
            return c
        } ?? nil
        for (n, line) in filled {
            let field = { (name: String) in MovementForm.field(name, line: n) }
            let category = refusals.on(field("category")) { () throws -> NamedEntry in
                guard !line.category.trimmed.isEmpty else { throw BasketProblem.noCategory }
                return try tx.category(line.category)
            }
            let quantity = refusals.on(field("quantity")) { () throws -> Int in
                guard let q = Quantity.parse(line.quantity.trimmed) else { throw LedgerProblem.badQuantity(line.quantity) }
                return q
            }
            let grams = refusals.on(field("kg")) { () throws -> Grams? in
                let text = line.kg.trimmed
                guard !text.isEmpty else { return nil }
                guard let g = Grams.parseKilograms(text) else {
                    throw Grams.isOverMaximum(text) ? LedgerProblem.weightTooLarge(text) : LedgerProblem.badWeight(text)
                }
                return g
            }
            if let category, let quantity, let grams {
                lines.append((n, category, LineDraft(categoryID: category.id, quantity: quantity, grams: grams, condition: condition)))
            }
        }
        let date = try tx.today()
        var recipientID: RowID?
        var eventID: RowID?
        if form.kind == .handout {
            (recipientID, eventID) = try handoutDetails(form, on: date, refusals: refusals)
        }
        guard refusals.errors.isEmpty else { throw FieldRefusals(errors: refusals.errors) }
        let note = form.note.trimmed
        let draft = MovementDraft(
            kind: form.kind, date: date, fromBox: form.kind == .handout ? box.id : nil, toBox: form.kind == .intake ? box.id : nil,
            recipientID: recipientID, eventID: eventID, volunteerID: try tx.volunteer(named: session.volunteer),
            note: note.isEmpty ? nil : note, lines: lines.map(\.draft))
        let id: RowID
        do {
            id = try tx.record(draft)
        } catch let problem as LedgerProblem {
            // Too little in the box: said beside the quantity of the line it is about.
            if case .insufficientStock(_, let category, _, _, _) = problem,
               let line = lines.first(where: { $0.category.names == category }) {
                throw FieldRefusals(errors: [MovementForm.field("quantity", line: line.number): problem])
            }
            throw problem
        }
        try tx.rememberIdempotency(key: form.key, user: session.account.id, movement: id)
        return id
    }

    /// A handout's recipient (registered now when «Новый получатель» is
    /// ticked) and event, as the command line reads them.
    private func handoutDetails(_ form: MovementForm, on date: LocalDate, refusals: Refusals) throws -> (RowID?, RowID?) {
        let event = refusals.on("event") { () throws -> RowID? in
            guard !form.event.trimmed.isEmpty else { return nil }
            return try tx.event(form.event, on: date).id
        } ?? nil
        let code = form.recipient.trimmed
        guard !code.isEmpty else {
            if form.isNew { refusals.errors["recipient"] = RecipientCLIProblem.newRecipientWithoutCode }
            return (nil, event)
        }
        let group = refusals.on("group") { try form.group.trimmed.isEmpty ? nil : tx.group(form.group) } ?? nil
        let household = refusals.on("household") { () throws -> Int? in
            let text = form.household.trimmed
            guard !text.isEmpty else { return nil }
            guard let n = Int(text), (1...50).contains(n) else { throw LedgerProblem.badHouseholdSize(text) }
            return n
        } ?? nil
        // Group and household describe a new card; for a known one they would be silently lost.
        if !form.isNew, group != nil || household != nil {
            refusals.errors["group"] = WebProblem.newRecipientDetails
            return (nil, event)
        }
        let recipient = refusals.on("recipient") {
            try tx.handoutRecipient(code, form.isNew ? .new : .registered, group: group, household: household, on: date).recipient.id
        }
        return (recipient, event)
    }
}
