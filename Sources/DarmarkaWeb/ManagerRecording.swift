import DarmarkaCore
import DarmarkaKit
import Foundation

/// The manager's forms at a box: transfer, write-off and stock take.
enum ManagerForm: String, CaseIterable, Sendable {
    case transfer, writeoff, count

    var word: WebManagerWord {
        switch self {
        case .transfer: .transfer
        case .writeoff: .writeoff
        case .count: .count
        }
    }

    /// The fields the form posts, kept when it comes back refused.
    var fields: [String] {
        switch self {
        case .transfer: ["to", "category", "quantity", "kg", "condition", "note"]
        case .writeoff: ["category", "quantity", "kg", "condition", "reason", "note"]
        case .count: ["category", "quantity", "note"]
        }
    }
}

/// A manager's transfer, write-off or stock take, recorded by the same
/// store calls as `darmarka transfer`, `writeoff` and `count` (`box`,
/// `category`, `stock`, `record`), so the same rules refuse the same things
/// in the same words; each refusal is tied to the field it is about.
struct ManagerRecording {
    let tx: LedgerTransaction
    let account: Account

    /// What the form did: a movement, or a count that agreed with the ledger.
    enum Outcome: Equatable {
        case movement(RowID)
        case agrees(category: NamedEntry, quantity: Int)
    }

    func on<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as UserFacingError { throw FieldRefusal(field: field, problem: problem) }
    }

    /// Records the form once per idempotency key: a second submission with
    /// the same key gives the first one's outcome and records nothing.
    func record(_ kind: ManagerForm, box: Box, form: FormData, key: String) throws -> Outcome {
        if let earlier = try tx.idempotentAnswer(key: key, user: account.id) {
            if let movement = earlier.movement { return .movement(movement) }
            // A count that agreed: the same form says the same again.
            let category = try on("category") { try tx.category(form.text("category") ?? "") }
            return .agrees(category: category, quantity: try counted(form))
        }
        let category = try on("category") { try tx.category(form.text("category") ?? "") }
        let date = try tx.today()
        let volunteer = try tx.volunteer(named: account.login)
        let note = form.text("note")
        let draft: MovementDraft
        var response: String?
        switch kind {
        case .transfer, .writeoff:
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
            var toBox: Box?
            if kind == .transfer {
                let to = try on("to") { try tx.box(form.text("to") ?? "") }
                // A transfer records at both boxes: the user must manage both centres.
                guard Access.allows(account, .manage, centre: to.centreCode) else {
                    throw FieldRefusal(field: "to", problem: WebProblem.forbidden)
                }
                toBox = to
            }
            // As `darmarka writeoff`: the reason goes into the note.
            let joined = [note, kind == .writeoff ? form.text("reason") : nil].compactMap { $0 }.joined(separator: "; ")
            draft = MovementDraft(kind: kind == .transfer ? .transfer : .writeoff, date: date, fromBox: box.id, toBox: toBox?.id,
                                  volunteerID: volunteer, note: joined.isEmpty ? nil : joined,
                                  lines: [LineDraft(categoryID: category.id, quantity: quantity, grams: grams, condition: condition)])
        case .count:
            let counted = try counted(form)
            let before = try tx.stock(box: box.id, category: category.id, on: date).quantity
            let difference = counted - before
            // As `darmarka count`: a count that agrees is a confirmation, and records nothing.
            guard difference != 0 else {
                try tx.rememberIdempotency(key: key, user: account.id, movement: nil, response: "agrees")
                return .agrees(category: category, quantity: counted)
            }
            draft = MovementDraft(kind: .adjustment, date: date,
                                  fromBox: difference < 0 ? box.id : nil, toBox: difference > 0 ? box.id : nil,
                                  volunteerID: volunteer, note: note,
                                  lines: [LineDraft(categoryID: category.id, quantity: abs(difference))])
            response = "\(before)"
        }
        let id: RowID
        do {
            id = try tx.record(draft)
        } catch let problem as LedgerProblem {
            switch problem {
            case .insufficientStock: throw FieldRefusal(field: "quantity", problem: problem)
            case .transferToSameBox: throw FieldRefusal(field: "to", problem: problem)
            case .boxRetired(let code) where kind == .transfer && code != box.code.description:
                throw FieldRefusal(field: "to", problem: problem)
            default: throw problem
            }
        }
        try tx.rememberIdempotency(key: key, user: account.id, movement: id, response: response)
        return .movement(id)
    }

    /// A stock take's count: a whole number, 0 allowed.
    func counted(_ form: FormData) throws -> Int {
        try on("quantity") {
            let text = form.text("quantity") ?? ""
            guard let n = text == "0" ? 0 : Quantity.parse(text) else { throw LedgerProblem.badQuantity(text) }
            return n
        }
    }

    /// What the command line says for the recorded movement, in the same words.
    static func said(_ entry: HistoryEntry, before: String?, box: Box) -> Note? {
        guard let line = entry.lines.first else { return nil }
        switch entry.kind {
        case .transfer:
            return .transferred(id: entry.id, quantity: line.quantity, category: line.categoryName,
                                from: entry.fromBox ?? "", to: entry.toBox ?? "")
        case .adjustment:
            guard let from = before.flatMap(Int.init) else { return nil }
            let to = entry.toBox != nil ? from + line.quantity : from - line.quantity
            return .adjusted(id: entry.id, box: box.code.description, category: line.categoryName, from: from, to: to)
        default:
            return .recorded(id: entry.id, kind: entry.kind, quantity: line.quantity, category: line.categoryName,
                             box: box.code.description)
        }
    }
}
