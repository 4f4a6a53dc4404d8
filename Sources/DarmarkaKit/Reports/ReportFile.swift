import DarmarkaCore

/// Report forms that are files, not text: Excel and PDF.
public enum ReportFile {
    public enum Form: String, CaseIterable, Sendable { case xlsx, pdf }

    public static func render(_ report: Report, as form: Form, lang: Lang) throws -> [UInt8] {
        throw LedgerProblem.badFormat(form.rawValue)
    }
}
