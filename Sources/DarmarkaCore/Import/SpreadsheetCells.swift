import Foundation

/// How an Excel workbook stores what a journal's cells say, read back as the
/// text a CSV file would hold, so that one row parser serves both.
public enum SpreadsheetCells {
    /// The column's place from 0 and the row's number from 1 in a cell
    /// reference such as `C7` (`A` is 0, `Z` 25, `AA` 26); nil for anything else.
    public static func reference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in text.utf8 {
            switch u {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(u - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0") ... UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            // Excel's last column is XFD, its last row 1 048 576.
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row >= 1 else { return nil }
        return (column - 1, row)
    }

    /// Whether a number format shows a date: the built-in formats 14 to 22
    /// (and the East Asian dates 27–36, 45–47, 50–58), or a format of our
    /// own whose code has a day, month or year outside quotes and brackets
    /// (`dd.mm.yyyy`, but not `0.00 "d"` or `[Red]0`).
    public static func isDate(formatID: Int, code: String?) -> Bool {
        switch formatID {
        case 14 ... 22, 27 ... 36, 45 ... 47, 50 ... 58: return true
        default: break
        }
        guard let code else { return false }
        var inQuotes = false, inBrackets = false, escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "D", "m", "M", "y", "Y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    /// A date cell's serial number (days since 1899-12-30, the fraction the
    /// time of day) as a journal writes it: `2026-11-03`, or with the time
    /// to the minute, `2026-11-03 14:30`. Nil outside 1900–9999.
    public static func dateText(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        // To the minute, rounding: Excel keeps 14:30 as 0.60416666…
        let minutes = Int((serial * 1440).rounded())
        let days = minutes / 1440, minute = minutes % 1440
        // Day 0 of Excel is 1899-12-30: 25 569 days before 1970-01-01.
        let date = LocalDate(dayNumber: days - 25_569)
        guard minute != 0, let time = LocalTime(hour: minute / 60, minute: minute % 60) else { return date.description }
        return "\(date) \(time)"
    }

    /// A number cell as text: whole numbers without a point, others to the
    /// 15 significant digits Excel shows (`0.30000000000000004` is `0.3`).
    public static func numberText(_ stored: String) -> String {
        guard let value = Double(stored.trimmingCharacters(in: .whitespaces)), value.isFinite else { return stored }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.15g", value)
        if text.contains("e") {
            text = String(format: "%.9f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
