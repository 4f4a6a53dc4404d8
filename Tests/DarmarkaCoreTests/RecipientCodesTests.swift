import Testing
import DarmarkaCore

@Suite("Recipient codes: one key for every way of typing, the nearest for a typo")
struct RecipientCodesTests {
    @Test func everyWayOfTypingHasOneKey() {
        let key = RecipientCodes.key("ТД-042")
        for typed in ["ТД42", "тд42", "td-42", "TD 42", "TД-042", "ТД-0042", "ТД–042", " тд 042 "] {
            #expect(RecipientCodes.key(typed) == key, "\(typed)")
        }
        #expect(key == "TD42")
        #expect(RecipientCodes.key("ТК-001") == "TK1")
        #expect(RecipientCodes.key("АВСЕНКМОРТХУ") == "ABCEHKMOPTXY")   // look-alikes as they look
        #expect(RecipientCodes.key("ТД-042") != RecipientCodes.key("ТД-043"))
        #expect(RecipientCodes.key("ТД-042") != RecipientCodes.key("ТД-420"))
        #expect(RecipientCodes.key("ТД-1-05") == "TD105")                 // zeros inside a number stay
        #expect(RecipientCodes.key("ТД-000") == "TD0" && RecipientCodes.key("0") == "0")
        #expect(RecipientCodes.key("42/007") == "42/7")
        #expect(RecipientCodes.key("Ы-1") != RecipientCodes.key("У-1"))
        // A key is its own key.
        for code in ["ТД-042", "A-0-01", "Ж-00", "ЩЁ-10-01"] {
            #expect(RecipientCodes.key(RecipientCodes.key(code)) == RecipientCodes.key(code), "\(code)")
        }
    }

    @Test func theNearestCodesComeFromTheSameSeriesSwapsFirst() {
        let registered = ["ТД-042", "ТД-023", "ТД-100", "К-24", "ТД-999"]
        #expect(RecipientCodes.nearest(to: "ТД-024", among: registered) == ["ТД-042", "ТД-023"])
        // Another series comes after the card's own, however near.
        #expect(RecipientCodes.nearest(to: "ТД-024", among: ["ТК-024", "ТД-025"]) == ["ТД-025", "ТК-024"])
        // The code itself, however typed, is not "similar"; nor is a far one.
        #expect(RecipientCodes.nearest(to: "тд42", among: ["ТД-042"]) == [])
        #expect(RecipientCodes.nearest(to: "ТД-024", among: ["ТД-777", "Ж-1"]) == [])
        #expect(RecipientCodes.nearest(to: "ТД-024", among: ["ТД-021", "ТД-022", "ТД-023", "ТД-025", "ТД-026"]).count == 3)
        #expect(RecipientCodes.nearest(to: "ТД-024", among: ["ТД-021", "ТД-022", "ТД-023", "ТД-025"], limit: 5).count == 4)
        // Longer codes allow two edits.
        #expect(RecipientCodes.nearest(to: "КАРТА-1234", among: ["КАРТА-1243", "КАРТА-1299", "КАРТА-9999"]) == ["КАРТА-1243", "КАРТА-1299"])
        #expect(RecipientCodes.nearest(to: "", among: ["ТД-1"]) == [])
    }

    @Test func aLineIsCategoryQuantityAndMaybeKilograms() {
        #expect(LineText.split("kids:3:1,2") == LineText(category: "kids", quantity: "3", kg: "1,2"))
        #expect(LineText.split(" shoes : 2 ") == LineText(category: "shoes", quantity: "2"))
        #expect(LineText.split("Детская одежда:1:0.5") == LineText(category: "Детская одежда", quantity: "1", kg: "0.5"))
        for bad in ["shoes", "shoes:", ":2", "shoes:2:", "a:1:2:3", ""] { #expect(LineText.split(bad) == nil, "\(bad)") }
    }
}
