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

    /// Reads all of `file` (so that its SHA-256 is of the whole workbook)
    /// and the rows of its sheet `name`, or of its first sheet.
    static func sheet(of file: FileByteSource, named name: String?) throws -> (sheet: String, rows: [SheetRow], bytes: Int) {
        var bytes: [UInt8] = []
        while try file.read(into: &bytes, max: 1 << 20) > 0 {}
        if Workbook.isCompoundFile(bytes) { throw ImportError(line: nil, .workbook(Workbook.compoundFileProblem(bytes))) }
        let workbook = try Workbook(bytes: bytes)
        let (sheet, rows) = try workbook.rows(sheet: name)
        return (sheet, rows, bytes.count)
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
