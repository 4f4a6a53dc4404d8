/// A month as people type it for a report: `2026-11`, `11.2026`, a name in
/// Russian or English (`ноябрь`, `november`, `нояб`, `nov`), a name and a
/// year (`ноябрь 2026`, `November 2026`).
public enum MonthInput: Sendable, Equatable {
    /// A month with its year.
    case month(YearMonth)
    /// A month's name alone, 1…12: which year depends on the day it is asked.
    case name(Int)

    /// The month `text` names, or nil when it names none. A name alone is
    /// that month of `today`'s year if it has begun, else of the year
    /// before: in February «ноябрь» is the November just gone, never one
    /// still to come.
    public static func parse(_ text: String, today: LocalDate) -> YearMonth? {
        parse(text)?.month(today: today)
    }

    /// What `text` says, before a name alone is given its year.
    public static func parse(_ text: String) -> MonthInput? {
        let t = TextKey.normalise(text)
        if let m = YearMonth.parse(t), t.count <= 7 { return .month(m) }
        // 11.2026, 11/2026, 11-2026: month first, as a Russian date is written.
        for separator: Character in [".", "/", "-"] {
            let p = t.split(separator: separator, omittingEmptySubsequences: false)
            if p.count == 2, (1...2).contains(p[0].count), p[1].count == 4, p.allSatisfy({ $0.allSatisfy(\.isASCII) }),
               let m = Int(p[0]), let y = Int(p[1]) {
                return YearMonth(year: y, month: m).map { .month($0) }
            }
        }
        let words = t.split(separator: " ").map(String.init)
        guard let first = words.first, let month = number(ofName: first) else { return nil }
        switch words.count {
        case 1:
            return .name(month)
        case 2:
            let year = words[1].hasSuffix("г.") ? String(words[1].dropLast(2)) : words[1]
            guard year.count == 4, year.allSatisfy(\.isASCII), let y = Int(year) else { return nil }
            return YearMonth(year: y, month: month).map { .month($0) }
        default:
            return nil
        }
    }

    /// The month meant on `today`.
    public func month(today: LocalDate) -> YearMonth? {
        switch self {
        case .month(let m): return m
        case .name(let n):
            guard let this = YearMonth(year: today.year, month: n) else { return nil }
            return this <= YearMonth(today) ? this : YearMonth(year: today.year - 1, month: n)
        }
    }

    /// 1…12 for a month's name: Russian (either case a report or a date
    /// uses it) or English, whole or as a calendar shortens it.
    static func number(ofName word: String) -> Int? {
        let w = word.hasSuffix(".") ? String(word.dropLast()) : word
        for i in 0..<12 {
            let names = [MonthNames.ruNominative[i], MonthNames.ruGenitive[i], MonthNames.en[i].lowercased()]
            if names.contains(w) { return i + 1 }
        }
        // Shortened: the first three letters or more of one name only («мар» is March, «ма» could be May too).
        guard w.count >= 3 else { return nil }
        let matches = (0..<12).filter { i in
            [MonthNames.ruNominative[i], MonthNames.en[i].lowercased()].contains { $0.hasPrefix(w) }
        }
        return matches.count == 1 ? matches[0] + 1 : nil
    }
}
