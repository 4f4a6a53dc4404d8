import DarmarkaCore
import Foundation

/// Report forms that are files, not text: Excel and PDF. Both show the same
/// `report.sections` as the text forms, so a figure reads the same everywhere.
public enum ReportFile {
    /// An Excel workbook (a sheet per section) or an A4 PDF document with charts.
    public enum Form: String, CaseIterable, Sendable { case xlsx, pdf }

    /// The file's bytes.
    ///
    /// - Parameter generatedOn: the date printed as the day the report was
    ///   made; the organisation's today where the caller knows it, else the
    ///   machine's.
    public static func render(_ report: Report, as form: Form, lang: Lang, generatedOn: LocalDate? = nil) throws -> [UInt8] {
        let day = generatedOn ?? LocalDate.today(in: .current)
        switch form {
        case .pdf:
            let fonts = try ReportFonts()
            return try ReportSurface.pdf(ReportDocument(report, lang: lang, generatedOn: day, fonts: fonts), fonts: fonts)
        case .xlsx:
            return try ReportWorkbook.render(report, lang: lang, generatedOn: day)
        }
    }

    /// One page of the PDF as a PNG picture, drawn by the same code: a
    /// preview for a screen or a chat message.
    ///
    /// - Parameters:
    ///   - page: counted from 1.
    ///   - dpi: 36 to 600.
    public static func pagePNG(_ report: Report, lang: Lang, page: Int = 1, dpi: Int = 96,
                               generatedOn: LocalDate? = nil) throws -> [UInt8] {
        guard (36...600).contains(dpi) else { throw ReportFileError.badDPI(dpi) }
        let fonts = try ReportFonts()
        let document = ReportDocument(report, lang: lang, generatedOn: generatedOn ?? LocalDate.today(in: .current), fonts: fonts)
        guard document.pages.indices.contains(page - 1) else { throw ReportFileError.noSuchPage(page, of: document.pages.count) }
        return try ReportSurface.png(document, page: page - 1, dpi: dpi, fonts: fonts)
    }

    /// The report's heading lines: organisation, title, centre, date made.
    static func heading(_ report: Report, _ lang: Lang, generatedOn day: LocalDate)
        -> (organisation: String?, title: String, centre: String?, generated: String) {
        let centre = report.centre.map { code in
            let name = report.names.centres[code].map { "\(code) — \($0)" } ?? code
            return ReportTitles.centreLine(name).text(lang)
        }
        // The seal goes with the date: under the title of the PDF, on the
        // summary sheet of the workbook (see docs/ledger-seal.md).
        let seal = report.seal.map { " · " + $0.phrase.text(lang) } ?? ""
        return (report.organisation, report.title.text(lang), centre, ReportTitles.generatedOn(day).text(lang) + seal)
    }
}

/// What can go wrong while making a report file.
public enum ReportFileError: UserFacingError, Equatable {
    /// cairo could not draw; the detail is cairo's own words.
    case drawingFailed(String)
    /// libxlsxwriter could not write the workbook; the detail is its own words.
    case spreadsheetFailed(String)
    /// A preview asked for a page past the end; the count is the report's pages.
    case noSuchPage(Int, of: Int)
    /// A preview resolution outside 36–600 dots per inch.
    case badDPI(Int)

    public var phrase: Phrase {
        switch self {
        case .drawingFailed(let detail): ReportFileWords.drawingFailed(detail)
        case .spreadsheetFailed(let detail): ReportFileWords.spreadsheetFailed(detail)
        case .noSuchPage(let page, let count): ReportFileWords.noSuchPage(page, of: count)
        case .badDPI(let dpi): ReportFileWords.badDPI(dpi)
        }
    }
}
