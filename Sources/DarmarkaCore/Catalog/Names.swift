import Foundation

/// Names people give things: centres, boxes, events, volunteers. A name is
/// shown in one cell of a table and one line of a report, so it is one
/// line: no line breaks, tabs or other control characters.
public enum Names {
    /// The longest name, in characters: a centre's full name fits, a pasted page does not.
    public static let limit = 200

    /// Whether `text` has a line break, a tab or another control character.
    public static func hasControlCharacters(_ text: String) -> Bool {
        // Unicode's control characters (Cc) are exactly U+0000–U+001F and
        // U+007F–U+009F, a fixed set; read as UTF-8 bytes, without a table
        // lookup per character (this runs on every imported note).
        var lead: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (lead == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            lead = byte
        }
        return false
    }

    /// `text` without the spaces around it, or the problem with it: empty
    /// (`option` says where it was asked for) or not on one line.
    public static func clean(_ text: String, option: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LedgerProblem.emptyName(option: option) }
        guard name.count <= limit else { throw LedgerProblem.textTooLong(what: .name, length: name.count, limit: limit) }
        guard !hasControlCharacters(name) else { throw LedgerProblem.nameNotOneLine(shown(name)) }
        return name
    }

    /// The text with its control characters made visible, for a one-line
    /// message about it.
    /// Never more than a screenful: the text may be the very thing that was too long.
    public static func shown(_ text: String) -> String {
        let visible = visible(text)
        return visible.count > 80 ? String(visible.prefix(77)) + "…" : visible
    }

    /// The text with its control characters made visible, whole.
    public static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? (($0 == "\n" || $0 == "\r") ? "⏎" : "·") : $0 }))
    }
}
