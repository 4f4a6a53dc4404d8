import Foundation

/// Writes rows in the journal format, so that an exported journal imports
/// back to the same rows: UTF-8, dates as ISO, weights with a point, codes in
/// canonical form, fields quoted as RFC 4180 says when they need it.
public struct JournalWriter: Sendable {
    /// The language of the header and of operation and condition words.
    public var language: Lang
    public var delimiter: CSVDelimiter
    /// Whether the text starts with U+FEFF, which tells Excel it is UTF-8.
    public var byteOrderMark: Bool
    public var lineEnding: String
    /// Whether to write the `movement` column, which keeps the lines of one
    /// movement together; an export does, a journal for people to fill in need not.
    public var movementNumbers: Bool
    /// What a weight's decimals are set apart with: `.` for most programs,
    /// `,` for Excel in Russian, which reads `2.5` as a date or text.
    public var decimalSeparator = "."
    /// The words written for categories and recipient groups, by code: their
    /// names in `language` for people (the importer reads names as it reads
    /// codes); a code not here is written as is.
    public var categoryNames: [String: String] = [:]
    public var groupNames: [String: String] = [:]

    /// The defaults suit Google Sheets and LibreOffice; Excel in Russian wants
    /// `language: .ru, delimiter: .semicolon, byteOrderMark: true`.
    public init(language: Lang = .en, delimiter: CSVDelimiter = .comma,
                byteOrderMark: Bool = false, lineEnding: String = "\n", movementNumbers: Bool = false) {
        self.language = language
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.movementNumbers = movementNumbers
    }

    /// The columns written, in order.
    public var fields: [JournalField] {
        movementNumbers ? JournalField.allCases : JournalField.allCases.filter { $0 != .movement }
    }

    /// A whole journal: header and rows.
    public func csv(_ rows: some Sequence<JournalRow>) -> String {
        var out = header()
        for row in rows { out += line(row) }
        return out
    }

    /// The header line (with the byte order mark, if wanted), line ending included.
    public func header() -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + record(fields.map { $0.header(language) })
    }

    /// One row's line, line ending included.
    public func line(_ row: JournalRow) -> String {
        record(fields.map { value(of: $0, in: row) })
    }

    /// A row's values for `fields`, as `line` writes them but unquoted.
    public func values(_ row: JournalRow) -> [String] {
        fields.map { value(of: $0, in: row) }
    }

    private func value(of field: JournalField, in row: JournalRow) -> String {
        switch field {
        case .date: row.time.map { "\(row.date) \($0)" } ?? row.date.description
        case .operation:
            if let side = row.adjustment { side.phrase.text(language) }
            else { language == .ru ? row.operation.phrase.ru : row.operation.rawValue }
        case .box: row.box.description
        case .toBox: row.toBox?.description ?? ""
        case .category: categoryNames[row.category] ?? row.category
        case .quantity: String(row.quantity)
        case .weight: row.weight?.kilogramText(decimalSeparator: decimalSeparator) ?? ""
        case .condition: row.condition.map(conditionWord) ?? ""
        case .recipient: row.recipient ?? ""
        case .group: row.group.map { groupNames[$0] ?? $0 } ?? ""
        // Free text may begin like a formula: neutralised for spreadsheets,
        // read back unchanged by the importer (SpreadsheetText).
        case .event: SpreadsheetText.escaped(row.event ?? "")
        case .volunteer: SpreadsheetText.escaped(row.volunteer ?? "")
        case .note: SpreadsheetText.escaped(row.note ?? "")
        case .movement: row.movement ?? ""
        }
    }

    /// Short words `Condition.parse` reads back.
    private func conditionWord(_ condition: Condition) -> String {
        condition.journalWord.text(language)
    }

    private func record(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: String(delimiter.character)) + lineEnding
    }

    /// The field as is, or in quotes with quotes doubled when it holds the
    /// delimiter, a quote or a line break, or starts or ends with a space
    /// that a reader could trim.
    private func quoted(_ field: String) -> String {
        let d = delimiter.rawValue
        let needs = field.utf8.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needs else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
