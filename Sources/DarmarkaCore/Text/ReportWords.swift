/// Words of the report's balance of the period, its groups of recipients
/// and the month a report is asked for.
public enum ReportWords {
    public static let balanceTitle = Phrase(ru: "Баланс периода", en: "Balance of the period")
    public static let stockAtStart = Phrase(ru: "Остаток на начало периода", en: "Stock at the start")
    public static let received = Phrase(ru: "Принято", en: "Received")
    public static let transfersIn = Phrase(ru: "Передано из других центров", en: "Moved in from other centres")
    public static let handedOut = Phrase(ru: "Выдано", en: "Handed out")
    public static let writtenOff = Phrase(ru: "Списано", en: "Written off")
    public static let transfersOut = Phrase(ru: "Передано в другие центры", en: "Moved out to other centres")
    public static let adjustments = Phrase(ru: "Расхождения инвентаризации", en: "Stock-take differences")
    public static let stockAtEnd = Phrase(ru: "Остаток на конец периода", en: "Stock at the end")

    public static let groupsTitle = Phrase(ru: "Получатели по целевым группам", en: "Recipients by target group")
    public static let noGroup = Phrase(ru: "без группы", en: "no group")

    public static let items = Phrase(ru: "шт.", en: "items")
    public static let kg = Phrase(ru: "кг", en: "kg")

    /// Said in the title of a report whose month was not given.
    public static let lastWholeMonth = Phrase(ru: "последний полный месяц", en: "the last whole month")

    /// The forms `--month` takes, for its help and for the message when it is not understood.
    public static let monthForms = Phrase(
        ru: "2026-11, 11.2026, ноябрь, november или ноябрь 2026",
        en: "2026-11, 11.2026, november, ноябрь or november 2026")

    /// What a month's name alone means.
    public static let monthNameAlone = Phrase(
        ru: "месяц без года — этого года, если уже начался, иначе прошлого",
        en: "a name alone is that month this year if it has begun, else last year's")
}
