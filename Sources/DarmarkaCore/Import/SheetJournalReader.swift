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

    var isBlank: Bool { cells.allSatisfy { $0?.allSatisfy(\.isWhitespace) ?? true } }
}

/// What the importer reads rows from: a CSV file (`JournalReader`) or a
/// sheet of a workbook (`SheetJournalReader`). Both give the same rows, so
/// everything after reading is shared.
public protocol JournalRowSource: AnyObject {
    var columns: JournalColumns { get }
    /// How far the source has read, in bytes of the file, for progress.
    var bytesRead: Int { get }
    /// The next row, or nil at the end; rows of blanks are skipped.
    func next() throws -> Result<JournalRow, JournalRowError>?
    /// Reads what is left without parsing it, for a digest of the whole file.
    func readToEnd() throws
}

extension JournalReader: JournalRowSource {}

/// Reads a journal from a sheet's rows, as `JournalReader` reads a CSV
/// file: the first row that is not blank is the header; a problem's line is
/// the spreadsheet's row number.
public final class SheetJournalReader: JournalRowSource {
    public let columns: JournalColumns
    public private(set) var bytesRead = 0
    private var rows: IndexingIterator<[SheetRow]>
    private var parser: JournalRowParser
    private let present: [(field: JournalField, position: Int)]
    private let totalBytes: Int

    /// Reads the header from `rows`; `bytes` is the workbook's size, which
    /// progress reaches at the last row.
    public init(rows: [SheetRow], bytes: Int = 0) throws(ImportError) {
        var iterator = rows.makeIterator()
        var header: SheetRow?
        while let row = iterator.next() {
            if !row.isBlank { header = row; break }
        }
        guard let header else { throw ImportError(line: nil, .emptyFile) }
        let titles = header.cells.map { $0 ?? "" }
        columns = try JournalColumns(header: titles, line: header.number)
        parser = JournalRowParser(columns: columns)
        present = columns.present
        self.rows = iterator
        totalBytes = bytes
    }

    public func next() throws -> Result<JournalRow, JournalRowError>? {
        while let row = rows.next() {
            guard !row.isBlank else { continue }
            var problems: [JournalProblem] = []
            let width = columns.titles.count
            if row.cells.count > width, row.cells[width...].contains(where: { !($0?.allSatisfy(\.isWhitespace) ?? true) }) {
                problems.append(JournalProblem(line: row.number, field: nil, column: nil,
                                               message: .extraValues(found: row.cells.count, columns: width)))
            }
            var values = [String?](repeating: nil, count: JournalField.allCases.count)
            for (field, position) in present where position < row.cells.count {
                // A cell holds text as typed; the CSV reader trims nothing either.
                if let text = row.cells[position], !text.isEmpty { values[field.rawValue] = text }
            }
            return parser.parse(line: row.number, values: values, problems: problems)
        }
        bytesRead = totalBytes
        return nil
    }

    public func readToEnd() throws {}
}
