import Testing
@testable import DarmarkaCore

@Suite("Import: header")
struct ImportHeaderTests {
    @Test(arguments: [
        ("date", JournalField.date), ("Дата", .date), ("ОПЕРАЦИЯ", .operation), (" box ", .box), ("Бокс", .box),
        ("to_box", .toBox), ("To Box", .toBox), ("в бокс", .toBox), ("В  бокс", .toBox),
        ("category", .category), ("Категория", .category),
        ("quantity", .quantity), ("Количество", .quantity), ("кол-во", .quantity), ("Кол-во", .quantity),
        ("weight_kg", .weight), ("weight", .weight), ("kg", .weight), ("Вес", .weight), ("вес кг", .weight),
        ("Вес, кг", .weight), ("вес (кг)", .weight), ("Weight, kg", .weight),
        ("condition", .condition), ("Состояние", .condition), ("recipient", .recipient), ("Получатель", .recipient),
        ("group", .group), ("Группа", .group), ("event", .event), ("Мероприятие", .event),
        ("volunteer", .volunteer), ("Волонтёр", .volunteer), ("волонтер", .volunteer),
        ("note", .note), ("Примечание", .note), ("Комментарий", .note),
    ])
    func recognisesHeaders(title: String, field: JournalField) {
        #expect(JournalField(header: title) == field)
    }

    @Test func columnsInAnyOrder() throws {
        let columns = try JournalColumns(header: ["Количество", "Категория", "Бокс", "Операция", "Дата", "Цвет"])
        #expect(columns.position(of: .date) == 4)
        #expect(columns.position(of: .quantity) == 0)
        #expect(columns.position(of: .weight) == nil)
        #expect(columns.title(of: .quantity) == "Количество")
        // A column the file lacks is named in the language of its header.
        #expect(columns.title(of: .toBox) == "в бокс")
        #expect(columns.language == .ru)
        #expect(columns.unknown == [JournalColumns.UnknownColumn(position: 5, title: "Цвет")])
    }

    @Test func listsEveryMissingColumn() {
        #expect(throws: ImportError(line: 1, .missingColumns([.date, .box, .quantity]))) {
            _ = try JournalColumns(header: ["operation", "category", "note"])
        }
    }

    @Test func rejectsDuplicateColumns() {
        #expect(throws: ImportError(line: 3, messages: [.duplicateColumn(.weight, titles: ["вес", "Вес, кг"])])) {
            _ = try JournalColumns(header: ["дата", "операция", "бокс", "категория", "количество", "вес", "Вес, кг"], line: 3)
        }
    }

    @Test func emptyHeaderCellsAreNeitherKnownNorUnknown() throws {
        let columns = try JournalColumns(header: ["date", "operation", "box", "category", "quantity", "", ""])
        #expect(columns.unknown.isEmpty)
        #expect(columns.language == .en)
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: ImportError(line: nil, .emptyFile)) { _ = try readJournal("") }
        #expect(throws: ImportError(line: nil, .emptyFile)) { _ = try readJournal("\n;;;\n\n") }
    }

    @Test func headerAfterBlankLinesHasItsLine() throws {
        let journal = try readJournal("\n;;\ndate;operation;box;category;quantity\n2026-11-03;intake;\(TestBoxes.a);shoes;1\n")
        #expect(journal.rows.first?.line == 4)
    }

    @Test func missingColumnsStopTheJournalWithAReadableMessage() throws {
        do {
            _ = try readJournal("дата;операция;категория\n")
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.text(file: "журнал.csv", lang: .ru)
                == "журнал.csv:1: нет нужных столбцов: «бокс» (box), «количество» (quantity). Первая строка файла — заголовок: дата, операция, бокс, категория, количество")
            #expect(error.text(file: "j.csv", lang: .en)
                == "j.csv:1: required columns are missing: “box” (бокс), “quantity” (количество). The first row of the file is the header: date, operation, box, category, quantity")
        }
    }
}
