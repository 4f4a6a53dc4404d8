/// Words the command line prints around what the ledger says: headings,
/// the sample label's names, and refusals of option combinations.
public enum CLINote: Localized, Equatable {
    /// `box show`: the heading over the box's stock.
    case boxContents
    /// `box show`: the heading over the box's recent movements.
    case recentMovements
    /// `labels preview` without a code: the sample box's centre.
    case sampleCentreName
    /// `labels preview` without a code: the sample box's name.
    case sampleBoxName
    /// `--excel` with `--format json`.
    case excelIsForCSV
    /// A file form (`xlsx`, `pdf`) asked for without a file to write it to.
    case formatNeedsOutput(String)
    /// `verify` given both a report and `--seal`.
    case verifyReportOrSeal
    /// `verify` given neither.
    case verifyNeedsReportOrSeal

    public var phrase: Phrase {
        switch self {
        case .boxContents: Phrase(ru: "В боксе:", en: "Contents:")
        case .recentMovements: Phrase(ru: "Последние движения:", en: "Recent movements:")
        case .sampleCentreName: Phrase(ru: "Соседский центр «Преображенский»", en: "Preobrazhensky neighbourhood centre")
        case .sampleBoxName: Phrase(ru: "Бокс у входа", en: "Box by the door")
        case .excelIsForCSV: Phrase(ru: "--excel относится к CSV, а не к --format json", en: "--excel is for CSV, not --format json")
        case .formatNeedsOutput(let form):
            Phrase(ru: "для --format \(form) нужен --output ФАЙЛ", en: "--format \(form) needs --output FILE")
        case .verifyReportOrSeal: Phrase(ru: "укажите либо отчёт, либо --seal", en: "give a report or --seal, not both")
        case .verifyNeedsReportOrSeal: Phrase(ru: "укажите JSON-отчёт или --seal НОМЕР:ПЕЧАТЬ", en: "give a JSON report or --seal N:HEX")
        }
    }
}
