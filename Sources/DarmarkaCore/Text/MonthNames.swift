/// Month names as reports print them, in Russian and English.
///
/// Written out rather than asked of Foundation: a `DateFormatter` a name
/// loads ICU's calendar data, a few milliseconds of every report, and these
/// names do not change. A test holds them to Foundation's own.
public enum MonthNames {
    static let ruNominative = ["январь", "февраль", "март", "апрель", "май", "июнь",
                               "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
    static let ruGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня",
                             "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let ruShort = ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]
    static let en = ["January", "February", "March", "April", "May", "June",
                     "July", "August", "September", "October", "November", "December"]

    /// «Ноябрь 2026», "November 2026".
    public static func month(_ m: YearMonth) -> Phrase {
        let ru = ruNominative[m.month - 1]
        return Phrase(ru: ru.prefix(1).uppercased() + ru.dropFirst() + " \(m.year)", en: "\(en[m.month - 1]) \(m.year)")
    }

    /// As a calendar shortens it: «нояб.», "Nov".
    public static func short(_ month: Int, _ lang: Lang) -> String {
        lang == .ru ? ruShort[month - 1] : String(en[month - 1].prefix(3))
    }

    /// A day as people write it: «2 декабря 2026 г.», "2 December 2026".
    public static func longDate(_ day: LocalDate, _ lang: Lang) -> String {
        lang == .ru ? "\(day.day) \(ruGenitive[day.month - 1]) \(day.year)\u{202F}г."
                    : "\(day.day) \(en[day.month - 1]) \(day.year)"
    }
}
