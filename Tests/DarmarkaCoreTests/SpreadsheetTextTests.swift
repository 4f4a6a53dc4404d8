import Testing
@testable import DarmarkaCore

@Suite("Spreadsheet text")
struct SpreadsheetTextTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"Нажмите\")", "'=HYPERLINK(\"http://x\",\"Нажмите\")"),
        ("+7 900 000-00-00", "'+7 900 000-00-00"),
        ("-сломано", "'-сломано"),
        ("@import", "'@import"),
        ("\tтаб", "'\tтаб"),
        ("\rвозврат", "'\rвозврат"),
        ("'=уже с апострофом", "''=уже с апострофом"),
        ("''=два", "'''=два"),
        ("'обычный апостроф", "'обычный апостроф"),
        ("обычный текст", "обычный текст"),
        ("", ""),
    ])
    func formulasAreNeutralisedAndReadBackTheSame(text: String, written: String) {
        #expect(SpreadsheetText.escaped(text) == written)
        #expect(SpreadsheetText.unescaped(written) == text)
    }

    @Test func everyShortStringOfTheDangerousAlphabetRoundTrips() {
        let alphabet: [Character] = ["=", "+", "-", "@", "\t", "'", "a"]
        var strings = [""]
        for _ in 0 ..< 4 { strings = strings + strings.flatMap { s in alphabet.map { s + String($0) } } }
        for s in Set(strings) {
            let written = SpreadsheetText.escaped(s)
            #expect(SpreadsheetText.unescaped(written) == s, "\(s.debugDescription)")
            if let first = written.first { #expect(!SpreadsheetText.formulaStarts.contains(first), "\(s.debugDescription)") }
        }
    }
}
