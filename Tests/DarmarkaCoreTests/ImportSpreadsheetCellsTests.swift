import Testing
@testable import DarmarkaCore

@Suite("Import: spreadsheet cells")
struct ImportSpreadsheetCellsTests {
    @Test func cellReferencesNameAColumnAndARow() {
        #expect(SpreadsheetCells.reference("A1").map { [$0.column, $0.row] } == [0, 1])
        #expect(SpreadsheetCells.reference("C7").map { [$0.column, $0.row] } == [2, 7])
        #expect(SpreadsheetCells.reference("Z10").map { [$0.column, $0.row] } == [25, 10])
        #expect(SpreadsheetCells.reference("AA3").map { [$0.column, $0.row] } == [26, 3])
        #expect(SpreadsheetCells.reference("XFD1048576").map { [$0.column, $0.row] } == [16383, 1_048_576])
        for bad in ["", "A", "7", "A0", "a1", "1A", "A1B", "ABCD1", "A12345678"] {
            #expect(SpreadsheetCells.reference(bad) == nil, "\(bad)")
        }
    }

    @Test func serialNumbersAreDaysSince18991230() {
        #expect(SpreadsheetCells.dateText(serial: 46327) == "2026-11-01")
        #expect(SpreadsheetCells.dateText(serial: 1) == "1899-12-31")
        #expect(SpreadsheetCells.dateText(serial: 61) == "1900-03-01")
        // 14:30 is 0.6041666…: to the nearest minute.
        #expect(SpreadsheetCells.dateText(serial: 46327 + 14.5 / 24) == "2026-11-01 14:30")
        #expect(SpreadsheetCells.dateText(serial: 46327.99999) == "2026-11-02")
        #expect(SpreadsheetCells.dateText(serial: 0) == nil)
        #expect(SpreadsheetCells.dateText(serial: -3) == nil)
        #expect(SpreadsheetCells.dateText(serial: .nan) == nil)
    }

    @Test func dateFormatsAreTheBuiltInOnesOrHaveDaysMonthsYears() {
        for id in [14, 15, 16, 17, 18, 19, 20, 21, 22] { #expect(SpreadsheetCells.isDate(formatID: id, code: nil)) }
        for id in [0, 1, 2, 4, 9, 10, 49] { #expect(!SpreadsheetCells.isDate(formatID: id, code: nil)) }
        #expect(SpreadsheetCells.isDate(formatID: 164, code: "dd\\.mm\\.yyyy"))
        #expect(SpreadsheetCells.isDate(formatID: 165, code: "[$-419]D MMMM YYYY"))
        #expect(!SpreadsheetCells.isDate(formatID: 166, code: "0.0##"))
        #expect(!SpreadsheetCells.isDate(formatID: 167, code: "0.00 \"day\""))
        #expect(!SpreadsheetCells.isDate(formatID: 168, code: "[Red]0"))
    }

    @Test func numbersReadAsACSVFileWritesThem() {
        #expect(SpreadsheetCells.numberText("6") == "6")
        #expect(SpreadsheetCells.numberText("6.0") == "6")
        #expect(SpreadsheetCells.numberText("2.5") == "2.5")
        #expect(SpreadsheetCells.numberText("0.30000000000000004") == "0.3")
        #expect(SpreadsheetCells.numberText("1E-3") == "0.001")
        #expect(SpreadsheetCells.numberText("text") == "text")
    }

    @Test func aSheetReadsAsTheCSVFileOfTheSameRows() throws {
        let header = SheetRow(number: 2, cells: ["date", "operation", "box", "category", "quantity"])
        let row = SheetRow(number: 5, cells: ["2026-11-01", "intake", "B-0001Z", "shoes", "6", nil, "  "])
        let extra = SheetRow(number: 6, cells: ["2026-11-01", "intake", "B-0001Z", "shoes", "1", nil, "x"])
        #expect(SheetRow(number: 1, cells: [nil, " "]).isBlank)
        var reader = try SheetJournalReader(header: header)
        #expect(reader.read(SheetRow(number: 3, cells: [nil, "", " "])) == nil)
        let first = reader.read(row)
        let parsed = try #require(first).get()
        #expect(parsed.quantity == 6 && parsed.category == "shoes" && parsed.date.description == "2026-11-01")
        guard case .failure(let error)? = reader.read(extra) else { Issue.record("row 6 has a value past the header"); return }
        #expect(error.problems.first?.line == 6)
    }

    @Test func aCorrectionShowsWhatChanged() {
        let box = try? BoxCode.parse("B-0001Z").get()
        guard let box, let date = LocalDate.parse("2026-11-01") else { Issue.record("fixture"); return }
        let before = JournalRow(date: date, operation: .intake, box: box, category: "shoes", quantity: 6)
        var after = before
        after.quantity = 5
        let one = ImportCorrection(movement: 1, line: 2, before: [before], after: [after])
        #expect(one.changes(.en) == ["quantity: 6 → 5"])
        #expect(one.changes(.ru) == ["количество: 6 → 5"])
        var toys = before
        toys.category = "toys"
        let two = ImportCorrection(movement: 1, line: 2, before: [before, toys], after: [before, toys, after])
        #expect(two.changes(.en) == ["line 3: + 2026-11-01; intake; B-0001Z; shoes; 5"])
    }
}
