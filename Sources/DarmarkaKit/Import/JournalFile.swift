import DarmarkaCore
import Foundation

/// How the importer tells a workbook from a CSV file, and reads a workbook's
/// sheet: by the first bytes, not the name, so that `журнал.xlsx` saved as
/// CSV, or a workbook without the extension, is read for what it is.
enum JournalFile {
    /// Whether the file at `path` is a workbook: a zip, or an OLE compound
    /// file (an old `.xls`, or an `.xlsx` with a password), which the
    /// workbook reader refuses in words people understand.
    static func isWorkbook(_ path: String) throws -> Bool {
        // Named a workbook: read as one, so that a broken one is said to be.
        if ["xlsx", "xlsm", "xls"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8](try handle.read(upToCount: 8) ?? Data())
        return Workbook.isZip(head) || Workbook.isCompoundFile(head)
    }

    /// Calls `body` with each row of the workbook's sheet `name`, or of its
    /// first sheet (see `Workbook.forEachRow`), after refusing a file that
    /// is no workbook in words people understand.
    static func forEachRow(path: String, sheet name: String?,
                           _ body: (_ sheet: String, _ row: SheetRow, _ progress: Double) throws -> Bool) throws {
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 8) ?? Data()
        if Workbook.isCompoundFile(head) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            throw ImportError(line: nil, .workbook(Workbook.compoundFileProblem(bytes)))
        }
        try Workbook(path: path).forEachRow(sheet: name, body)
    }

    /// Reads all of `file` (so that its SHA-256 is of the whole workbook)
    /// and the rows of its sheet `name`, or of its first sheet: for
    /// reference files, which are short.
    static func sheet(of file: FileByteSource, path: String, named name: String?) throws -> (sheet: String, rows: [SheetRow]) {
        var scratch: [UInt8] = []
        while try file.read(into: &scratch, max: 1 << 20) > 0 { scratch.removeAll(keepingCapacity: true) }
        var sheet = "", rows: [SheetRow] = []
        try forEachRow(path: path, sheet: name) { name, row, _ in
            sheet = name
            rows.append(row)
            return true
        }
        return (sheet, rows)
    }

    /// The rows as CSV text, each row on the line of its number (blank
    /// lines for rows left out), so that a reader's line is the sheet's row;
    /// a cell of several lines moves the rows after it down.
    static func csv(_ rows: [SheetRow]) -> String {
        var text = "", line = 1
        for row in rows {
            while line < row.number {
                text += "\n"
                line += 1
            }
            let record = CSVRecord.line(row.cells.map { $0 ?? "" }, delimiter: .comma, lineEnding: "\n")
            text += record
            line += record.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return text
    }
}
