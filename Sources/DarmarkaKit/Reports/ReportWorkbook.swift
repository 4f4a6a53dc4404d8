import CXlsxwriter
import DarmarkaCore
import Foundation

/// The report as an Excel workbook: a summary sheet, one sheet per section,
/// and the twelve-month trend, with numbers as numbers so a fund officer
/// can sum and chart them.
enum ReportWorkbook {
    static func render(_ report: Report, lang: Lang, generatedOn day: LocalDate) throws -> [UInt8] {
        // libxlsxwriter writes only to a path: a folder of our own, readable
        // by us alone, removed whatever happens.
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("darmarka-xlsx-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportFileError.spreadsheetFailed((error as NSError).localizedDescription)
        }
        defer { try? fm.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.xlsx").path
        guard let workbook = workbook_new(path) else { throw ReportFileError.spreadsheetFailed(path) }
        // The writer never throws: the workbook must be closed (which frees
        // it) on every path, so errors are kept and raised after.
        let writer = WorkbookWriter(workbook, lang: lang)
        writer.write(report, generatedOn: day)
        let closed = workbook_close(workbook)
        if let failure = writer.failure { throw ReportFileError.spreadsheetFailed(failure) }
        guard closed == LXW_NO_ERROR else { throw ReportFileError.spreadsheetFailed(String(cString: lxw_strerror(closed))) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ReportFileError.spreadsheetFailed((error as NSError).localizedDescription)
        }
    }

    /// A sheet name Excel accepts: no `[]:*?/\`, not starting or ending
    /// with an apostrophe, at most 31 characters (UTF-16 units, as Excel
    /// counts), unique ignoring case. `taken` holds the lowercased names so far.
    static func sheetName(_ title: String, fallback: String, taken: inout Set<String>) -> String {
        let forbidden = Set("[]:*?/\\")
        var base = String(title.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
            .split(separator: " ").joined(separator: " ")
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = fallback }
        func limited(_ s: String, _ units: Int) -> String {
            var out = "", used = 0
            for ch in s {
                let n = String(ch).utf16.count
                if used + n > units { break }
                out.append(ch); used += n
            }
            return out.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        }
        var name = limited(base, 31), n = 2
        // "History" is reserved by Excel for its change log.
        while taken.contains(name.lowercased()) || name.lowercased() == "history" {
            let suffix = " (\(n))"
            name = limited(base, 31 - suffix.utf16.count) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    /// Column widths in Excel's units (characters of the default font).
    static func width(_ texts: [String], minimum: Double, maximum: Double) -> Double {
        min(maximum, max(minimum, Double(texts.map(\.count).max() ?? 0) * 1.1 + 2))
    }
}

/// Writes the sheets, keeping the first error libxlsxwriter reports.
private final class WorkbookWriter {
    typealias Sheet = UnsafeMutablePointer<lxw_worksheet>
    typealias Format = UnsafeMutablePointer<lxw_format>

    let workbook: UnsafeMutablePointer<lxw_workbook>
    let lang: Lang
    private(set) var failure: String?
    private var taken = Set<String>()
    private let bold: Format?
    private let title: Format?
    private let muted: Format?
    private let header: Format?
    private let headerRight: Format?
    private let kilograms: Format?
    private let indented: Format?

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>, lang: Lang) {
        self.workbook = workbook
        self.lang = lang
        bold = workbook_add_format(workbook)
        title = workbook_add_format(workbook)
        muted = workbook_add_format(workbook)
        header = workbook_add_format(workbook)
        headerRight = workbook_add_format(workbook)
        kilograms = workbook_add_format(workbook)
        indented = workbook_add_format(workbook)
        guard let bold, let title, let muted, let header, let headerRight, let kilograms, let indented else {
            failure = "out of memory"
            return
        }
        format_set_bold(bold)
        format_set_bold(title)
        format_set_font_size(title, 14)
        format_set_font_color(muted, 0x6B6B6B)
        for f in [header, headerRight] {
            format_set_bold(f)
            format_set_bg_color(f, 0xEEF2F5)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
        }
        format_set_align(headerRight, UInt8(LXW_ALIGN_RIGHT.rawValue))
        // Whole kilograms show one decimal, grams up to three: 9,0 · 1,2 · 0,125.
        format_set_num_format(kilograms, "0.0##")
        format_set_indent(indented, 1)
    }

    private func note(_ error: lxw_error) {
        if error != LXW_NO_ERROR && failure == nil { failure = String(cString: lxw_strerror(error)) }
    }

    private func addSheet(_ title: String, fallback: String) -> (Sheet, String)? {
        let name = ReportWorkbook.sheetName(title, fallback: fallback, taken: &taken)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            if failure == nil { failure = "worksheet “\(name)”" }
            return nil
        }
        return (sheet, name)
    }

    private func string(_ sheet: Sheet, _ row: Int, _ col: Int, _ text: String, _ format: Format?) {
        guard !text.isEmpty else { return }
        note(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), text, format))
    }

    private func number(_ sheet: Sheet, _ row: Int, _ col: Int, _ value: Double, _ format: Format?) {
        note(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(col), value, format))
    }

    private func cell(_ sheet: Sheet, _ row: Int, _ col: Int, _ value: Cell) {
        switch value {
        case .int(let n): number(sheet, row, col, Double(n), nil)
        case .kg(let g): number(sheet, row, col, Double(g.value) / 1000, kilograms)
        case .text(let s): string(sheet, row, col, s, nil)
        case .choice(_, let label): string(sheet, row, col, label.text(lang), nil)
        case .bool(let b): note(worksheet_write_boolean(sheet, lxw_row_t(row), lxw_col_t(col), b ? 1 : 0, nil))
        case .none: break
        case .named(_, let label): string(sheet, row, col, label.text(lang), nil)
        case .unweighed: string(sheet, row, col, KilogramWords.unweighed.text(lang), nil)
        }
    }

    func write(_ report: Report, generatedOn day: LocalDate) {
        guard failure == nil else { return }
        let h = ReportFile.heading(report, lang, generatedOn: day)
        setProperties(title: h.title, author: h.organisation)
        let sections = report.sections.filter { !$0.rows.isEmpty }
        guard let (summary, _) = addSheet(ReportTitles.summarySheet.text(lang), fallback: "Summary") else { return }
        var names: [String] = []
        for section in sections {
            guard let (sheet, name) = addSheet(section.title.text(lang), fallback: section.key) else { return }
            names.append(name)
            write(section, to: sheet)
        }
        let trendTitle = ReportTitles.trendSheet.text(lang)
        var trendName: String?
        if !report.trend.isEmpty, let (sheet, name) = addSheet(trendTitle, fallback: "Trend") {
            trendName = name
            writeTrend(report.trend, to: sheet)
        }
        writeSummary(report, h, to: summary, contents: zip(sections.map { $0.title.text(lang) }, names).map { ($0, $1) }
                     + (trendName.map { [(ReportTitles.last12Months.text(lang), $0)] } ?? []))
    }

    private func setProperties(title: String, author: String?) {
        var properties = lxw_doc_properties()
        let t = strdup(title), a = author.flatMap { strdup($0) }, c = strdup("Darmarka")
        // libxlsxwriter copies the strings; ours are freed right after.
        defer { free(t); free(a); free(c) }
        properties.title = t
        properties.author = a
        properties.comments = c
        note(workbook_set_properties(workbook, &properties))
    }

    private func writeSummary(_ report: Report, _ h: (organisation: String?, title: String, centre: String?, generated: String),
                              to sheet: Sheet, contents: [(title: String, sheet: String)]) {
        var row = 0
        if let organisation = h.organisation { string(sheet, row, 0, organisation, bold); row += 1 }
        string(sheet, row, 0, h.title, title); row += 1
        if let centre = h.centre { string(sheet, row, 0, centre, nil); row += 1 }
        string(sheet, row, 0, h.generated, muted); row += 2

        string(sheet, row, 0, ReportTitles.periods.text(lang), header)
        string(sheet, row, 1, ReportTitles.from.text(lang), header)
        string(sheet, row, 2, ReportTitles.to.text(lang), header)
        row += 1
        for column in report.columns {
            string(sheet, row, 0, column.label.text(lang), nil)
            string(sheet, row, 1, column.figures.period.from.description, nil)
            string(sheet, row, 2, column.figures.period.to.description, nil)
            row += 1
        }
        row += 1
        string(sheet, row, 0, ReportTitles.sheets.text(lang), header)
        row += 1
        let link = workbook_get_default_url_format(workbook)
        for item in contents {
            // Apostrophes in a quoted sheet reference are doubled.
            let target = "internal:'" + item.sheet.replacingOccurrences(of: "'", with: "''") + "'!A1"
            // The _opt form writes the shown text with the link; writing it
            // over the link after would leave the target as a stray shared string.
            note(worksheet_write_url_opt(sheet, lxw_row_t(row), 0, target, link, item.title, nil))
            row += 1
        }
        let texts = [h.organisation, h.centre, h.generated].compactMap { $0 } + contents.map(\.title) + report.columns.map { $0.label.text(lang) }
        note(worksheet_set_column(sheet, 0, 0, ReportWorkbook.width(texts, minimum: 20, maximum: 70), nil))
        note(worksheet_set_column(sheet, 1, 2, 12, nil))
    }

    private func write(_ section: ReportSection, to sheet: Sheet) {
        string(sheet, 0, 0, section.title.text(lang), header)
        for (i, c) in section.columns.enumerated() { string(sheet, 0, i + 1, c.text(lang), headerRight) }
        for (r, row) in section.rows.enumerated() {
            let label = row.label.text(lang)
            let isIndented = label.hasPrefix(" ")
            string(sheet, r + 1, 0, label.trimmingCharacters(in: .whitespaces), isIndented ? indented : nil)
            for (i, value) in row.values.enumerated() { cell(sheet, r + 1, i + 1, value) }
        }
        worksheet_freeze_panes(sheet, 1, 1)
        let labels = [section.title.text(lang)] + section.rows.map { $0.label.text(lang) }
        note(worksheet_set_column(sheet, 0, 0, ReportWorkbook.width(labels, minimum: 20, maximum: 70), nil))
        for (i, c) in section.columns.enumerated() {
            let values = section.rows.map { $0.values.indices.contains(i) ? $0.values[i].display(lang) : "" }
            let w = ReportWorkbook.width([c.text(lang)] + values, minimum: 10, maximum: 40)
            note(worksheet_set_column(sheet, lxw_col_t(i + 1), lxw_col_t(i + 1), w, nil))
        }
    }

    private func writeTrend(_ trend: [Report.TrendPoint], to sheet: Sheet) {
        let headers = [ReportTitles.month, ReportTitles.receivedItems, ReportTitles.handedOutItems].map { $0.text(lang) }
        for (i, h) in headers.enumerated() { string(sheet, 0, i, h, i == 0 ? header : headerRight) }
        for (r, p) in trend.enumerated() {
            string(sheet, r + 1, 0, MonthNames.month(p.month).text(lang), nil)
            number(sheet, r + 1, 1, Double(p.received), nil)
            number(sheet, r + 1, 2, Double(p.handedOut), nil)
        }
        worksheet_freeze_panes(sheet, 1, 1)
        note(worksheet_set_column(sheet, 0, 0, ReportWorkbook.width(trend.map { MonthNames.month($0.month).text(lang) }, minimum: 16, maximum: 30), nil))
        note(worksheet_set_column(sheet, 1, 2, ReportWorkbook.width(headers, minimum: 12, maximum: 30), nil))
    }
}
