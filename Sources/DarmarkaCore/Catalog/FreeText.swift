/// Notes: the one free text of the ledger, written by people and read in a
/// terminal, a table and a spreadsheet.
///
/// A note may have line breaks (a table shows each as `↵`), LF or CR LF, but no other
/// control character: an ESC sequence printed by `history` would drive the
/// reader's terminal, and a NUL byte cuts the text at display. A note is
/// bounded so that one mistaken paste cannot fill a database or a screen.
public enum FreeText {
    /// The longest note, in characters.
    public static let noteLimit = 2000

    /// `text` without the spaces around it (nil when empty), or the problem with it.
    public static func note(_ text: String) throws -> String? {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { return nil }
        guard note.count <= noteLimit else { throw LedgerProblem.textTooLong(what: .note, length: note.count, limit: noteLimit) }
        // A line break may be LF or, from Windows, CR LF.
        if note.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\r" && $0.properties.generalCategory == .control }) {
            throw LedgerProblem.noteHasControlCharacters(Names.shown(note))
        }
        return note
    }

    /// A note on one line of a table: each line break as `↵`, and any
    /// control character that an older version let in made visible.
    public static func oneLine(_ text: String) -> String {
        Names.visible(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "↵"))
    }
}

/// What free text is too long.
public enum LongText: Sendable, Equatable {
    case name, note, scannedLine
}
