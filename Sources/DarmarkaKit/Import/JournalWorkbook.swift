import CXlsxwriter
import DarmarkaCore
import Foundation

/// `export journal --format xlsx`: the journal as an Excel workbook of one
/// sheet, the columns of the CSV export, dates as dates and numbers as
/// numbers, which `import` reads back as the same rows.
///
/// The sheet is written in libxlsxwriter's constant-memory mode, a row at a
/// time, so a journal of any length takes little memory.
public final class JournalWorkbook {
    private let writer: JournalWriter
    private let directory: URL
    private let path: String
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private let header: UnsafeMutablePointer<lxw_format>?
    private let day: UnsafeMutablePointer<lxw_format>?
    private let minute: UnsafeMutablePointer<lxw_format>?
    private let kilograms: UnsafeMutablePointer<lxw_format>?
    private var row: UInt32 = 1
    private var failure: String?
    private var closed = false

    /// Starts a workbook whose sheet is named `sheetName`; `writer` gives
    /// the columns and the words.
    public init(writer: JournalWriter, sheetName: String) throws {
        self.writer = writer
        let fm = FileManager.default
        directory = fm.temporaryDirectory.appendingPathComponent("darmarka-xlsx-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportFileError.spreadsheetFailed((error as NSError).localizedDescription)
        }
        path = directory.appendingPathComponent("journal.xlsx").path
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            try? fm.removeItem(at: directory)
            throw ReportFileError.spreadsheetFailed(path)
        }
        self.workbook = workbook
        var taken = Set<String>()
        guard let sheet = workbook_add_worksheet(workbook, ReportWorkbook.sheetName(sheetName, fallback: "Journal", taken: &taken)) else {
            workbook_close(workbook)
            try? fm.removeItem(at: directory)
            throw ReportFileError.spreadsheetFailed("worksheet")
        }
        self.sheet = sheet
        header = workbook_add_format(workbook)
        day = workbook_add_format(workbook)
        minute = workbook_add_format(workbook)
        kilograms = workbook_add_format(workbook)
        if let header { format_set_bold(header) }
        if let day { format_set_num_format(day, "yyyy-mm-dd") }
        if let minute { format_set_num_format(minute, "yyyy-mm-dd hh:mm") }
        if let kilograms { format_set_num_format(kilograms, "0.0##") }
        for (i, field) in writer.fields.enumerated() {
            note(worksheet_write_string(sheet, 0, lxw_col_t(i), field.header(writer.language), header))
            note(worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), field == .date ? 16 : field == .note ? 30 : 12, nil))
        }
    }

    deinit {
        if !closed { workbook_close(workbook) }
        try? FileManager.default.removeItem(at: directory)
    }

    private func note(_ error: lxw_error) {
        if error != LXW_NO_ERROR && failure == nil { failure = String(cString: lxw_strerror(error)) }
    }

    /// Adds one row.
    public func add(_ journalRow: JournalRow) {
        let values = writer.values(journalRow)
        for (i, field) in writer.fields.enumerated() {
            let col = lxw_col_t(i)
            switch field {
            case .date:
                // Excel counts days from 1899-12-30, 25 569 days before 1970-01-01.
                let serial = Double(journalRow.date.dayNumber + 25_569) + Double(journalRow.time?.minutes ?? 0) / 1440
                note(worksheet_write_number(sheet, row, col, serial, journalRow.time == nil ? day : minute))
            case .quantity:
                note(worksheet_write_number(sheet, row, col, Double(journalRow.quantity), nil))
            case .weight:
                if let grams = journalRow.weight { note(worksheet_write_number(sheet, row, col, Double(grams.value) / 1000, kilograms)) }
            case .movement:
                if let number = journalRow.movement.flatMap({ Double($0) }) {
                    note(worksheet_write_number(sheet, row, col, number, nil))
                } else if !values[i].isEmpty {
                    note(worksheet_write_string(sheet, row, col, values[i], nil))
                }
            default:
                if !values[i].isEmpty { note(worksheet_write_string(sheet, row, col, values[i], nil)) }
            }
        }
        row += 1
    }

    /// Closes the workbook and returns its bytes.
    public func finish() throws -> [UInt8] {
        closed = true
        let result = workbook_close(workbook)
        if let failure { throw ReportFileError.spreadsheetFailed(failure) }
        guard result == LXW_NO_ERROR else { throw ReportFileError.spreadsheetFailed(String(cString: lxw_strerror(result))) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ReportFileError.spreadsheetFailed((error as NSError).localizedDescription)
        }
    }
}
