import Testing
@testable import DarmarkaCore

@Suite("Import: stock by day, fingerprints, summaries")
struct ImportLedgerTests {
    static func flow(_ changes: (Int, Int)...) -> DayFlow {
        var f = DayFlow()
        for (quantity, line) in changes { f.add(quantity: quantity, grams: 0, line: line) }
        return f
    }

    @Test func aFileOnlyAddingCannotShort() {
        #expect(!ImportStock.canShort([Self.flow((3, 2)), Self.flow((1, 3))]))
        #expect(ImportStock.canShort([Self.flow((3, 2), (-4, 3))]))
    }

    @Test func takesOnTheSameDayAsTheIntakeAreFineInAnyOrder() {
        // The handout is above the intake in the file; by day they even out.
        let day = Self.flow((-2, 2), (5, 3))
        #expect(ImportStock.shortfalls(opening: 0, existing: [], file: [(100, day)]).isEmpty)
    }

    @Test func theDayAndRowThatAskTooMuch() {
        let file = [(day: 100, flow: Self.flow((5, 2))), (day: 101, flow: Self.flow((-2, 3), (-4, 7))), (day: 102, flow: Self.flow((-1, 4)))]
        // 5 in, then 6 asked on day 101: held 5; the next day goes on from 5.
        #expect(ImportStock.shortfalls(opening: 0, existing: [], file: file)
            == [.onDay(day: 101, line: 7, held: 5, asked: 6)])
        // With 1 in stock already, day 101 is fine and day 102 is not.
        #expect(ImportStock.shortfalls(opening: 1, existing: [], file: file) == [.onDay(day: 102, line: 4, held: 0, asked: 1)])
        #expect(ImportStock.shortfalls(opening: 2, existing: [], file: file) == [])
    }

    @Test func eachMistakeIsListedOnceNotItsEchoes() {
        let file = [(day: 10, flow: Self.flow((-1, 2))), (day: 11, flow: Self.flow((1, 3))), (day: 12, flow: Self.flow((-3, 4)))]
        #expect(ImportStock.shortfalls(opening: 0, existing: [], file: file)
            == [.onDay(day: 10, line: 2, held: 0, asked: 1), .onDay(day: 12, line: 4, held: 1, asked: 3)])
    }

    @Test func aBackdatedTakeThatStarvesLaterMovements() {
        // The database: 3 on day 5, 3 taken on day 20. The file takes 2 on day 10.
        let existing = [(day: 20, quantity: -3)]
        let file = [(day: 10, flow: Self.flow((-2, 9)))]
        #expect(ImportStock.shortfalls(opening: 3, existing: existing, file: file) == [.later(day: 20, line: 9, short: 2)])
        #expect(ImportStock.shortfalls(opening: 5, existing: existing, file: file) == [])
    }

    @Test func dayFlowsStayInOrderWhateverTheRowOrder() {
        var d = DayFlows()
        for (day, q, line) in [(5, 1, 2), (3, 2, 3), (5, -1, 4), (9, 4, 5), (1, 1, 6), (3, 1, 7)] {
            d.add(day: day, quantity: q, grams: Int64(q) * 100, line: line)
        }
        #expect(d.days == [1, 3, 5, 9])
        #expect(d.flows.map(\.quantity) == [1, 3, 0, 4])
        #expect(d.flows.map(\.grams) == [100, 300, 0, 400])
        #expect(d.flows[2].taken == 1 && d.flows[2].lastTakeLine == 4)
    }

    @Test func earlierRowsAreUsedUpOneByOne() {
        var earlier = EarlierRows([7, 3, 7, 9])
        let used = [7, 7, 7, 3, 4, 9, 9].map { earlier.consume($0) }
        #expect(used == [true, true, false, true, false, true, false])
    }

    @Test func fingerprintBlobsRoundTrip() {
        let prints: [UInt64] = [0, 1, .max, 0x0123_4567_89AB_CDEF, 42]
        #expect(FingerprintBlob.decode(FingerprintBlob.encode(prints)) == prints)
        #expect(FingerprintBlob.encode([1]) == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(FingerprintBlob.decode([1, 2, 3]) == nil)
    }

    /// The fast path over UTF-8 must hash exactly what `TextKey` gives,
    /// or the same row typed differently would import twice.
    @Test(arguments: ["Обувь", "  ОБУВЬ  ", "ёлочные  ИГРУШКИ", "Ёжик\tв\r\nтумане", "Shoes", "women's clothing",
                      "Ѐ Ѓ Џ Ђ", "Ткани 😀", "Café", "e\u{301}", "ТД-042", "", "  ", "Иванова\u{00A0}Анна", "Ярмарка, зима"])
    func normalisedHashingAgreesWithTextKey(text: String) {
        var fast = FNV1a64(), slow = FNV1a64()
        fast.add(normalised: text)
        slow.add(TextKey.normalise(text))
        #expect(fast.value == slow.value, "\(text)")
    }

    @Test func adjustmentSidesReadAndHash() throws {
        let box = TestBoxes.a
        let journal = try readJournal("date,operation,box,category,quantity\n2026-11-03,излишек,\(box),shoes,2\n2026-11-03,Shortage,\(box),shoes,1\n")
        #expect(journal.errors == [])
        #expect(journal.rows.map(\.adjustment) == [.surplus, .shortage])
        #expect(journal.rows.allSatisfy { $0.operation == .adjustment })
        var flipped = journal.rows[0]
        flipped.adjustment = .shortage
        #expect(flipped.fingerprint != journal.rows[0].fingerprint)
        #expect(try problems("2026-11-03,adjustment,\(box),,shoes,1") == [.adjustmentNotImported])
    }

    @Test func movementNumbersAreReadButNotFingerprinted() throws {
        let box = TestBoxes.a
        let journal = try readJournal("date,operation,box,category,quantity,movement\n2026-11-03,intake,\(box),shoes,2,17\n2026-11-03,intake,\(box),shoes,2,18\n")
        #expect(journal.rows.map(\.movement) == ["17", "18"])
        #expect(journal.rows[0].fingerprint == journal.rows[1].fingerprint)
        let text = JournalWriter(movementNumbers: true).csv(journal.rows)
        #expect(text.hasPrefix("date,operation,box,to_box,category,quantity,weight_kg,condition,recipient,group,event,volunteer,note,movement\n"))
        #expect(try readJournal(text).rows.map(\.movement) == ["17", "18"])
    }

    @Test func problemListKeepsTheFirstAndCountsTheRest() {
        var list = ProblemList(limit: 2)
        for line in [9, 3, 5, 1] { list.add(JournalProblem(line: line, field: nil, column: nil, message: .notUTF8)) }
        let refusal = list.refusal(file: "f.csv", rowsRead: 4)
        #expect(refusal.problems.map(\.line) == [3, 9])
        #expect(refusal.more == 2)
        #expect(refusal.count == 4)
    }

    @Test func notesAndNewMessagesHaveBothLanguages() {
        let batch = ImportBatchInfo(id: 3, fileName: "j.csv", kind: "journal", rows: 2, importedAt: "2026-11-25T08:30:00.000Z")
        let notes: [ImportNote] = [
            .sameFile(file: "j.csv", batch: batch), .nothingNew(file: "j.csv", rows: 5), .noRows(file: "j.csv"),
            .imported(file: "j.csv", rows: 5, read: 7, skipped: 2, seconds: 1.25, dryRun: false),
            .imported(file: "j.csv", rows: 5000, read: 5000, skipped: 0, seconds: 0.5, dryRun: true),
            .registered(recipients: 1, events: 2, volunteers: 3),
            .referenceImported(kind: .boxes, file: "b.csv", registered: 2, already: 1, centres: 1, seconds: 0.1, dryRun: false),
            .refused(file: "j.csv", problems: 3), .moreProblems(21), .progress(rows: 100_000, percent: 40),
            .unknownColumns(file: "j.csv", titles: ["x"]), .exported(path: "o.csv", rows: 1),
        ]
        for n in notes {
            #expect(!n.text(.ru).isEmpty && n.text(.ru) != n.text(.en), "\(n)")
            #expect(n.text(.ru).unicodeScalars.contains { (0x400 ... 0x4FF).contains($0.value) }, "\(n)")
        }
        #expect(ImportNote.sameFile(file: "j.csv", batch: batch).text(.ru).contains("2026-11-25 08:30"))
        #expect(ImportNote.imported(file: "j.csv", rows: 5, read: 7, skipped: 2, seconds: 1.25, dryRun: false).text(.ru)
            == "j.csv: загружено 5 строк из 7 (пропущено 2: загружены раньше) за 1,3 с.")
        // Large counts are grouped as people read them; batch numbers are ids and are not.
        let million = ImportNote.imported(file: "j.csv", rows: 1_000_000, read: 1_000_000, skipped: 0, seconds: 6.5, dryRun: false)
        #expect(million.text(.ru) == "j.csv: загружено 1\u{A0}000\u{A0}000 строк из 1\u{A0}000\u{A0}000 за 6,5 с, 153\u{A0}846 строк/с.")
        #expect(million.text(.en) == "j.csv: imported 1,000,000 of 1,000,000 rows in 6.5 s, 153,846 rows/s.")
        #expect(ImportNote.registered(recipients: 3000, events: 52, volunteers: 10).text(.ru) == "Новых получателей: 3\u{A0}000, мероприятий: 52, волонтёров: 10.")
        var summary = ImportSummary(file: "j.csv", kind: .journal, dryRun: false)
        var intake = ImportSummary.Totals()
        (intake.movements, intake.lines, intake.items, intake.grams) = (580_089, 580_089, 1_739_985, 607_426_200)
        summary.written[.intake] = intake
        #expect(summary.operationsTable(.ru).contains("580\u{A0}089  1\u{A0}739\u{A0}985  607\u{A0}426,2"))
        #expect(summary.operations.csv(.en).contains(",580089,580089,1739985,607426.2"))
        let messages: [ImportMessage] = [
            .unknownBox("B-00070"), .boxRetired("B-00070"), .unknownCategory("x"), .unknownGroup("x"), .badRecipientCode("x y"),
            .insufficientStock(box: "B-00070", category: Phrase(ru: "Обувь", en: "Shoes"), held: 1, asked: 2, on: date("2026-11-03")),
            .shortLater(box: "B-00070", category: Phrase(ru: "Обувь", en: "Shoes"), short: 2, on: date("2026-11-03")),
            .movementRowsDiffer("7"), .missingReferenceColumns(["centre"]), .duplicateReferenceColumn("code"), .required("code"),
            .unknownCentre("X"), .badCentreCode("X"), .badBoxKind("x"), .boxElsewhere(code: "B-00070", centre: "MAT"),
            .codeRepeated("B-00070", line: 2), .badHousehold("0"), .recipientDiffers("К-1"), .badParticipants("-1"),
            .eventDiffers("Ярмарка", date("2026-11-03")), .refused(.codesExhausted),
        ]
        for m in messages {
            #expect(!m.text(.ru).isEmpty && m.text(.ru) != m.text(.en), "\(m)")
        }
        #expect(messages[5].text(.en) == "box B-00070 holds 1 of “Shoes” on 2026-11-03, 2 asked")
    }
}
