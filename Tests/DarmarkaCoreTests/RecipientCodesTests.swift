import Testing
import DarmarkaCore

@Suite("Recipient codes: look-alike letters")
struct RecipientCodesTests {
    @Test func everyWayOfTypingHasOneKey() {
        #expect(RecipientCodes.key("ТК-001") == "TK-001")          // all Cyrillic
        #expect(RecipientCodes.key("TK-001") == "TK-001")          // all Latin
        #expect(RecipientCodes.key("TД-042") == RecipientCodes.key("ТД-042"))
        #expect(RecipientCodes.key("АВСЕНКМОРТХУ") == "ABCEHKMOPTXY")
        #expect(RecipientCodes.key("ТД-042") != RecipientCodes.key("ТД-043"))
        #expect(RecipientCodes.key("Д-1") == "Д-1")                 // no Latin look-alike
    }

    @Test func spellingsStartWithTheOneGiven() {
        #expect(RecipientCodes.spellings("TД-042") == ["TД-042", "ТД-042"])
        #expect(RecipientCodes.spellings("ТК-001") == ["ТК-001", "TK-001"])
        #expect(RecipientCodes.spellings("42") == ["42"])
    }
}
