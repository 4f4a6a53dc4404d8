import Testing
@testable import DarmarkaCore

@Suite("Import: rows")
struct ImportRowTests {
    static let a = TestBoxes.a
    static let b = TestBoxes.b

    @Test func readsAFullRow() throws {
        let journal = try readJournal("""
            date,operation,box,to_box,category,quantity,weight_kg,condition,recipient,group,event,volunteer,note
            03.11.26 14:30,выдача,\(Self.a.description.lowercased()),,Обувь,2,"1,25",хорошее,Иванова,многодетные,Ярмарка,Анна,  нужно ещё  \n
            """)
        #expect(journal.errors == [])
        let row = try #require(journal.rows.first)
        #expect(row == JournalRow(line: 2, date: date("2026-11-03"), time: LocalTime(hour: 14, minute: 30),
                                  operation: .handout, box: Self.a, boxText: Self.a.description.lowercased(),
                                  category: "Обувь", quantity: 2, weight: Grams(1250), condition: .good,
                                  recipient: "Иванова", group: "многодетные", event: "Ярмарка", volunteer: "Анна",
                                  note: "нужно ещё"))
    }

    @Test func readsATransferAndCodesTypedByHand() throws {
        // No dash, lower case, Cyrillic В for the B.
        let typed = "в" + Self.b.description.dropFirst(2).lowercased()
        let journal = try readJournal("""
            дата;операция;бокс;в бокс;категория;количество
            2026-11-03T09:05;перемещение;\(Self.a);\(typed);обувь;5
            """)
        #expect(journal.errors == [])
        #expect(journal.rows.first?.toBox == Self.b)
        #expect(journal.rows.first?.toBoxText == typed)
        #expect(journal.rows.first?.time == LocalTime(hour: 9, minute: 5))
    }

    @Test func skipsRowsOfBlanks() throws {
        let journal = try readJournal("date;operation;box;category;quantity\n;;;;\n  ; ;\n2026-11-03;intake;\(Self.a);shoes;1\n;;;;\n")
        #expect(journal.rows.map(\.line) == [4])
        #expect(journal.errors.isEmpty)
    }

    @Test func missingDate() throws {
        #expect(try problems(",intake,\(Self.a),,shoes,1") == [.missing(.date)])
    }

    @Test func badDate() throws {
        // Written right, but the calendar has no such day: said so, not "write it as …".
        #expect(try problems("31.11.2026,intake,\(Self.a),,shoes,1") == [.noSuchDate("31.11.2026")])
        #expect(try problems("2026-02-29 10:00,intake,\(Self.a),,shoes,1") == [.noSuchDate("2026-02-29 10:00")])
        #expect(try problems("3 ноября,intake,\(Self.a),,shoes,1") == [.badDate("3 ноября")])
        #expect(try problems("2026-11-03 25:00,intake,\(Self.a),,shoes,1") == [.badDate("2026-11-03 25:00")])
    }

    @Test func unknownOperation() throws {
        #expect(try problems("2026-11-03,подарок,\(Self.a),,shoes,1") == [.unknownOperation("подарок")])
        #expect(try problems("2026-11-03,,\(Self.a),,shoes,1") == [.missing(.operation)])
    }

    @Test func adjustmentsAreNotImported() throws {
        #expect(try problems("2026-11-03,корректировка,\(Self.a),,shoes,1") == [.adjustmentNotImported])
    }

    @Test func boxCodeProblemsSayWhichOne() throws {
        let code = Self.a.description
        let last = code.last == "0" ? "1" : "0"
        let wrongCheck = String(code.dropLast()) + last
        guard case .failure(let checkProblem) = BoxCode.parse(wrongCheck) else {
            Issue.record("expected a wrong check"); return
        }
        #expect(try problems("2026-11-03,intake,\(wrongCheck),,shoes,1") == [.badBox(wrongCheck, checkProblem)])
        #expect(try problems("2026-11-03,intake,B-12,,shoes,1") == [.badBox("B-12", .wrongLength(3))])
        #expect(try problems("2026-11-03,intake,B-12Я45,,shoes,1") == [.badBox("B-12Я45", .invalidCharacter("Я"))])
        #expect(try problems("2026-11-03,intake,,,shoes,1") == [.missing(.box)])
    }

    @Test func transferNeedsAnotherBox() throws {
        #expect(try problems("2026-11-03,transfer,\(Self.a),,shoes,1") == [.transferNeedsTargetBox])
        #expect(try problems("2026-11-03,transfer,\(Self.a),\(Self.a.description.lowercased()),shoes,1") == [.transferToSameBox])
        #expect(try problems("2026-11-03,transfer,\(Self.a),B-1,shoes,1") == [.badBox("B-1", .wrongLength(2))])
        // A journal with no to_box column at all: the column is named anyway.
        let journal = try readJournal("date,operation,box,category,quantity\n2026-11-03,transfer,\(Self.a),shoes,1\n")
        #expect(journal.problems == [JournalProblem(line: 2, field: .toBox, column: "to_box", message: .transferNeedsTargetBox)])
    }

    @Test func onlyTransfersHaveATargetBox() throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),\(Self.b),shoes,1") == [.targetBoxOnlyForTransfers(.intake)])
        #expect(try problems("2026-11-03,writeoff,\(Self.a),\(Self.b),shoes,1") == [.targetBoxOnlyForTransfers(.writeoff)])
    }

    @Test func missingCategory() throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),,  ,1") == [.missing(.category)])
    }

    @Test(arguments: ["-3", "0", "2.5", "2,5", "три", "1e3"])
    func quantityMustBeAWholeNumberAboveZero(text: String) throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),,shoes,\"\(text)\"") == [.badQuantity(text)])
    }

    @Test func quantityTooLargeAndMissing() throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),,shoes,1000001") == [.quantityTooLarge("1000001")])
        #expect(try problems("2026-11-03,intake,\(Self.a),,shoes,") == [.missing(.quantity)])
    }

    @Test func weightRules() throws {
        let row = "2026-11-03,intake,\(Self.a),,shoes,1,"
        #expect(try problems(row + "-2") == [.negativeWeight("-2")])
        #expect(try problems(row + "\"0,1234\"") == [.weightTooPrecise("0,1234")])
        #expect(try problems(row + "тяжёлый") == [.badWeight("тяжёлый")])
        #expect(try problems(row + "25000000") == [.weightTooLarge("25000000")])
        #expect(try problems(row + "999999999999999") == [.weightTooLarge("999999999999999")])
        #expect(try problems(row + "100000").isEmpty)
    }

    @Test func namesAreOnOneLine() throws {
        let row = "2026-11-03,intake,\(Self.a),,shoes,1,,,,,,"
        #expect(try problems(row + "\"Анна\nПетрова\"") == [.notOneLine("Анна⏎Петрова")])
        #expect(try problems(row + "Анна Петрова,\"две\nстроки\"").isEmpty)
        #expect(try problems(row + "0").isEmpty)
        #expect(try readJournal("date,operation,box,category,quantity,weight_kg\n2026-11-03,intake,\(Self.a),shoes,1,0.125\n")
            .rows.first?.weight == Grams(125))
    }

    @Test func unknownCondition() throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),,shoes,1,,поношенное") == [.unknownCondition("поношенное")])
        let journal = try readJournal("date,operation,box,category,quantity,condition\n2026-11-03,intake,\(Self.a),shoes,1,Требует ремонта\n")
        #expect(journal.rows.first?.condition == .repair)
    }

    @Test func recipientGroupAndEventOnlyForHandouts() throws {
        #expect(try problems("2026-11-03,intake,\(Self.a),,shoes,1,,,Иванова,многодетные,Ярмарка")
            == [.onlyForHandouts(.recipient, .intake), .onlyForHandouts(.group, .intake), .onlyForHandouts(.event, .intake)])
        #expect(try problems("2026-11-03,выдача,\(Self.a),,shoes,1,,,Иванова,многодетные,Ярмарка").isEmpty)
    }

    @Test func extraValuesSuggestAnUnquotedDelimiter() throws {
        let journal = try readJournal("date,operation,box,category,quantity,weight_kg\n2026-11-03,intake,\(Self.a),shoes,1,2,5\n")
        #expect(journal.messages == [.extraValues(found: 7, columns: 6)])
        // Empty values past the header's end are harmless.
        #expect(try readJournal("date,operation,box,category,quantity\n2026-11-03,intake,\(Self.a),shoes,1,,\n").errors.isEmpty)
    }

    @Test func collectsEveryProblemOfARow() throws {
        let journal = try readJournal("""
            дата;операция;бокс;категория;количество;вес, кг;состояние
            вчера;приём;B-XXXXX;;-3;-1;мокрое
            """)
        let error = try #require(journal.errors.first)
        #expect(error.line == 2)
        #expect(error.problems.map(\.column) == ["дата", "бокс", "категория", "количество", "вес, кг", "состояние"])
        #expect(error.problems[3].text(file: "журнал.csv", lang: .ru)
            == "журнал.csv:2: количество: количество должно быть целым числом больше нуля, а здесь «-3»")
        #expect(error.problems[3].text(file: "journal.csv", lang: .en)
            == "journal.csv:2: количество: quantity must be a whole number above zero, not “-3”")
    }

    @Test func rowLinesCountLineBreaksInsideQuotes() throws {
        let journal = try readJournal("date,operation,box,category,quantity,note\r\n"
            + "2026-11-03,intake,\(Self.a),shoes,1,\"two\r\nlines\"\r\n"
            + "2026-11-03,intake,\(Self.a),shoes,x,\r\n")
        #expect(journal.rows.map(\.line) == [2])
        #expect(journal.errors.map(\.line) == [4])
        #expect(journal.rows.first?.note == "two\r\nlines")
    }

    @Test func everyMessageHasBothLanguages() {
        let messages: [ImportMessage] = [
            .emptyFile, .unterminatedQuote, .fieldTooLong(limit: 1 << 20), .tooManyFields(limit: 1000), .headerNotUTF8,
            .missingColumns([.date]), .duplicateColumn(.box, titles: ["box", "бокс"]), .unknownColumns(["x"]),
            .readFailed("EIO"), .notUTF8, .extraValues(found: 7, columns: 6), .missing(.date), .badDate("x"),
            .unknownOperation("x"), .adjustmentNotImported, .badBox("x", .empty), .badBox("x", .invalidCharacter("Я")),
            .badBox("x", .wrongLength(3)), .badBox("x", .wrongCheck(expected: "A")), .transferNeedsTargetBox,
            .transferToSameBox, .targetBoxOnlyForTransfers(.intake), .badQuantity("x"), .quantityTooLarge("x"),
            .badWeight("x"), .weightTooLarge("x"), .notOneLine("x"), .recipientForgotten("x"), .negativeWeight("x"), .weightTooPrecise("x"), .unknownCondition("x"),
            .onlyForHandouts(.event, .writeoff),
        ]
        for m in messages {
            #expect(!m.text(.ru).isEmpty && !m.text(.en).isEmpty && m.text(.ru) != m.text(.en))
            #expect(m.text(.ru).unicodeScalars.contains { (0x400 ... 0x4FF).contains($0.value) }, "\(m)")
        }
        #expect(ImportMessage.fieldTooLong(limit: 1 << 20).text(.ru).contains("1 МиБ"))
        #expect(ImportMessage.extraValues(found: 7, columns: 6).text(.ru).contains("7 значений, а в заголовке 6 столбцов"))
        #expect(ImportMessage.badBox("в12", .wrongLength(2)).text(.ru).contains("2 символа"))
    }

    @Test func fingerprintIgnoresLineAndTyping() throws {
        let first = try readJournal("date,operation,box,category,quantity,recipient\n03.11.2026,выдача,\(Self.a),Обувь,1,Иванова  Анна\n")
        let second = try readJournal("\n\nДата,Операция,Бокс,Категория,Количество,Получатель\n2026-11-03,handout,\(Self.a.description.lowercased()),обувь,1,иванова анна\n")
        let a = try #require(first.rows.first), b = try #require(second.rows.first)
        #expect(a.line != b.line)
        #expect(a.fingerprint == b.fingerprint)
        var c = a
        c.quantity = 2
        #expect(c.fingerprint != a.fingerprint)
    }

    @Test func journalOrderIsDateThenTimeThenLine() {
        let d1 = date("2026-11-03"), d2 = date("2026-11-04")
        func row(_ d: LocalDate, _ t: LocalTime?, _ line: Int) -> JournalRow {
            JournalRow(line: line, date: d, time: t, operation: .intake, box: Self.a, category: "x", quantity: 1)
        }
        let rows = [row(d2, nil, 1), row(d1, LocalTime(hour: 9, minute: 0), 2), row(d1, nil, 3), row(d1, LocalTime(hour: 8, minute: 0), 4)]
        #expect(rows.sorted { $0.order < $1.order }.map(\.line) == [3, 4, 2, 1])
    }
}
