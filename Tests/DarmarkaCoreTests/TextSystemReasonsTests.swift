import Testing
import DarmarkaCore

@Suite("Text: the system's reasons in both languages")
struct TextSystemReasonsTests {
    @Test(arguments: ["No such file or directory", "Permission denied", "Is a directory", "No space left on device",
                      "Read-only file system", "disk I/O error", "unable to open database file", "database or disk is full"])
    func knownReasonsAreTranslated(reason: String) {
        let phrase = SystemReasons.phrase(reason)
        #expect(phrase.ru.unicodeScalars.contains { (0x400 ... 0x4FF).contains($0.value) }, "\(phrase.ru)")
        #expect(phrase.ru != phrase.en)
        #expect(LedgerProblem.cannotWrite("x.csv", reason).phrase.ru == "Не удалось записать x.csv: \(phrase.ru).")
    }

    @Test func otherReasonsAreShownAsGiven() {
        #expect(SystemReasons.phrase("Stale file handle") == Phrase(ru: "Stale file handle", en: "Stale file handle"))
    }
}
