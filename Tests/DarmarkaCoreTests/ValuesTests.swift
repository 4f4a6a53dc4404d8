import Foundation
import Testing
@testable import DarmarkaCore

@Suite("Dates, amounts and names")
struct ValuesTests {
    @Test(arguments: [("2026-11-03", "2026-11-03"), ("03.11.2026", "2026-11-03"), ("3.11.26", "2026-11-03"),
                      ("29.02.2028", "2028-02-29"), (" 2026-12-31 ", "2026-12-31")])
    func readsDatesAsWritten(text: String, iso: String) {
        #expect(LocalDate.parse(text)?.description == iso)
    }

    @Test(arguments: ["2026-02-29", "31.04.2026", "2026-13-01", "00.01.2026", "2026/11/03", "3 ноября", "", "2026-11-3x", "1.1.1"])
    func refusesDatesThatDoNotExist(text: String) {
        #expect(LocalDate.parse(text) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -1000, to: 40000, by: 37) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(LocalDate(year: 2026, month: 11, day: 30)?.adding(days: 1).description == "2026-12-01")
    }

    @Test func todayIsTheCentresDayNotTheServers() {
        // 20:30 UTC on 30 November is already 1 December in Tyumen (UTC+5).
        let instant = Date(timeIntervalSince1970: 1_796_070_600)
        #expect(LocalDate.today(in: TimeZone(identifier: "UTC")!, now: instant).description == "2026-11-30")
        #expect(LocalDate.today(in: TimeZone(identifier: "Asia/Yekaterinburg")!, now: instant).description == "2026-12-01")
    }

    @Test func monthsKnowTheirDays() {
        let feb = YearMonth(year: 2028, month: 2)!
        #expect(feb.last.description == "2028-02-29")
        #expect(YearMonth(year: 2026, month: 1)!.previous.description == "2025-12")
        #expect(YearMonth.parse("2026-11")?.next.description == "2026-12")
        #expect(YearMonth.parse("2026-13") == nil)
    }

    @Test(arguments: [("2,5", 2500), ("2.5", 2500), ("0.125", 125), ("3", 3000), (",75", 750), ("0", 0), ("100000", 100_000_000)] as [(String, Int64)])
    func readsKilogramsExactly(text: String, grams: Int64) {
        #expect(Grams.parseKilograms(text) == Grams(grams))
    }

    @Test(arguments: ["-1", "2.5.1", "abc", "1,2345", "", "1e3", "٣", "100000,001", "999999999999999"])
    func refusesOtherWeights(text: String) {
        #expect(Grams.parseKilograms(text) == nil)
    }

    @Test func printsKilogramsInEachLanguage() {
        #expect(Grams(2500).kilogramText(decimalSeparator: ",") == "2,5")
        #expect(Grams(-125).kilogramText == "-0.125")
        #expect(Grams(3000).kilogramText == "3")
    }

    @Test(arguments: ["0", "-3", "1.5", "два", "", "1000001", "99999999999999999999"])
    func refusesQuantitiesThatAreNotWholeAndPositive(text: String) {
        #expect(Quantity.parse(text) == nil)
    }

    @Test func readsOperationsAndConditionsInBothLanguages() {
        #expect(MovementKind.parse("Приём") == .intake)
        #expect(MovementKind.parse("прием") == .intake)
        #expect(MovementKind.parse("ВЫДАЧА") == .handout)
        #expect(MovementKind.parse("списание") == .writeoff)
        #expect(Condition.parse("требует ремонта") == .repair)
        #expect(Condition.parse("Ветошь") == .recycle)
        #expect(Condition.parse("shiny") == nil)
    }

    @Test func namesMatchIgnoringCaseSpacesAndYo() {
        let entries = Seed.categories.enumerated().map { i, s in
            NamedEntry(id: RowID(i + 1), code: s.code, nameRu: s.ru, nameEn: s.en, aliases: s.aliases)
        }
        #expect(entries.named("  нижнее  белье и носки (новое) ")?.code == "underwear")
        #expect(entries.named("BOOKS")?.code == "books")
        #expect(entries.named("коляски")?.code == "babygear")
        #expect(entries.named("") == nil)
    }

