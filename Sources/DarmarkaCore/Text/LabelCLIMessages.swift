/// What the label, resolve and scan commands tell the user when things went
/// well, in Russian and English. Kept apart from `Note` so that the label
/// commands can grow without touching the ledger's texts.
public enum LabelNote: Localized {
    /// `files` are the files written: one PDF, or one PNG or SVG per page.
    /// A roll's pages are its labels, so they are not counted as sheets.
    case labelsWritten(labels: Int, pages: Int, roll: Bool, template: String, files: [String])
    case blanksIssued(count: Int, centre: String, first: String, last: String)
    case previewWritten(path: String, template: String)
    case warning(LabelWarning)
    /// The first line `resolve` prints about a box.
    case box(code: String, name: String?, centre: String, centreName: String, kind: BoxKind, status: BoxStatus)
    case boxIsEmpty
    /// A pre-printed code that no box has yet, and how to give it to one.
    case unclaimed(code: String, centre: String)
    /// One scan's line when nothing is recorded: the box and how much it holds.
    case scanned(code: String, name: String?, centre: String, items: Int)
    case scannedUnclaimed(code: String, centre: String)
    case scanHint
    case scanSummary(scans: Int, recorded: Int, claimed: Int, errors: Int)

    public var phrase: Phrase {
        switch self {
        case .labelsWritten(let labels, let pages, let roll, let template, let files):
            let list = files.count <= 3 ? files.joined(separator: ", ")
                : "\(files[0]), \(files[1]) … \(files[files.count - 1])"
            if roll {
                return Phrase(ru: "Готово: \(labels) \(plural(labels, "этикетка", "этикетки", "этикеток")) рулона \(template) — \(list)",
                              en: "Done: \(labels) \(labels == 1 ? "label" : "labels") for the \(template) roll — \(list)")
            }
            return Phrase(ru: "Готово: \(labels) \(plural(labels, "этикетка", "этикетки", "этикеток")) на \(pages) \(plural(pages, "листе", "листах", "листах")) \(template) — \(list)",
                          en: "Done: \(labels) \(labels == 1 ? "label" : "labels") on \(pages) \(pages == 1 ? "page" : "pages") of \(template) — \(list)")
        case .blanksIssued(let count, let centre, let first, let last):
            let range = count == 1 ? first : "\(first) … \(last)"
            return Phrase(ru: "Для центра \(centre) выдано \(count) \(plural(count, "новый код", "новых кода", "новых кодов")) (\(range)); каждый станет боксом при darmarka box add --centre \(centre) --code КОД или при первом скане с darmarka scan --claim-centre \(centre).",
                          en: "Issued \(count) new \(count == 1 ? "code" : "codes") for centre \(centre) (\(range)); each becomes a box with darmarka box add --centre \(centre) --code CODE or on its first scan with darmarka scan --claim-centre \(centre).")
        case .previewWritten(let path, let template):
            return Phrase(ru: "Образец этикетки \(template) с линией реза записан: \(path)",
                          en: "A sample \(template) label with its cut line written to \(path)")
        case .warning(let warning):
            return Phrase(ru: "внимание: " + warning.phrase.ru, en: "warning: " + warning.phrase.en)
        case .box(let code, let name, let centre, let centreName, let kind, let status):
            let ru = name.map { "«\($0)», " } ?? "", en = name.map { "“\($0)”, " } ?? ""
            return Phrase(ru: "Бокс \(code): \(ru)\(kind.phrase.ru), \(status.phrase.ru); центр \(centre) — \(centreName).",
                          en: "Box \(code): \(en)\(kind.phrase.en), \(status.phrase.en); centre \(centre) — \(centreName).")
        case .boxIsEmpty:
            return Phrase(ru: "В боксе ничего нет.", en: "The box holds nothing.")
        case .unclaimed(let code, let centre):
            return Phrase(ru: "Код \(code) напечатан заранее для центра \(centre) и ещё не привязан к боксу. Привязать: darmarka box add --centre \(centre) --code \(code)",
                          en: "The code \(code) was pre-printed for centre \(centre) and is not a box yet. To claim it: darmarka box add --centre \(centre) --code \(code)")
        case .scanned(let code, let name, let centre, let items):
            let ru = name.map { " «\($0)»" } ?? "", en = name.map { " “\($0)”" } ?? ""
            return Phrase(ru: "\(code)\(ru), центр \(centre): \(items) шт. в боксе.",
                          en: "\(code)\(en), centre \(centre): \(items) \(items == 1 ? "item" : "items") in the box.")
        case .scannedUnclaimed(let code, let centre):
            return Phrase(ru: "\(code): напечатан заранее для центра \(centre), ещё не бокс (привязать: --claim-centre \(centre)).",
                          en: "\(code): pre-printed for centre \(centre), not a box yet (to claim it: --claim-centre \(centre)).")
        case .scanHint:
            return Phrase(ru: "Сканируйте коды боксов. Выход: q или два раза Enter.",
                          en: "Scan box codes. To stop: q or Enter twice.")
        case .scanSummary(let scans, let recorded, let claimed, let errors):
            let claimedRu = claimed > 0 ? ", новых боксов: \(claimed)" : ""
            let claimedEn = claimed > 0 ? ", \(claimed) new \(claimed == 1 ? "box" : "boxes")" : ""
            return Phrase(ru: "Сканов: \(scans), записано: \(recorded)\(claimedRu), ошибок: \(errors).",
                          en: "\(scans) \(scans == 1 ? "scan" : "scans"), \(recorded) recorded\(claimedEn), \(errors) \(errors == 1 ? "error" : "errors").")
        }
    }
}

