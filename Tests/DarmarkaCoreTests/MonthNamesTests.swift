import Foundation
import Testing
@testable import DarmarkaCore

/// The month names written out in `MonthNames` against Foundation's (ICU's)
/// own for the same locales: the table must say what the calendar says.
@Suite("Month names")
struct MonthNamesTests {
    static func foundation(_ pattern: String, _ locale: String, year: Int, month: Int, day: Int = 15) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: locale)
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = pattern
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) else { return "" }
        return f.string(from: date)
    }

    @Test(arguments: 1...12)
    func agreeWithFoundation(month: Int) throws {
        let m = try #require(YearMonth(year: 2026, month: month))
        let ru = Self.foundation("LLLL yyyy", "ru_RU", year: 2026, month: month)
        #expect(MonthNames.month(m).ru == ru.prefix(1).uppercased() + ru.dropFirst())
        #expect(MonthNames.month(m).en == Self.foundation("LLLL yyyy", "en_GB", year: 2026, month: month))
        #expect(MonthNames.short(month, .ru) == Self.foundation("LLL", "ru_RU", year: 2026, month: month))
        #expect(MonthNames.short(month, .en) == Self.foundation("LLL", "en_GB", year: 2026, month: month))
        let day = try #require(LocalDate.parse(String(format: "2026-%02d-02", month)))
        #expect(MonthNames.longDate(day, .ru) == Self.foundation("d MMMM y\u{202F}'г.'", "ru_RU", year: 2026, month: month, day: 2))
        #expect(MonthNames.longDate(day, .en) == Self.foundation("d MMMM y", "en_GB", year: 2026, month: month, day: 2))
    }

    @Test func longDatesAsFoundationsLongStyle() throws {
        let day = try #require(LocalDate.parse("2026-12-02"))
        for (lang, locale) in [(Lang.ru, "ru_RU"), (.en, "en_GB")] {
            let f = DateFormatter()
            f.locale = Locale(identifier: locale)
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateStyle = .long
            f.timeStyle = .none
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            let date = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 2, hour: 12)))
            #expect(MonthNames.longDate(day, lang) == f.string(from: date))
        }
        #expect(MonthNames.month(try #require(YearMonth(year: 2026, month: 11))) == Phrase(ru: "Ноябрь 2026", en: "November 2026"))
    }
}
