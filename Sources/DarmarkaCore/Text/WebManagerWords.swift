/// The words of the manager's and coordinator's pages of `darmarka serve`
/// (transfer, write-off, stock take, claiming a code, the centre page with
/// its labels, reports and import), keyed by the name a template uses
/// (`{{m.transfer}}`): every one in Russian and English.
public enum WebManagerWord: String, CaseIterable, Sendable {
    case transfer, writeoff, count, toBox, toBoxHint, reason, counted, countHint
    case claim, claimButton, boxName, boxKind, claimCentre, otherCentre
    case centrePage, boxes, boxCode, boxTotal, kgTotal, centreTotal, noBoxes, retired
    case labels, template, skip, copies, outline, labelsOfBoxes, blankCount, labelsBlank, labelsHint
    case reports, reportPeriod, month, year, range, from, to, wholeOrganisation, show, download, noReportCentre
    case importTitle, importFile, importCheck, importLoad, importHint, line, column, problem, importAnother
    case manage, centres, targets, metric, targetValue, targetPeriod, setTarget

    public var phrase: Phrase {
        switch self {
        case .transfer: Phrase(ru: "Переместить", en: "Transfer")
        case .writeoff: Phrase(ru: "Списать", en: "Write off")
        case .count: Phrase(ru: "Пересчитать", en: "Stock take")
        case .toBox: Phrase(ru: "В какой бокс", en: "To which box")
        case .toBoxHint: Phrase(ru: "Код бокса, например B-0002", en: "A box code, e.g. B-0002")
        case .reason: Phrase(ru: "Причина (ветошь, утиль…)", en: "Reason (rags, scrap…)")
        case .counted: Phrase(ru: "Сколько насчитано (можно 0)", en: "How many were counted (0 is fine)")
        case .countHint: Phrase(ru: "Если насчитано столько же, сколько в учёте, ничего не записывается.",
                                en: "A count that agrees with the ledger records nothing.")
        case .claim: Phrase(ru: "Сделать боксом", en: "Make it a box")
        case .claimButton: Phrase(ru: "Сделать боксом", en: "Make it a box")
        case .boxName: Phrase(ru: "Название бокса (можно не указывать)", en: "Name of the box (optional)")
        case .boxKind: Phrase(ru: "Вид бокса", en: "Kind of box")
        case .claimCentre: Phrase(ru: "Центр бокса", en: "Centre of the box")
        case .otherCentre: Phrase(ru: "Код напечатан для другого центра — занять его здесь нарочно",
                                  en: "The code was printed for another centre: claim it here on purpose")
        case .centrePage: Phrase(ru: "Центр", en: "Centre")
        case .boxes: Phrase(ru: "Боксы", en: "Boxes")
        case .boxCode: Phrase(ru: "Бокс", en: "Box")
        case .boxTotal: Phrase(ru: "Штук", en: "Items")
        case .kgTotal: Phrase(ru: "Кг", en: "Kg")
        case .centreTotal: Phrase(ru: "Всего в центре", en: "Centre total")
        case .noBoxes: Phrase(ru: "В центре ещё нет боксов.", en: "The centre has no boxes yet.")
        case .retired: Phrase(ru: "выведен из работы", en: "retired")
        case .labels: Phrase(ru: "Этикетки", en: "Labels")
        case .template: Phrase(ru: "Шаблон этикеток, например L7160 или 58x40", en: "Label template, e.g. L7160 or 58x40")
        case .skip: Phrase(ru: "Сколько этикеток на первом листе уже использовано", en: "Labels already used on the first sheet")
        case .copies: Phrase(ru: "Копий каждой этикетки", en: "Copies of each label")
        case .outline: Phrase(ru: "Линия реза (пробная печать на простой бумаге)", en: "Cut lines (a test print on plain paper)")
        case .labelsOfBoxes: Phrase(ru: "PDF: этикетки боксов центра", en: "PDF: labels of the centre's boxes")
        case .blankCount: Phrase(ru: "Сколько новых кодов напечатать заранее", en: "How many new codes to pre-print")
        case .labelsBlank: Phrase(ru: "PDF: новые коды", en: "PDF: new codes")
        case .labelsHint: Phrase(ru: "Новые коды выдаются, только когда PDF готов; код не выдаётся дважды.",
                                 en: "New codes are issued only once the PDF is made, and never twice.")
        case .reports: Phrase(ru: "Отчёты", en: "Reports")
        case .reportPeriod: Phrase(ru: "За какой срок", en: "Which period")
        case .month: Phrase(ru: "Месяц", en: "Month")
        case .year: Phrase(ru: "Год", en: "Year")
        case .range: Phrase(ru: "Период", en: "Range")
        case .from: Phrase(ru: "С даты", en: "From")
        case .to: Phrase(ru: "По дату", en: "To")
        case .wholeOrganisation: Phrase(ru: "Вся организация", en: "The whole organisation")
        case .show: Phrase(ru: "Показать", en: "Show")
        case .download: Phrase(ru: "Скачать", en: "Download")
        case .noReportCentre: Phrase(ru: "Центр", en: "Centre")
        case .importTitle: Phrase(ru: "Загрузка журнала", en: "Import a journal")
        case .importFile: Phrase(ru: "Файл журнала (CSV)", en: "Journal file (CSV)")
        case .importCheck: Phrase(ru: "Проверить", en: "Check")
        case .importLoad: Phrase(ru: "Загрузить", en: "Import")
        case .importHint: Phrase(ru: "Сначала файл проверяется целиком; загрузить можно только файл без ошибок — весь сразу.",
                                 en: "The whole file is checked first; only a file without problems can be imported, all at once.")
        case .line: Phrase(ru: "Строка", en: "Line")
        case .column: Phrase(ru: "Столбец", en: "Column")
        case .problem: Phrase(ru: "Что не так", en: "What is wrong")
        case .importAnother: Phrase(ru: "Загрузить другой файл", en: "Import another file")
        case .manage: Phrase(ru: "Для менеджера", en: "For the manager")
        case .centres: Phrase(ru: "Центры", en: "Centres")
        case .targets: Phrase(ru: "План гранта", en: "Grant targets")
        case .metric: Phrase(ru: "Показатель", en: "Metric")
        case .targetValue: Phrase(ru: "Значение (вес в кг можно с дробью: 120,5)", en: "Value (a weight in kg may have a fraction: 120.5)")
        case .targetPeriod: Phrase(ru: "Срок: 2026, 2026-11 или 2026-03-01..2027-02-28", en: "Period: 2026, 2026-11 or 2026-03-01..2027-02-28")
        case .setTarget: Phrase(ru: "Задать план", en: "Set the target")
        }
    }
}

