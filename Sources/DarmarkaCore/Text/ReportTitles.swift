/// The titles, rows and headers of a report, in every form it takes
/// (terminal, CSV, Markdown, HTML, Excel, PDF). The balance and group
/// words are in `ReportWords`.
public enum ReportTitles {
    // Sections.
    public static let keyFigures = Phrase(ru: "Основные показатели", en: "Key figures")
    public static let peopleHelped = Phrase(ru: "Получатели помощи", en: "People helped")
    public static let activity = Phrase(ru: "Мероприятия и работа", en: "Events and work")
    public static let receivedByCategory = Phrase(ru: "Принято по категориям", en: "Received by category")
    public static let handedOutByCategory = Phrase(ru: "Выдано по категориям", en: "Handed out by category")
    public static let receivedByCentre = Phrase(ru: "Принято по центрам", en: "Received by centre")
    public static let handedOutByCentre = Phrase(ru: "Выдано по центрам", en: "Handed out by centre")
    public static let stockByCentre = Phrase(ru: "Остаток по центрам", en: "Stock by centre")
    public static let receivedByCondition = Phrase(ru: "Принято по состоянию", en: "Received by condition")
    public static let receivedByBox = Phrase(ru: "Принято по боксам", en: "Received by box")
    public static let targets = Phrase(ru: "План и факт", en: "Plan against actual")

    // The targets' columns.
    public static let targetPeriod = Phrase(ru: "Период плана", en: "Target period")
    public static let target = Heading.target
    public static let actual = Phrase(ru: "Факт", en: "Actual")
    public static let donePercent = Phrase(ru: "Выполнено, %", en: "Done, %")

    // Key figures.
    public static let itemsReceived = Phrase(ru: "Принято вещей, шт.", en: "Items received")
    public static let receivedKg = Phrase(ru: "Принято, кг", en: "Received, kg")
    public static let itemsHandedOut = Phrase(ru: "Выдано вещей, шт.", en: "Items handed out")
    public static let handedOutKg = Phrase(ru: "Выдано, кг", en: "Handed out, kg")
    public static let handedOutAtEvents = Phrase(ru: "в том числе на мероприятиях, шт.", en: "of which at events")
    public static let handouts = Phrase(ru: "Выдач", en: "Handouts")
    public static let writtenOffItems = Phrase(ru: "Списано (ветошь, утиль), шт.", en: "Written off (recycling), items")
    public static let writtenOffKg = Phrase(ru: "Списано, кг", en: "Written off, kg")
    public static let movedBetweenCentres = Phrase(ru: "Передано между центрами, шт.", en: "Moved between centres, items")
    public static let stockTakeItems = Phrase(ru: "Расхождения инвентаризации, шт.", en: "Stock-take differences, items")
    public static let stockAtEndItems = Phrase(ru: "Остаток на конец периода, шт.", en: "Stock at the end, items")
    public static let stockAtEndKg = Phrase(ru: "Остаток на конец периода, кг", en: "Stock at the end, kg")

    // People helped.
    public static let uniqueRecipients = Phrase(ru: "Получателей (каждый один раз)", en: "Unique recipients")
    public static let ofWhomNew = Phrase(ru: "из них новых", en: "of whom new")
    public static let visits = Phrase(ru: "Обращений (получатель и день)", en: "Visits (recipient and day)")
    public static let peopleReached = Phrase(ru: "Охвачено человек (с семьями)", en: "People reached (with households)")
    public static let anonymousHandouts = Phrase(ru: "Выдач без учёта получателя", en: "Handouts without a recipient")

    // Events and work.
    public static let eventsHeld = Phrase(ru: "Мероприятий проведено", en: "Events held")
    public static let eventParticipants = Phrase(ru: "Участников мероприятий", en: "Event participants")
    public static let boxesInUse = Phrase(ru: "Боксов в работе", en: "Boxes in use")
    public static let volunteersWhoLogged = Phrase(ru: "Волонтёров вели учёт", en: "Volunteers who logged")

