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
        case .bool(let b): b ? (lang == .ru ? "да" : "yes") : (lang == .ru ? "нет" : "no")
        case .choice(_, let label): label.text(lang)
        case .none: ""
        case .unweighed: KilogramWords.unweighed.text(lang)
        }
    }
}

/// A column: its stable key for JSON and the header people read.
public struct Column: Sendable {
    public let key: String
    public let header: Phrase
    public let alignRight: Bool
    public init(_ key: String, ru: String, en: String, alignRight: Bool = false) {
        self.key = key; header = Phrase(ru: ru, en: en); self.alignRight = alignRight
    }
}

/// What every listing command prints: the columns next to the rows they
/// describe, rendered by one function per format.
public struct Listing: Sendable {
    public var columns: [Column]
    public var rows: [[Cell]]
    public init(columns: [Column], rows: [[Cell]] = []) { self.columns = columns; self.rows = rows }

    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    public func render(_ format: Format, lang: Lang) -> String {
        switch format {
        case .table: table(lang)
        case .json: json()
        case .csv: csv(lang)
        }
    }

    /// Aligned columns for a terminal; widths count characters, not bytes.
    /// `grouped`: see `Cell.display`.
    public func table(_ lang: Lang, grouped: Bool = false) -> String {
        let headers = columns.map { $0.header.text(lang) }
        let texts = rows.map { row in row.map { $0.display(lang, grouped: grouped) } }
        var widths = headers.map(\.count)
        for row in texts { for (i, s) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], s.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, s) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - s.count))
                parts.append(columns[i].alignRight ? pad + s : (i == cells.count - 1 ? s : s + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += texts.map(line)
        return out.joined(separator: "\n") + "\n"
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
                return CSVText.field(cell.display(lang))
            }.joined(separator: ",") + "\r\n"
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
