import DarmarkaCore
import Foundation

// What boxes hold, what moved, and what a scanned or typed code is.
extension LedgerTransaction {
    /// Stock of one box and category at the end of a day.
    public func stock(box: RowID, category: RowID, on date: LocalDate) throws -> (quantity: Int, grams: Grams) {
        try backend.stock(box: box, category: category, on: date)
    }

    /// What is in stock, per box and category: now, or at the end of a day.
    public func stock(box: Box? = nil, centre: Centre? = nil, on date: LocalDate? = nil) throws -> [StockLine] {
        try backend.stock(box: box, centre: centre, on: date)
    }

    /// Movements, newest first, touching a box or a centre, between two days.
    public func history(box: Box? = nil, centre: Centre? = nil, from: LocalDate? = nil, to: LocalDate? = nil, limit: Int = 50) throws -> [HistoryEntry] {
        try backend.history(box: box, centre: centre, from: from, to: to, limit: limit)
    }

    /// One movement as `history` lists it, or nil if there is none of that number.
    public func movement(_ id: RowID) throws -> HistoryEntry? {
        try backend.movement(id)
    }

    /// The box or pre-printed code that `text` names, however it was typed
    /// or scanned (see `BoxCode.find`). Throws `LedgerProblem.badBoxCode`
    /// when the text is no code (the message says why, e.g. a wrong check
    /// symbol) and `.unknownBox` when the code was never issued.
    public func resolve(_ text: String) throws -> ResolvedCode {
        try backend.resolve(text)
    }
}
