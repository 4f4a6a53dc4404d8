import Testing
@testable import DarmarkaCore

@Suite("Recipient codes named in notes")
struct RecipientCodeMentionsTests {
    @Test(arguments: ["для ТД-042, просила обувь", "тд42 приходила", "TД 042 с мамой", "(td-0042)"])
    func aNoteNamesTheCodeTypedAnyWay(note: String) {
        #expect(RecipientCodes.text(note, mentions: "ТД-042"))
    }

    @Test(arguments: ["ТД-420 приходила", "размер 42", "тд", ""])
    func otherTextDoesNotNameIt(note: String) {
        #expect(!RecipientCodes.text(note, mentions: "ТД-042"))
    }

    @Test func theFormIsFieldsAndLinesWithNullsAsNothing() {
        var form = SealForm()
        form.movement(id: 7, kind: "handout", occurredOn: "2026-11-03", occurredAt: nil, recordedAt: "2026-11-03T10:00:00.000Z",
                      from: 2, to: nil, recipient: 5, event: nil, volunteer: nil, reverses: nil, importID: nil, noteDigest: [0xab, 0x01])
        form.line(1, category: 3, quantity: 2, grams: nil, condition: "good")
        #expect(String(decoding: form.bytes, as: UTF8.self)
                == "m|7|handout|2026-11-03||2026-11-03T10:00:00.000Z|2||5|||||ab01\nl|1|3|2||good\n")
    }
}
