import Foundation

/// One value of a listing, typed so that JSON keeps numbers as numbers.
public enum Cell: Sendable, Equatable {
    case text(String)
    case int(Int)
    case kg(Grams)
    /// Yes or no: `true`/`false` in JSON and CSV, да/нет or yes/no for people.
    case bool(Bool)
    /// One of a fixed set of values (a kind, a status, an operation): its
    /// stable code in JSON, for scripts, and its name in `lang` for people.
    case choice(code: String, label: Phrase)
    case none
    /// A catalogue entry (a category, a group, a metric): its code in JSON
    /// and plain CSV, which scripts and re-imports read, and its name in
    /// `lang` in a table and in CSV for Excel, which people read.
    case named(code: String, label: Phrase)
    /// Items whose kilograms nobody knows: «не взвешено» for people, null in JSON.
    case unweighed

    /// The value as people read it in `lang`: kilograms with a decimal comma
    /// in Russian. `grouped` sets thousands apart, for forms where every
    /// number is an amount (a report), never an id or a year.
    public func display(_ lang: Lang, grouped: Bool = false) -> String {
        switch self {
        case .text(let s): s
        case .int(let n): grouped ? NumberText.grouped(n, lang) : String(n)
        case .kg(let g): g.kilogramText(decimalSeparator: lang == .ru ? "," : ".", grouping: grouped ? lang : nil)
        case .bool(let b): (b ? Heading.yes : Heading.no).text(lang)
        case .choice(_, let label): label.text(lang)
        case .none: ""
        case .named(_, let label): label.text(lang)
        case .unweighed: KilogramWords.unweighed.text(lang)
        }
    }
}

/// A column: its stable key for JSON and the header people read.
public struct Column: Sendable {
    public let key: String
    public let header: Phrase
    public let alignRight: Bool
    /// Shown to scripts only (JSON and plain CSV): a code whose name another
    /// column gives people.
    public let forScripts: Bool
    /// `header`: the words over the column, from `Heading` in `Text/`.
    public init(_ key: String, _ header: Phrase, alignRight: Bool = false, forScripts: Bool = false) {
        self.key = key; self.header = header; self.alignRight = alignRight; self.forScripts = forScripts
    }
}

/// What every listing command prints: the columns next to the rows they
/// describe, rendered by one function per format.
public struct Listing: Sendable {
    public var columns: [Column]
    public var rows: [[Cell]]
    public init(columns: [Column], rows: [[Cell]] = []) { self.columns = columns; self.rows = rows }

    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    /// `excel`: CSV as Russian Excel opens it (see `excelCSV`).
    public func render(_ format: Format, lang: Lang, excel: Bool = false) -> String {
        switch format {
        case .table: table(lang)
        case .json: json()
        case .csv: excel ? excelCSV(lang) : csv(lang)
        }
    }

    /// The listing without the columns meant for scripts only: what people read.
    public var forPeople: Listing {
        let keep = columns.indices.filter { !columns[$0].forScripts }
        guard keep.count < columns.count else { return self }
        return Listing(columns: keep.map { columns[$0] }, rows: rows.map { row in keep.map { $0 < row.count ? row[$0] : .none } })
    }