/// What the manager's and coordinator's pages say went wrong.
public enum WebManagerProblem: UserFacingError, Equatable {
    /// An upload or a form bigger than the server takes, in megabytes.
    case tooLarge(megabytes: Int)
    /// The import form was sent without a file in it.
    case noFile
    /// A multipart body that does not follow its own boundary.
    case badUpload
    /// «Загрузить» named a checked file the server no longer keeps.
    case uploadGone
    /// A number of labels, copies or codes that is not a whole number.
    case notWholeNumber(String)
    /// A report of the whole organisation asked for by a role that reads only its centres.
    case reportNeedsCentre
    /// A report's period kind that is none of month, year and range.
    case badReportPeriod(String)

    public var phrase: Phrase {
        switch self {
        case .tooLarge(let mb):
            Phrase(ru: "Файл больше \(mb) МБ: разделите журнал на части (например, по годам) и загрузите их по очереди.",
                   en: "The file is larger than \(mb) MB: split the journal (by year, say) and import the parts one by one.")
        case .noFile:
            Phrase(ru: "Выберите файл журнала (CSV).", en: "Choose a journal file (CSV).")
        case .badUpload:
            Phrase(ru: "Файл пришёл не целиком или испорченным. Выберите его и отправьте ещё раз.",
                   en: "The file arrived incomplete or damaged. Choose it and send it again.")
        case .uploadGone:
            Phrase(ru: "Проверенного файла на сервере больше нет: выберите его и проверьте ещё раз.",
                   en: "The checked file is no longer on the server: choose it and check it again.")
        case .notWholeNumber(let text):
            Phrase(ru: "«\(text)» — не целое число: введите число цифрами, например 2.",
                   en: "'\(text)' is not a whole number: type it in digits, e.g. 2.")
        case .reportNeedsCentre:
            Phrase(ru: "Отчёт по всей организации — для координатора и наблюдателя: выберите свой центр.",
                   en: "A report of the whole organisation is for a coordinator or a viewer: choose your centre.")
        case .badReportPeriod(let text):
            Phrase(ru: "Срок «\(text)» непонятен: месяц, год или период.", en: "Period '\(text)' is not understood: month, year or range.")
        }
    }

    /// One of each case, with sample values, for the message catalogue.
    public static var samples: [WebManagerProblem] {
        [.tooLarge(megabytes: 20), .noFile, .badUpload, .uploadGone, .notWholeNumber("2,5"), .reportNeedsCentre,
         .badReportPeriod("week")]
    }
}

/// What the manager's and coordinator's pages say when nothing went wrong.
public enum WebManagerNote: Localized, Equatable {
    /// The box page of a pre-printed code that no box has claimed yet.
    case unclaimed(code: String, centre: String)
    /// A checked file that may now be imported; `file` is the name it was uploaded under.
    case readyToImport(file: String)

    public var phrase: Phrase {
        switch self {
        case .unclaimed(let code, let centre):
            Phrase(ru: "Код \(code) напечатан заранее для центра \(centre), но бокса с ним ещё нет. Сделайте его боксом:",
                   en: "Code \(code) was pre-printed for centre \(centre) but is not a box yet. Make it a box:")
        case .readyToImport(let file):
            Phrase(ru: "В файле \(file) ошибок нет. Нажмите «Загрузить», чтобы записать его в учёт — весь сразу.",
                   en: "File \(file) has no problems. Press 'Import' to write it into the ledger, all at once.")
        }
    }

    /// One of each case, with sample values, for the message catalogue.
    public static var samples: [WebManagerNote] {
        [.unclaimed(code: "B-0001Z", centre: "PRE"), .readyToImport(file: "journal.csv")]
    }
}
