/// Which column of a journal holds what, read from its header row.
public struct JournalColumns: Sendable, Equatable {
    /// A header cell that names no known column. Its values are skipped; the
    /// command line mentions it, since it may be a misspelt known column.
    public struct UnknownColumn: Sendable, Equatable {
        public let position: Int
        public let title: String
    }

    /// The header cells as in the file, trimmed.
    public let titles: [String]
    /// The language most of the known headers are in, for naming a column the
    /// file lacks in words its author will recognise.
    public let language: Lang
    public let unknown: [UnknownColumn]
    /// Position of each field by its raw value; -1 when absent.
    private let positions: [Int]

    /// Maps a header row. Throws one `ImportError` listing every required
    /// column that is missing and every column that appears twice.
    public init(header: [String], line: Int = 1) throws(ImportError) {
        var positions = [Int](repeating: -1, count: JournalField.allCases.count)
        var seen: [JournalField: [String]] = [:]
        var unknown: [UnknownColumn] = []
        var cyrillic = 0
        for (i, title) in header.enumerated() where !title.isEmpty {
            guard let field = JournalField(header: title) else {
                unknown.append(UnknownColumn(position: i, title: title))
                continue
            }
            seen[field, default: []].append(title)
            if positions[field.rawValue] < 0 { positions[field.rawValue] = i }
            if title.unicodeScalars.contains(where: { (0x400 ... 0x4FF).contains($0.value) }) { cyrillic += 1 }
        }
        let language: Lang = cyrillic * 2 >= max(1, seen.values.map(\.count).reduce(0, +)) ? .ru : .en

        var messages: [ImportMessage] = []
        let missing = JournalField.allCases.filter { $0.isRequired && positions[$0.rawValue] < 0 }
        if !missing.isEmpty { messages.append(.missingColumns(missing)) }
        for field in JournalField.allCases {
            if let titles = seen[field], titles.count > 1 { messages.append(.duplicateColumn(field, titles: titles)) }
        }
        guard messages.isEmpty else { throw ImportError(line: line, messages: messages) }

        self.titles = header
        self.language = language
        self.unknown = unknown
        self.positions = positions
    }

    /// Where `field` is in a record, or nil if the journal lacks it.
    public func position(of field: JournalField) -> Int? {
        let p = positions[field.rawValue]
        return p < 0 ? nil : p
    }

    /// The name of `field`'s column as the file's header has it, or the
    /// standard name in the header's language when the file lacks it.
    public func title(of field: JournalField) -> String {
        position(of: field).map { titles[$0] } ?? field.header(language)
    }

    /// The fields the journal has, with their positions.
    public var present: [(field: JournalField, position: Int)] {
        JournalField.allCases.compactMap { f in position(of: f).map { (f, $0) } }
    }
}
