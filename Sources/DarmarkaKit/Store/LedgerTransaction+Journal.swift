import DarmarkaCore
import Foundation

// Journal rows out (export) and reference data in (import).
extension LedgerTransaction {
    /// Calls `body` with each line of each movement that counts, oldest
    /// first, as a journal row: undone movements and their reversals are
    /// left out, since together they changed nothing. Rows are read one at a
    /// time, so a ledger of any size is exported in bounded memory.
    public func forEachJournalRow(from: LocalDate? = nil, to: LocalDate? = nil, centre: Centre? = nil, _ body: (JournalRow) throws -> Void) throws {
        try backend.forEachJournalRow(from: from, to: to, centre: centre, body)
    }

    /// The rows `export journal` writes for movement `id`, one a line, also
    /// when it was undone since (so that an old export does not bring it
    /// back); none for a reversal or a movement that is not there.
    public func exportedRows(movement id: RowID) throws -> [JournalRow] {
        try backend.exportedRows(movement: id)
    }

    /// The centre whose code `code` is, in any case and with Cyrillic look-alikes (`МАТ` is `MAT`).
    func centre(matching code: String) throws -> Centre? { try backend.centre(matching: code) }

    /// The box whose code is exactly `code`, retired or not.
    func boxWithCode(_ code: BoxCode) throws -> Box? { try backend.boxWithCode(code) }

    /// Whether `code` was issued here, as a label or a blank.
    func isIssued(_ code: BoxCode) throws -> Bool { try backend.isIssued(code) }

    /// Takes a code printed elsewhere as one issued at `centre`.
    func adoptCode(_ code: BoxCode, centre: Centre) throws { try backend.adoptCode(code, centre: centre) }

    /// The event of that name (compared as `TextKey` does) on that day.
    func event(named name: String, on date: LocalDate) throws -> Event? { try backend.event(named: name, on: date) }

    /// Card numbers are what identify people here: no spaces, so no names.
    static func recipientCode(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...32).contains(code.count), code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" }) else {
            throw LedgerProblem.badRecipientCode(text)
        }
        return code
    }
}
