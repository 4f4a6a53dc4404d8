/// Free text made safe to open in a spreadsheet, and read back unchanged.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is taken by Excel and LibreOffice as a formula (OWASP's "CSV injection"):
/// a note `=HYPERLINK("http://…","Нажмите")` would become a live link in
/// the coordinator's spreadsheet. Such a cell is written with a leading
/// apostrophe, which spreadsheets show as text. To read back exactly what
/// was written, a text that only looks escaped (it begins with `'` and then
/// one of those characters) gets one more apostrophe, so `escaped` and
/// `unescaped` are inverse for every string.
public enum SpreadsheetText {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a spreadsheet would read `text` as a formula, or `unescaped`
    /// would strip an apostrophe from it.
    static func needsEscape(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if formulaStarts.contains(first) { return true }
        return first == "'" && needsEscape(text.dropFirst())
    }

    /// The text as written to a CSV or XLSX cell of free text.
    public static func escaped(_ text: String) -> String {
        needsEscape(Substring(text)) ? "'" + text : text
    }

    /// The text as it was before `escaped`.
    public static func unescaped(_ text: String) -> String {
        text.first == "'" && needsEscape(text.dropFirst()) ? String(text.dropFirst()) : text
    }
}
