import Testing
@testable import DarmarkaCore

@Suite("Text: Russian plurals in counts")
struct TextPluralTests {
    @Test(arguments: [
        (1, 1, "(1 движение, 1 строка)"), (4, 4, "(4 движения, 4 строки)"), (5, 21, "(5 движений, 21 строка)"),
        (11, 112, "(11 движений, 112 строк)"), (1_000_000, 1_000_002, "(1\u{A0}000\u{A0}000 движений, 1\u{A0}000\u{A0}002 строки)"),
    ] as [(Int, Int, String)])
    func checkCountsMovementsAndLines(movements: Int, lines: Int, expected: String) {
        #expect(Note.checked(movements: movements, lines: lines).phrase.ru.hasSuffix(expected + "."))
    }

    @Test func checkInEnglish() {
        #expect(Note.checked(movements: 1, lines: 2).phrase.en.hasSuffix("(1 movement, 2 lines)."))
    }

    @Test func aSheetHoldsSoManyLabels() {
        #expect(LabelError.skipFillsSheet(skip: 21, labelsPerPage: 21).phrase.ru.contains("на листе всего 21 этикетка;"))
        #expect(LabelError.skipFillsSheet(skip: 24, labelsPerPage: 24).phrase.ru.contains("на листе всего 24 этикетки;"))
        #expect(LabelError.skipFillsSheet(skip: 65, labelsPerPage: 65).phrase.ru.contains("на листе всего 65 этикеток;"))
    }
}
