/// Reads a journal row by row: the header first, then one result per row,
/// either the row or all that is wrong with it. Memory does not grow with
/// the file, so a journal of any length can be checked and imported.
///
/// ```swift
/// let journal = try JournalReader(source: FileByteSource(path: path))
/// while let result = try journal.next() {
///     switch result {
///     case .success(let row): …
///     case .failure(let error): for p in error.problems { print(p.text(file: path, lang: lang)) }
///     }
/// }
/// try journal.readToEnd()
/// ```
public final class JournalReader {
    public let columns: JournalColumns
    /// The physical line of the header row.
    public let headerLine: Int

    private let csv: CSVReader
    private var parser: JournalRowParser
    private let present: [(field: JournalField, position: Int)]
    private var values: [String?]

    /// Reads the header. Throws `ImportError` when the file is empty, cannot
    /// be read, or lacks required columns.
    public init(source: any ByteSource, options: CSVOptions = CSVOptions()) throws {
        csv = try CSVReader(source: source, options: options)
        repeat {
            guard try csv.nextRecord() else { throw ImportError(line: nil, .emptyFile) }
        } while csv.recordIsBlank
        headerLine = csv.recordLine
        var header: [String] = []
        for i in 0 ..< csv.fieldCount {
            guard let title = csv.text(ofField: i) else { throw ImportError(line: headerLine, .headerNotUTF8) }
            header.append(title)
        }
        columns = try JournalColumns(header: header, line: headerLine)
        parser = JournalRowParser(columns: columns)
        present = columns.present
        values = [String?](repeating: nil, count: JournalField.allCases.count)
    }

    /// The encoding and delimiter in use, detected or forced.
    public var format: CSVFormat { csv.format }
    /// How many bytes have been read so far, for progress.
    public var bytesRead: Int { csv.bytesRead }

    /// The next row, or nil at the end of the file. Rows with only blanks are
    /// skipped. Throws `ImportError` only for what stops reading the file (an
    /// unterminated quote, an absurdly long field, a failed read).
    public func next() throws -> Result<JournalRow, JournalRowError>? {
        var values: [String?] = []
        swap(&values, &self.values)
        defer { swap(&values, &self.values) }
        while try csv.nextRecord() {
            var problems: [JournalProblem] = []
            var unreadable: Set<JournalField> = []
            let columns = self.columns
            let found = csv.withCurrentRecord { record -> Bool in
                guard !record.isBlank else { return false }
                let width = columns.titles.count
                if record.count > width, (width ..< record.count).contains(where: { !record.isBlank(field: $0) }) {
                    problems.append(JournalProblem(line: record.line, field: nil, column: nil,
                                                   message: .extraValues(found: record.count, columns: width)))
                }
                for (field, position) in present {
                    if let text = record.text(ofField: position) {
                        values[field.rawValue] = text.isEmpty ? nil : text
                    } else {
                        values[field.rawValue] = nil
                        unreadable.insert(field)
                        problems.append(JournalProblem(line: record.line, field: field, column: columns.titles[position],
                                                       message: .notUTF8))
                    }
                }
                return true
            }
            // Rows of nothing but blanks are skipped.
            guard found else { continue }
            return parser.parse(line: csv.recordLine, values: values, unreadable: unreadable, problems: problems)
        }
        return nil
    }

    /// Reads whatever is left of the file without parsing it: the rest of
    /// the bytes, for a source that digests them. Call it after the last row.
    public func readToEnd() throws {
        try csv.readToEnd()
    }
}
