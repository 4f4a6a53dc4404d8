/// The words over the columns of listings: one wording per column, shared
/// by every listing that shows it.
public enum Heading {
    public static let code = Phrase(ru: "Код", en: "Code")
    public static let name = Phrase(ru: "Название", en: "Name")
    public static let address = Phrase(ru: "Адрес", en: "Address")
    public static let centre = Phrase(ru: "Центр", en: "Centre")
    public static let kind = Phrase(ru: "Вид", en: "Kind")
    public static let status = Phrase(ru: "Состояние", en: "Status")
    public static let russianName = Phrase(ru: "Название", en: "Russian name")
    public static let englishName = Phrase(ru: "По-английски", en: "English name")
    public static let aliases = Phrase(ru: "Другие названия", en: "Aliases")
    public static let group = Phrase(ru: "Группа", en: "Group")
    public static let household = Phrase(ru: "Человек в семье", en: "Household")
    public static let registered = Phrase(ru: "Зарегистрирован", en: "Registered")
    public static let metric = Phrase(ru: "Показатель", en: "Metric")
    public static let from = Phrase(ru: "С", en: "From")
    public static let to = Phrase(ru: "По", en: "To")
    public static let target = Phrase(ru: "План", en: "Target")
    public static let number = Phrase(ru: "№", en: "#")
    public static let date = Phrase(ru: "Дата", en: "Date")
    public static let participants = Phrase(ru: "Участников", en: "Participants")
    public static let box = Phrase(ru: "Бокс", en: "Box")
    public static let categoryCode = Phrase(ru: "Код категории", en: "Category code")
    public static let category = Phrase(ru: "Категория", en: "Category")
    public static let items = Phrase(ru: "Шт.", en: "Items")
    public static let kg = Phrase(ru: "Кг", en: "kg")
    public static let operation = Phrase(ru: "Операция", en: "Operation")
    public static let whence = Phrase(ru: "Откуда", en: "From")
    public static let whither = Phrase(ru: "Куда", en: "To")
    public static let condition = Phrase(ru: "Состояние", en: "Condition")
    public static let recipient = Phrase(ru: "Получатель", en: "Recipient")
    public static let volunteer = Phrase(ru: "Волонтёр", en: "Volunteer")
    public static let note = Phrase(ru: "Примечание", en: "Note")
    // An import's summary by operation.
    public static let movements = Phrase(ru: "Движений", en: "Movements")
    public static let lines = Phrase(ru: "Строк", en: "Lines")
    // The label templates' listing.
    public static let template = Phrase(ru: "Шаблон", en: "Template")
    public static let brand = Phrase(ru: "Марка", en: "Brand")
    public static let part = Phrase(ru: "Артикул", en: "Part")
    public static let labelSize = Phrase(ru: "Этикетка, мм", en: "Label, mm")
    public static let grid = Phrase(ru: "Сетка", en: "Grid")
    public static let perPage = Phrase(ru: "На листе", en: "Per page")
    public static let paper = Phrase(ru: "Бумага", en: "Paper")
    public static let dpi = Phrase.same("dpi")
    public static let origin = Phrase(ru: "Откуда", en: "From")
    public static let equivalents = Phrase(ru: "Также", en: "Also")
    public static let description = Phrase(ru: "Описание", en: "Description")

    /// A yes-or-no cell.
    public static let yes = Phrase(ru: "да", en: "yes")
    public static let no = Phrase(ru: "нет", en: "no")

    /// A history row that undoes movement `id`.
    public static func undoes(_ id: RowID) -> Phrase { Phrase(ru: "отмена №\(id)", en: "undoes #\(id)") }
    /// A history row undone by movement `id`.
    public static func undoneBy(_ id: RowID) -> Phrase { Phrase(ru: "отменено (№\(id))", en: "undone (#\(id))") }
}

extension Column {
    /// A column whose header is given word by word, as the command line's
    /// own listings still do.
    public init(_ key: String, ru: String, en: String, alignRight: Bool = false, forScripts: Bool = false) {
        self.init(key, Phrase(ru: ru, en: en), alignRight: alignRight, forScripts: forScripts)
    }
}