    // Periods side by side and the report's title.
    public static func yearToDate(_ year: Int) -> Phrase { Phrase(ru: "С начала \(year) года", en: "\(year) to date") }
    public static func year(_ year: Int) -> Phrase { Phrase(ru: "\(year) год", en: "\(year)") }
    public static func range(_ from: LocalDate, _ to: LocalDate) -> Phrase { Phrase(ru: "\(from) — \(to)", en: "\(from) – \(to)") }
    /// `month`: the month's name, as `MonthNames.month` gives it.
    public static func reportForMonth(_ month: Phrase) -> Phrase {
        Phrase(ru: "Отчёт за \(month.ru.lowercased())", en: "Report for \(month.en)")
    }
    public static func reportForYear(_ year: Int) -> Phrase { Phrase(ru: "Отчёт за \(year) год", en: "Report for \(year)") }
    public static func reportForRange(_ from: LocalDate, _ to: LocalDate) -> Phrase {
        Phrase(ru: "Отчёт с \(from) по \(to)", en: "Report from \(from) to \(to)")
    }

    // The heading lines of a report's file and screen.
    /// The centre in a report's one-line heading (`· центр PRE`).
    public static func centreInline(_ centre: String) -> Phrase { Phrase(ru: "центр \(centre)", en: "centre \(centre)") }
    /// The centre line of a report's file: `name` is its code and name.
    public static func centreLine(_ name: String) -> Phrase { Phrase(ru: "Центр: \(name)", en: "Centre: \(name)") }
    public static func generatedOn(_ day: LocalDate) -> Phrase {
        Phrase(ru: "Сформирован \(MonthNames.longDate(day, .ru))", en: "Generated on \(MonthNames.longDate(day, .en))")
    }

    // Charts and the pages of a PDF.
    public static let chartLegend = Phrase(ru: "Принято (синий) и выдано (оранжевый), шт.", en: "Received (blue) and handed out (orange), items")
    public static let continued = Phrase(ru: " (продолжение)", en: " (continued)")
    public static let received = ReportWords.received
    public static let handedOut = ReportWords.handedOut
    public static let byCategoryChart = Phrase(ru: "Принято и выдано по категориям, шт.", en: "Received and handed out by category, items")
    public static let otherCategories = Phrase(ru: "Прочие категории", en: "Other categories")
    public static let last12MonthsChart = Phrase(ru: "Последние 12 месяцев, шт.", en: "The last 12 months, items")
    public static func pageOf(_ page: Int, _ count: Int) -> Phrase { Phrase(ru: "стр. \(page) из \(count)", en: "page \(page) of \(count)") }

    // The sheets of a workbook.
    public static let summarySheet = Phrase(ru: "Сводка", en: "Summary")
    public static let trendSheet = Phrase(ru: "Динамика", en: "Trend")
    public static let last12Months = Phrase(ru: "Последние 12 месяцев", en: "The last 12 months")
    public static let periods = Phrase(ru: "Периоды", en: "Periods")
    public static let from = Heading.from
    public static let to = Heading.to
    public static let sheets = Phrase(ru: "Листы", en: "Sheets")
    public static let month = Phrase(ru: "Месяц", en: "Month")
    public static let receivedItems = Phrase(ru: "Принято, шт.", en: "Received, items")
    public static let handedOutItems = Phrase(ru: "Выдано, шт.", en: "Handed out, items")
}

extension Metric {
    public var phrase: Phrase {
        switch self {
        case .itemsReceived: ReportTitles.itemsReceived
        case .kgReceived: ReportTitles.receivedKg
        case .itemsHandedOut: ReportTitles.itemsHandedOut
        case .kgHandedOut: ReportTitles.handedOutKg
        case .uniqueRecipients: Phrase(ru: "Получателей (без повторов)", en: "Unique recipients")
        case .newRecipients: Phrase(ru: "Новых получателей", en: "New recipients")
        case .visits: Phrase(ru: "Обращений", en: "Visits")
        case .people: Phrase(ru: "Охвачено человек", en: "People reached")
        case .events: Phrase(ru: "Мероприятий", en: "Events")
        case .participants: ReportTitles.eventParticipants
        case .itemsWrittenOff: Phrase(ru: "Списано вещей, шт.", en: "Items written off")
        }
    }
}