    /// Aligned columns for a terminal; widths count characters, not bytes.
    /// `grouped`: see `Cell.display`. With `maxWidth`, a table wider than
    /// that wraps its widest text column, then the headers of the others at
    /// their spaces; columns that still do not fit are left off at the right.
    public func table(_ lang: Lang, grouped: Bool = false, maxWidth: Int? = nil) -> String {
        if columns.contains(where: \.forScripts) { return forPeople.table(lang, grouped: grouped, maxWidth: maxWidth) }
        var headers = columns.map { [$0.header.text(lang)] }
        // A table is read in a terminal: a line break would break the row, and
        // a control character from an older database would drive the terminal.
        var texts = rows.map { row in row.map { [FreeText.oneLine($0.display(lang, grouped: grouped))] } }
        var count = columns.count
        func widths() -> [Int] {
            (0..<count).map { i in
                max(headers[i].map(\.count).max() ?? 0, texts.map { i < $0.count ? $0[i].map(\.count).max() ?? 0 : 0 }.max() ?? 0)
            }
        }
        func total(_ w: [Int]) -> Int { w.reduce(0, +) + 2 * max(0, w.count - 1) }
        if let maxWidth, total(widths()) > maxWidth {
            // The widest text column gives up what is too much, down to a
            // width a word of a label still reads in.
            let w = widths()
            if let i = (0..<count).filter({ !columns[$0].alignRight }).max(by: { w[$0] < w[$1] }) {
                let narrower = max(Self.narrowestText, w[i] - (total(w) - maxWidth))
                if narrower < w[i] {
                    headers[i] = headers[i].flatMap { Self.wrap($0, width: narrower) }
                    for r in texts.indices where i < texts[r].count { texts[r][i] = texts[r][i].flatMap { Self.wrap($0, width: narrower) } }
                }
            }
            if total(widths()) > maxWidth {
                // Headers of numbers wrap to the width of their numbers, or their longest word.
                let w = widths()
                for i in 0..<count where columns[i].alignRight {
                    let values = texts.map { i < $0.count ? $0[i].map(\.count).max() ?? 0 : 0 }.max() ?? 0
                    let longestWord = headers[i].flatMap { $0.split(separator: " ").map(\.count) }.max() ?? 0
                    let narrower = max(values, longestWord)
                    if narrower < w[i] { headers[i] = headers[i].flatMap { Self.wrap($0, width: narrower) } }
                }
            }
            while count > 1, total(widths()) > maxWidth { count -= 1 }
        }
        let w = widths()
        func lines(_ cells: [[String]]) -> [String] {
            let height = cells.prefix(count).map(\.count).max() ?? 1
            return (0..<height).map { l in
                var parts: [String] = []
                for i in 0..<count {
                    let s = i < cells.count && l < cells[i].count ? cells[i][l] : ""
                    let pad = String(repeating: " ", count: max(0, w[i] - s.count))
                    parts.append(columns[i].alignRight ? pad + s : (i == count - 1 ? s : s + pad))
                }
                return parts.joined(separator: "  ")
            }
        }
        var out = lines(headers) + [w.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for row in texts { out += lines(row) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A text column is not wrapped narrower than this.
    static let narrowestText = 16

    /// `text` in lines of at most `width` characters, broken at spaces; a
    /// word longer than a line is broken where the line ends.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count <= width { line += " " + word; continue }
            if !line.isEmpty { lines.append(line); line = "" }
            while word.count > width { lines.append(String(word.prefix(width))); word = word.dropFirst(width) }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// An array of objects keyed by the columns' stable keys.
    public func json() -> String {
        let objects = jsonObjects()
        return objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
    }

    /// Each row as one JSON object, keys in column order.
    public func jsonObjects() -> [String] {
        rows.map { row in
            "{" + row.enumerated().map { i, cell in JSONText.string(columns[i].key) + ": " + JSONText.value(cell) }
                .joined(separator: ", ") + "}"
        }
    }

    /// RFC 4180 CSV with the headers in the user's language.
    public func csv(_ lang: Lang) -> String {
        var out = columns.map { CSVText.field($0.header.text(lang)) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { cell -> String in
                if case .kg(let g) = cell { return g.kilogramText }
                if case .bool(let b) = cell { return b ? "true" : "false" }
                if case .named(let code, _) = cell { return CSVText.field(code) }
                // Free text that a spreadsheet would run as a formula.
                if case .text(let s) = cell { return CSVText.field(SpreadsheetText.escaped(s)) }
                return CSVText.field(cell.display(lang))
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// CSV for a spreadsheet in Russian locale: `;` between fields (the comma
    /// is the decimal mark there), kilograms with a decimal comma, names
    /// rather than codes, and a byte order mark, without which Excel reads
    /// UTF-8 as the Windows code page and shows the Cyrillic as gibberish.
    public func excelCSV(_ lang: Lang) -> String {
        if columns.contains(where: \.forScripts) { return forPeople.excelCSV(lang) }
        var out = "\u{FEFF}" + columns.map { CSVText.field($0.header.text(lang), delimiter: ";") }.joined(separator: ";") + "\r\n"
        for row in rows {
            out += row.map { cell -> String in
                if case .kg(let g) = cell { return g.kilogramText(decimalSeparator: ",", grouping: nil) }
                if case .text(let s) = cell { return CSVText.field(SpreadsheetText.escaped(s), delimiter: ";") }
                return CSVText.field(cell.display(lang), delimiter: ";")
            }.joined(separator: ";") + "\r\n"
        }
        return out
    }
}

/// JSON literals, written by hand so keys keep the order of the columns.
public enum JSONText {
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): string(s)
        case .int(let n): String(n)
        case .kg(let g): g.kilogramText
        case .bool(let b): b ? "true" : "false"
        case .choice(let code, _): string(code)
        case .none: "null"
        case .named(let code, _): string(code)
        case .unweighed: "null"
        }
    }
}

/// One CSV field, quoted only when it has to be.
public enum CSVText {
    public static func field(_ s: String, delimiter: Character = ",") -> String {
        guard s.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
