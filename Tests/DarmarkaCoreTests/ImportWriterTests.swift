import Testing
@testable import DarmarkaCore

@Suite("Import: journal writer")
struct ImportWriterTests {
    static let rows: [JournalRow] = [
        JournalRow(date: date("2026-11-03"), time: LocalTime(hour: 14, minute: 30), operation: .intake, box: TestBoxes.a,
                   category: "обувь, зимняя", quantity: 3, weight: Grams(2500), condition: .good,
                   volunteer: "Анна", note: "в пакете; \"новые\" стельки"),
        JournalRow(date: date("2026-11-03"), operation: .transfer, box: TestBoxes.a, toBox: TestBoxes.b,
                   category: "shoes", quantity: 1, condition: .repair, note: "line one\nline two\r\nline three"),
        JournalRow(date: date("2026-11-04"), operation: .handout, box: TestBoxes.b, category: "куртки",
                   quantity: 2, weight: Grams(1), condition: .new, recipient: "Иванова \"Мария\"", group: "многодетные",
                   event: "Ярмарка, зима", volunteer: "Олег"),
        JournalRow(date: date("2026-12-31"), time: LocalTime(hour: 0, minute: 5), operation: .writeoff, box: TestBoxes.c,
                   category: "ветошь", quantity: 1_000_000, weight: Grams(99_999_999), condition: .recycle, note: "\"\""),
    ]

    @Test func writesTheFormat() {
        let row = JournalRow(date: date("2026-11-03"), operation: .intake, box: TestBoxes.a, category: "shoes",
                             quantity: 3, weight: Grams(2500), condition: .good, volunteer: "Anna")
        #expect(JournalWriter().csv([row]) == """
            date,operation,box,to_box,category,quantity,weight_kg,condition,recipient,group,event,volunteer,note
            2026-11-03,intake,\(TestBoxes.a),,shoes,3,2.5,good,,,,Anna,

            """)
        #expect(JournalWriter(language: .ru, delimiter: .semicolon).header()
            == "дата;операция;бокс;в бокс;категория;количество;вес, кг;состояние;получатель;группа;мероприятие;волонтёр;примечание\n")
        #expect(JournalWriter(language: .ru).header().contains(",\"вес, кг\","))
    }

    @Test(arguments: [
        JournalWriter(),
        JournalWriter(language: .ru),
        JournalWriter(language: .ru, delimiter: .semicolon, byteOrderMark: true, lineEnding: "\r\n"),
        JournalWriter(delimiter: .tab),
    ])
    func writeThenReadGivesTheSameRows(writer: JournalWriter) throws {
        let text = writer.csv(Self.rows)
        for chunk in [7, 1 << 20] {
            let journal = try readJournal(text, chunk: chunk)
            #expect(journal.errors == [])
            #expect(journal.format.delimiter == writer.delimiter)
            #expect(journal.format.hasByteOrderMark == writer.byteOrderMark)
            let read = journal.rows.map { row -> JournalRow in var r = row; r.line = 0; return r }
            #expect(read == Self.rows)
        }
    }

    @Test func rowLinesOfTheWrittenJournal() throws {
        let journal = try readJournal(JournalWriter().csv(Self.rows))
        // Row 2's note takes three lines.
        #expect(journal.rows.map(\.line) == [2, 3, 6, 7])
    }
}