    @Test func ledgerArithmetic() {
        let intake = MovementDraft(kind: .intake, date: LocalDate(year: 2026, month: 11, day: 1)!, toBox: 1,
                                   lines: [LineDraft(categoryID: 5, quantity: 3, grams: Grams(1200)), LineDraft(categoryID: 5, quantity: 2)])
        #expect(Ledger.deltas(of: intake) == [StockDelta(box: 1, category: 5, quantity: 5, grams: 1200)])
        var transfer = MovementDraft(kind: .transfer, date: intake.date, fromBox: 1, toBox: 2, lines: [LineDraft(categoryID: 5, quantity: 4)])
        #expect(Ledger.deltas(of: transfer) == [StockDelta(box: 1, category: 5, quantity: -4, grams: 0), StockDelta(box: 2, category: 5, quantity: 4, grams: 0)])
        transfer.reverses = 9
        #expect(Ledger.deltas(of: transfer) == [StockDelta(box: 1, category: 5, quantity: 4, grams: 0), StockDelta(box: 2, category: 5, quantity: -4, grams: 0)])
        #expect(Ledger.check(MovementDraft(kind: .handout, date: intake.date, toBox: 1, lines: intake.lines)) == .boxesDoNotFit(.handout))
        #expect(Ledger.check(MovementDraft(kind: .transfer, date: intake.date, fromBox: 1, toBox: 1, lines: intake.lines)) == .transferToSameBox)
        #expect(Ledger.check(MovementDraft(kind: .intake, date: intake.date, toBox: 1, lines: [])) == .noLines)
        #expect(Ledger.check(MovementDraft(kind: .intake, date: intake.date, toBox: 1, recipientID: 3, lines: intake.lines)) == .recipientOnlyOnHandout)
    }

    @Test func everyProblemSpeaksBothLanguages() {
        let problems: [LedgerProblem] = [.noLines, .badQuantity("x"), .badDate("x"), .unknownBox("B"), .transferToSameBox,
                                         .insufficientStock(box: "B", category: Phrase(ru: "Обувь", en: "Shoes"), available: 1, asked: 2, on: LocalDate(dayNumber: 0)),
                                         .badBoxCode("x", .wrongCheck(expected: "A")), .notDarmarkaDatabase("f")]
        for p in problems {
            #expect(!p.text(.ru).isEmpty && !p.text(.en).isEmpty && p.text(.ru) != p.text(.en))
            #expect(!p.text(.ru).contains("\n"))
        }
        #expect(Lang.fromEnvironment(["LANG": "ru_RU.UTF-8"]) == .ru)
        #expect(Lang.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Lang.fromEnvironment([:]) == .ru)
        #expect(Lang.fromEnvironment(["LANG": "en_US.UTF-8", "DARMARKA_LANG": "ru"]) == .ru)
    }

    @Test func listingsRenderEachFormat() {
        let listing = Listing(columns: [Column("box", ru: "Бокс", en: "Box"), Column("kg", ru: "Кг", en: "kg", alignRight: true)],
                              rows: [[.text("B-1, \"x\""), .kg(Grams(2500))], [.none, .int(3)]])
        #expect(listing.json() == "[\n  {\"box\": \"B-1, \\\"x\\\"\", \"kg\": 2.5},\n  {\"box\": null, \"kg\": 3}\n]\n")
        #expect(listing.csv(.ru) == "Бокс,Кг\r\n\"B-1, \"\"x\"\"\",2.5\r\n,3\r\n")
        #expect(listing.table(.ru).contains("2,5"))
    }
}

@Suite("Numbers as documents print them")
struct NumberTextTests {
    @Test(arguments: [
        (0, Lang.ru, "0"), (999, .ru, "999"), (1278, .ru, "1\u{00A0}278"), (12_345, .ru, "12\u{00A0}345"),
        (1_234_567, .ru, "1\u{00A0}234\u{00A0}567"), (-12_345, .ru, "-12\u{00A0}345"),
        (999, .en, "999"), (1278, .en, "1,278"), (100_000, .en, "100,000"), (-1_234_567, .en, "-1,234,567"),
    ])
    func grouped(n: Int, lang: Lang, text: String) {
        #expect(NumberText.grouped(n, lang) == text)
    }

    @Test func extremesDoNotTrap() {
        #expect(NumberText.grouped(Int.min, .en) == "-9,223,372,036,854,775,808")
        #expect(NumberText.grouped(Int.max, .ru).count == 25)
    }

    @Test func kilogramsGroupTheirWholePart() {
        #expect(Grams(1_234_567_890).kilogramText(decimalSeparator: ",", grouping: .ru) == "1\u{00A0}234\u{00A0}567,89")
        #expect(Grams(1_234_500).kilogramText(decimalSeparator: ".", grouping: .en) == "1,234.5")
        #expect(Grams(-12_345_000).kilogramText(decimalSeparator: ",", grouping: .ru) == "-12\u{00A0}345")
        #expect(Grams(1_234_500).kilogramText(decimalSeparator: ".") == "1234.5")
        #expect(Cell.int(12_345).display(.ru) == "12345", "listings of ids and codes stay as they are")
        #expect(Cell.int(12_345).display(.ru, grouped: true) == "12\u{00A0}345")
    }
}
