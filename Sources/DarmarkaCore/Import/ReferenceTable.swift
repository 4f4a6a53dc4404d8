/// The columns of the reference files: boxes, recipients and events, which a
/// journal names and which must exist before it can be imported.
public enum ReferenceField: Int, CaseIterable, Sendable {
    case code, centre, centreName, name, kind, status, group, household, registered, date, participants

    /// The header export writes for this column in `language`.
    public func header(_ language: Lang) -> String {
        headerWords.text(language)
    }

    /// Other names people give these columns, compared as journal headers
    /// are. A code is a box's or a recipient's by the kind of file (see
    /// `names(in:)`): a journal's box column must not pass for recipients.
    static let names: [ReferenceField: [String]] = [
        .code: ["code", "код"],
        .centre: ["centre", "center", "центр", "код центра", "centre code", "center code"],
        .centreName: ["centre_name", "center name", "название центра", "центр название"],
        .name: ["name", "название", "имя", "event", "мероприятие"],
        .kind: ["kind", "вид", "тип", "type", "вид бокса"],
        .status: ["status", "статус"],
        .group: ["group", "группа", "группа получателя"],
        .household: ["household", "household size", "семья", "человек в семье", "размер семьи"],
        .registered: ["registered", "registered on", "registration date", "зарегистрирован", "дата регистрации"],
        .date: ["date", "дата", "held on"],
        .participants: ["participants", "участников", "участники", "число участников"],
    ]
}

extension ReferenceField {
    /// What a column of this field may be called in a file of `kind`.
    static func names(of field: ReferenceField, in kind: ImportKind) -> [String] {
        let common = names[field] ?? []
        guard field == .code else { return common }
        switch kind {
        case .boxes: return common + ["box", "бокс", "код бокса", "box code"]
        case .recipients: return common + ["recipient", "получатель", "код получателя", "карточка", "card", "recipient code"]
        case .journal, .events: return common
        }
    }
}

extension ImportKind {
    /// The columns of a reference file of this kind, in the order export
    /// writes them; empty for the journal, which has its own.
    public var fields: [ReferenceField] {
        switch self {
        case .journal: []
        case .boxes: [.code, .centre, .centreName, .name, .kind, .status]
        case .recipients: [.code, .group, .household, .registered]
        case .events: [.name, .date, .centre, .participants]
        }
    }

    /// The columns a file of this kind cannot do without.
    public var requiredFields: [ReferenceField] {
        switch self {
        case .journal: []
        case .boxes: [.centre]
        case .recipients: [.code]
        case .events: [.name, .date]
        }
    }
}

/// One row of a reference file: its values by column, not yet checked.
public struct ReferenceRecord: Sendable {
    public let line: Int
    /// Trimmed values; an empty cell is absent.
    public let values: [ReferenceField: String]
    /// Cells that could not be read (not UTF-8).
    public let problems: [JournalProblem]
}

/// Reads a reference file row by row, like `JournalReader` reads a journal.
public final class ReferenceReader {
    public let kind: ImportKind
    /// Header cells that name no column of this kind.
    public let unknown: [String]
    private let csv: CSVReader
    private let titles: [String]
    private let positions: [(field: ReferenceField, position: Int)]

    /// Reads the header. Throws `ImportError` when the file is empty or lacks
    /// a column the kind needs, or has one twice.
    public init(source: any ByteSource, kind: ImportKind, options: CSVOptions = CSVOptions()) throws {
        self.kind = kind
        csv = try CSVReader(source: source, options: options)
        repeat {
            guard try csv.nextRecord() else { throw ImportError(line: nil, .emptyFile) }
        } while csv.recordIsBlank
        let line = csv.recordLine
        var header: [String] = []
        for i in 0 ..< csv.fieldCount {
            guard let title = csv.text(ofField: i) else { throw ImportError(line: line, .headerNotUTF8) }
            header.append(title)
        }
        var lookup: [String: ReferenceField] = [:]
        for field in kind.fields { for name in ReferenceField.names(of: field, in: kind) { lookup[JournalField.key(name)] = field } }
        var positions: [(ReferenceField, Int)] = [], unknown: [String] = [], messages: [ImportMessage] = []
        for (i, title) in header.enumerated() where !title.isEmpty {
            guard let field = lookup[JournalField.key(title)] else { unknown.append(title); continue }
            if positions.contains(where: { $0.0 == field }) { messages.append(.duplicateReferenceColumn(title)); continue }
            positions.append((field, i))
        }
        let language: Lang = header.contains { $0.unicodeScalars.contains { (0x400 ... 0x4FF).contains($0.value) } } ? .ru : .en
        let missing = kind.requiredFields.filter { f in !positions.contains { $0.0 == f } }
        if !missing.isEmpty { messages.insert(.missingReferenceColumns(missing.map { $0.header(language) }), at: 0) }
        guard messages.isEmpty else { throw ImportError(line: line, messages: messages) }
        titles = header
        self.positions = positions
        self.unknown = unknown
        self.language = language
    }

    private let language: Lang

    /// The column's title as the file has it, or its standard name.
    public func title(of field: ReferenceField) -> String {
        positions.first { $0.field == field }.map { titles[$0.position] } ?? field.header(language)
    }

    /// The next row, or nil at the end; rows of blanks are skipped.
    public func next() throws -> ReferenceRecord? {
        while try csv.nextRecord() {
            if csv.recordIsBlank { continue }
            var values: [ReferenceField: String] = [:], problems: [JournalProblem] = []
            let line = csv.recordLine
            for (field, position) in positions {
                guard let text = csv.text(ofField: position) else {
                    problems.append(JournalProblem(line: line, field: nil, column: titles[position], message: .notUTF8))
                    continue
                }
                // An export wrote formula-like text with an apostrophe before it (SpreadsheetText).
                if !text.isEmpty { values[field] = SpreadsheetText.unescaped(text) }
            }
            return ReferenceRecord(line: line, values: values, problems: problems)
        }
        return nil
    }

    /// Reads whatever is left of the file, for a source that digests it;
    /// call it after the last row.
    public func readToEnd() throws { try csv.readToEnd() }
}

/// RFC 4180 fields, quoted only when they need it.
public enum CSVRecord {
    /// One record, line ending included.
    public static func line(_ fields: [String], delimiter: CSVDelimiter, lineEnding: String = "\n") -> String {
        fields.map { quoted($0, delimiter: delimiter) }.joined(separator: String(delimiter.character)) + lineEnding
    }

    /// The field as is, or in quotes with quotes doubled when it holds the
    /// delimiter, a quote or a line break, or starts or ends with a space
    /// that a reader would trim.
    public static func quoted(_ field: String, delimiter: CSVDelimiter) -> String {
        let d = delimiter.rawValue
        let needs = field.utf8.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needs else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