/// What can be wrong with a label, resolve or scan command, as one line that
/// says what to do.
public enum LabelCLIProblem: UserFacingError, Equatable {
    case badURLBase(String)
    case centreOrCodes
    case noBoxesAtCentre(String)
    case badErrorCorrection(String)
    case badBlankCount(Int)
    case unclaimedCode(code: String, centre: String)
    case intakeOrHandout
    case recipientOnlyForHandout
    /// One scan went wrong; the session goes on. `line` counts from 1.
    case scanLine(Int, Phrase)

    /// The most codes one `labels blank` may issue: a few boxes of sheets.
    /// More is a typo, and issued codes are never given back.
    public static let maximumBlankCount = 2_000

    public var phrase: Phrase {
        switch self {
        case .badURLBase(let base):
            Phrase(ru: "Адрес --url-base «\(base)» не годится: нужен http:// или https:// адрес без пробелов, оканчивающийся на / или =, к которому дописывается код, например https://darmarka.example/b/",
                   en: "The --url-base “\(base)” will not do: give an http:// or https:// address without spaces, ending in / or =, that the code is appended to, such as https://darmarka.example/b/")
        case .centreOrCodes:
            Phrase(ru: "Укажите что-то одно: --centre КОД_ЦЕНТРА (все боксы центра) или коды боксов.",
                   en: "Give one of the two: --centre CENTRE (all the centre's boxes) or box codes.")
        case .noBoxesAtCentre(let centre):
            Phrase(ru: "В центре \(centre) нет ни одного бокса в работе. Добавьте бокс: darmarka box add --centre \(centre)",
                   en: "Centre \(centre) has no boxes in use. Add one with darmarka box add --centre \(centre)")
        case .badErrorCorrection(let level):
            Phrase(ru: "Уровень коррекции ошибок «\(level)» неизвестен: L, M, Q или H.",
                   en: "The error-correction level “\(level)” is unknown: L, M, Q or H.")
        case .badBlankCount(let count):
            Phrase(ru: "Число кодов должно быть от 1 до \(Self.maximumBlankCount), а не \(count): выданные коды не возвращаются.",
                   en: "The number of codes must be from 1 to \(Self.maximumBlankCount), not \(count): issued codes are never taken back.")
        case .unclaimedCode(let code, let centre):
            Phrase(ru: "Код \(code) напечатан заранее и ещё не привязан к боксу: привяжите его (darmarka box add --centre \(centre) --code \(code)) или сканируйте с --claim-centre \(centre).",
                   en: "The code \(code) was pre-printed and is not a box yet: claim it (darmarka box add --centre \(centre) --code \(code)) or scan with --claim-centre \(centre).")
        case .intakeOrHandout:
            Phrase(ru: "Укажите что-то одно: --intake или --handout.", en: "Give one of --intake and --handout, not both.")
        case .recipientOnlyForHandout:
            Phrase(ru: "Получатель (--recipient) указывается только вместе с --handout.",
                   en: "A recipient (--recipient) goes with --handout only.")
        case .scanLine(let line, let problem):
            Phrase(ru: "строка \(line): \(problem.ru)", en: "line \(line): \(problem.en)")
        }
    }
}
