/// The character encodings journals come in: spreadsheets made by Google
/// Sheets and LibreOffice save UTF-8, Excel in Russian saves Windows-1251.
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8
    case cp1251

    /// Reads the name given on the command line: `utf8`, `utf-8`, `cp1251`,
    /// `windows-1251`, `1251`, in any case.
    public init?(name: String) {
        switch name.lowercased().filter({ $0 != "-" && $0 != "_" }) {
        case "utf8": self = .utf8
        case "cp1251", "windows1251", "win1251", "1251": self = .cp1251
        default: return nil
        }
    }
}

/// The separators a journal's columns may use.
public enum CSVDelimiter: UInt8, CaseIterable, Sendable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// Reads `,` `;` or a tab, or their names (`comma`, `semicolon`, `tab`, `\t`),
    /// as given on the command line.
    public init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        default: return nil
        }
    }

    public var character: Character {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }
}

/// How a CSV file is read. Leaving the encoding or the delimiter out means
/// detecting it from the beginning of the file.
public struct CSVOptions: Sendable {
    public var encoding: CSVEncoding?
    public var delimiter: CSVDelimiter?
    /// How many bytes are read from the source at a time.
    public var chunkSize: Int
    /// How many bytes at the beginning are looked at to detect the format.
    public var sniffSize: Int
    /// A longer field is an error, so that a broken quote cannot make the
    /// reader swallow the rest of a large file into memory.
    public var maxFieldBytes: Int
    /// The same guard for the number of fields in one record.
    public var maxFields: Int

    public init(encoding: CSVEncoding? = nil, delimiter: CSVDelimiter? = nil,
                chunkSize: Int = 1 << 20, sniffSize: Int = 64 << 10,
                maxFieldBytes: Int = 1 << 20, maxFields: Int = 1000) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.chunkSize = max(1, chunkSize)
        self.sniffSize = max(1, sniffSize)
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.maxFields = max(1, maxFields)
    }
}

/// What a reader found out (or was told) about a file.
public struct CSVFormat: Equatable, Sendable {
    public var encoding: CSVEncoding
    public var delimiter: CSVDelimiter
    /// Whether the file began with a UTF-8 byte order mark.
    public var hasByteOrderMark: Bool
}
