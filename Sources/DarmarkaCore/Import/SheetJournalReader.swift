/// A row of a spreadsheet as a workbook reader hands it over: its number
/// (from 1, as the spreadsheet shows it) and its cells' text by column
/// place, nil for an empty cell.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [String?]

    public init(number: Int, cells: [String?]) {
        self.number = number
        self.cells = cells
    }

    /// Whether the row holds nothing but blanks: skipped, as a CSV file's.
    public var isBlank: Bool { cells.allSatisfy { $0?.allSatisfy(\.isWhitespace) ?? true } }
}

/// Reads a journal from a sheet's rows, as `JournalReader` reads a CSV
/// file, so that everything after reading is shared: the first row that is
/// not blank is the header, each row after it is parsed by the same rules,
/// and a problem's line is the spreadsheet's row number.
public struct SheetJournalReader {
    public let columns: JournalColumns
    private var parser: JournalRowParser
    private let present: [(field: JournalField, position: Int)]

    /// Reads the header from the sheet's first row that is not blank.
    public init(header: SheetRow) throws(ImportError) {
        columns = try JournalColumns(header: header.cells.map { $0 ?? "" }, line: header.number)
        parser = JournalRowParser(columns: columns)
        present = columns.present
    }

    /// The row, or all that is wrong with it; nil for a row of blanks.
    public mutating func read(_ row: SheetRow) -> Result<JournalRow, JournalRowError>? {
        guard !row.isBlank else { return nil }
        var problems: [JournalProblem] = []
        let width = columns.titles.count
        if row.cells.count > width, row.cells[width...].contains(where: { !($0?.allSatisfy(\.isWhitespace) ?? true) }) {
            problems.append(JournalProblem(line: row.number, field: nil, column: nil,
                                           message: .extraValues(found: row.cells.count, columns: width)))
        }
        var values = [String?](repeating: nil, count: JournalField.allCases.count)
        for (field, position) in present where position < row.cells.count {
            if let text = row.cells[position], !text.isEmpty { values[field.rawValue] = text }
        }
        return parser.parse(line: row.number, values: values, problems: problems)
    }
}
