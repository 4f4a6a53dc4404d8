import Testing
@testable import DarmarkaCore

/// `report monthly --month` as people type it.
@Suite("Month input")
struct MonthInputTests {
    static let today = LocalDate(year: 2026, month: 12, day: 2)!

    @Test(arguments: ["2026-11", "11.2026", "11/2026", "11-2026", "ноябрь 2026", "Ноябрь 2026", "ноября 2026",
                      "november 2026", "November 2026", "nov 2026", "нояб. 2026", "ноябрь 2026г.", " 2026-11 "])
    func aMonthWithItsYear(text: String) {
        #expect(MonthInput.parse(text, today: Self.today) == YearMonth(year: 2026, month: 11), "\(text)")
    }

    /// A name alone is this year's month if it has begun, else last year's:
    /// never a month still to come.
    @Test func aNameAloneIsTheMostRecentMonthOfThatName() {
        #expect(MonthInput.parse("ноябрь", today: Self.today) == YearMonth(year: 2026, month: 11))
        #expect(MonthInput.parse("november", today: Self.today) == YearMonth(year: 2026, month: 11))
        // The current month has begun: it is this year's.
        #expect(MonthInput.parse("декабрь", today: Self.today) == YearMonth(year: 2026, month: 12))
        let february = LocalDate(year: 2027, month: 2, day: 10)!
        #expect(MonthInput.parse("ноябрь", today: february) == YearMonth(year: 2026, month: 11))
        #expect(MonthInput.parse("февраль", today: february) == YearMonth(year: 2027, month: 2))
        #expect(MonthInput.parse("март", today: february) == YearMonth(year: 2026, month: 3))
        #expect(MonthInput.parse("Май", today: february) == YearMonth(year: 2026, month: 5))
        #expect(MonthInput.parse("сентябрь") == .name(9))
    }

    /// Forms that say no month, or could say two, are not guessed at.
    @Test(arguments: ["", "13.2026", "2026-13", "0.2026", "ноябрь 26", "ма", "ju", "nov 2026 extra", "2026", "11", "ноябрьь",
                      "１１.２０２６", "2026.11", "11.2026.1"])
    func notAMonth(text: String) {
        #expect(MonthInput.parse(text, today: Self.today) == nil, "\(text)")
    }

    @Test func everyNameInBothLanguages() {
        for i in 1...12 {
            #expect(MonthInput.parse(MonthNames.ruNominative[i - 1]) == .name(i))
            #expect(MonthInput.parse(MonthNames.ruGenitive[i - 1]) == .name(i))
            #expect(MonthInput.parse(MonthNames.en[i - 1]) == .name(i))
        }
    }

    /// The message for a month not understood names every form taken, on one line.
    @Test func theMessageListsTheForms() {
        for lang in Lang.allCases {
            let text = LedgerProblem.badMonth("вчера").text(lang)
            #expect(!text.contains("\n"))
            #expect(text.contains("2026-11") && text.contains("11.2026") && text.contains("ноябрь") && text.contains("november"))
        }
    }
}

/// A terminal's table never wider than asked: its widest text column wraps.
@Suite("Listing width")
struct ListingWidthTests {
    @Test func theWidestTextColumnWraps() {
        let long = String(repeating: "Очень длинное название центра ", count: 4)
        let listing = Listing(columns: [Column("label", ru: "Центр", en: "Centre"),
                                        Column("a", ru: "Ноябрь 2026", en: "November 2026", alignRight: true),
                                        Column("b", ru: "Октябрь 2026", en: "October 2026", alignRight: true)],
                              rows: [[.text(long), .int(1234), .int(5)], [.text("PRE"), .int(7), .int(8)]])
        let text = listing.table(.ru, grouped: true, maxWidth: 60)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(text)")
        // Nothing is lost: every word of the label is still there.
        #expect(lines.joined(separator: " ").split(separator: " ").filter { $0 == "длинное" }.count == 4)
        #expect(text.contains("1\u{00A0}234"))
        // Without a limit, one line a row, as before.
        #expect(listing.table(.ru).split(separator: "\n").count == 4)
    }

    @Test func wrapBreaksAtSpacesAndInsideWordsTooLong() {
        #expect(Listing.wrap("один два три", width: 8) == ["один два", "три"])
        #expect(Listing.wrap("абвгдеёжз", width: 4) == ["абвг", "деёж", "з"])
        #expect(Listing.wrap("коротко", width: 40) == ["коротко"])
    }
}
