/// Why an Excel workbook cannot be read as a journal or a reference file.
public enum WorkbookProblem: Sendable, Equatable, Localized {
    /// Not a zip archive at all: perhaps an old `.xls` or a renamed file.
    case notWorkbook
    /// A zip, but a part a workbook must have is missing or unreadable.
    case damaged(part: String, sheets: [String])
    /// Saved with a password: Excel then encrypts the whole file.
    case encrypted
    /// `--sheet` names a sheet the workbook does not have.
    case noSheet(String, sheets: [String])
    /// A cell the reader cannot take: `C7: what is wrong`.
    case badCell(String, sheets: [String])

    public var phrase: Phrase {
        switch self {
        case .notWorkbook:
            Phrase(ru: "это не книга Excel (.xlsx): откройте файл в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)» или CSV",
                   en: "this is not an Excel workbook (.xlsx): open it in Excel or LibreOffice and save it as an “Excel Workbook (.xlsx)” or as CSV")
        case .damaged(let part, let sheets):
            Phrase(ru: "книга Excel повреждена: не читается \(part)" + listed(sheets, .ru) + "; сохраните её в Excel заново",
                   en: "the Excel workbook is damaged: \(part) cannot be read" + listed(sheets, .en) + "; save it again from Excel")
        case .encrypted:
            Phrase(ru: "книга Excel защищена паролем: сохраните её без пароля (Файл → Сведения → Защита книги) и загрузите снова",
                   en: "the Excel workbook is protected by a password: save it without one (File → Info → Protect Workbook) and import it again")
        case .noSheet(let name, let sheets):
            Phrase(ru: "в книге нет листа «\(name)»" + listed(sheets, .ru),
                   en: "the workbook has no sheet “\(name)”" + listed(sheets, .en))
        case .badCell(let text, let sheets):
            Phrase(ru: "книга Excel не читается: \(text)" + listed(sheets, .ru),
                   en: "the Excel workbook cannot be read: \(text)" + listed(sheets, .en))
        }
    }
}

private func listed(_ sheets: [String], _ lang: Lang) -> String {
    guard !sheets.isEmpty else { return "" }
    return lang == .ru ? "; листы в ней: " + sheets.map { "«\($0)»" }.joined(separator: ", ")
                       : "; its sheets: " + sheets.map { "“\($0)”" }.joined(separator: ", ")
}
