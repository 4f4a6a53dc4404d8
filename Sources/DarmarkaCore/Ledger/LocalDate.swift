import Foundation

/// A calendar date as people write it in the journal, with no time zone:
/// the day something happened at the centre.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid Gregorian date, or nil (31 April, 29 February 2025 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(year: year, month: month) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO form, `2026-11-03`: the form stored in the database, which sorts as text.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01, for arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Today in the given time zone (the organisation's, not the machine's).
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> LocalDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(dayNumber: 0)
    }

    /// The earliest date Darmarka takes anywhere: a movement, an event, a
    /// consent, a registration, a period. Nothing of an item exchange that
    /// keeps its books here happened before it, so an earlier date is a typo
    /// in the year (1026, 1926), and says so instead of "no such date".
    public static let earliest = LocalDate(dayNumber: 10957) // 2000-01-01

    /// Parses `2026-11-03`, `03.11.2026` and `03.11.26` (years 00–69 → 2000s):
    /// any date of the calendar, as stored. What a person types goes
    /// through `read`, which holds it to `earliest` too.
    public static func parse(_ text: String) -> LocalDate? {
        calendarDate(text)
    }

    /// Whether `text` is a real date before `earliest`.
    public static func isTooEarly(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        let datePart = t.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? t
        return calendarDate(datePart).map { $0 < earliest } ?? false
    }

    /// A date typed by a person, or what is wrong with it: one rule for the
    /// command line, journals and reference files.
    public static func read(_ text: String) throws -> LocalDate {
        if let date = parse(text), date >= earliest { return date }
        throw isTooEarly(text) ? LedgerProblem.dateTooEarly(text, earliest: earliest) : LedgerProblem.badDate(text)
    }

    /// Any date of the calendar in one of the forms people write.
    static func calendarDate(_ text: String) -> LocalDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        func ints(_ parts: [Substring]) -> [Int]? {
            let v = parts.compactMap { p -> Int? in
                guard !p.isEmpty, p.count <= 4, p.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                return Int(p)
            }
            return v.count == parts.count ? v : nil
        }
        if t.contains("-") {
            let p = t.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, let v = ints(p) else { return nil }
            return LocalDate(year: v[0], month: v[1], day: v[2])
        }
        if t.contains(".") {
            let p = t.split(separator: ".", omittingEmptySubsequences: false)
            guard p.count == 3, p[2].count == 4 || p[2].count == 2, let v = ints(p) else { return nil }
            let year = p[2].count == 2 ? (v[2] < 70 ? 2000 + v[2] : 1900 + v[2]) : v[2]
            return LocalDate(year: year, month: v[1], day: v[0])
        }
        return nil
    }
}

/// A time of day as entered, `14:30`.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }
    public static func parse(_ text: String) -> LocalTime? {
        let p = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2 || p.count == 3, p[0].count <= 2, p[1].count == 2,
              let h = Int(p[0]), let m = Int(p[1]) else { return nil }
        return LocalTime(hour: h, minute: m)
    }
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }
}

/// A calendar month, `2026-11`.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public init?(year: Int, month: Int) {
        guard (LocalDate.earliest.year...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }
    public init(_ date: LocalDate) { year = date.year; month = date.month }
    public static func parse(_ text: String) -> YearMonth? {
        let p = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard p.count == 2, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]) else { return nil }
        return YearMonth(year: y, month: m)
    }
    public var first: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var last: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(year: year, month: month))! }
    public var previous: YearMonth { (month == 1 ? YearMonth(year: year - 1, month: 12) : YearMonth(year: year, month: month - 1)) ?? self }
    public var next: YearMonth { (month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1)) ?? self }
    public var description: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
