/// The words of the volunteer's pages of `darmarka serve` (intake with its
/// frequent categories and search, the handout basket, the scan page, the
/// day pass), keyed by the name a template uses (`{{t.topCategories}}`).
public enum WebVolunteerWord: String, CaseIterable, Sendable {
    case topCategories, findCategory, find, findHint, found, chooseOne, basket, addLine, removeLine, line
    case conditionAll, event, noEvent, scan, scanTitle, scanCamera, scanStop, scanNoCamera, scanType, scanOpen
    case scanLooking, scanNext, yourName, yourNameHint, start, dayPass, passUntil, passVolunteer

    public var phrase: Phrase {
        switch self {
        case .topCategories: Phrase(ru: "Частые категории", en: "Frequent categories")
        case .findCategory: Phrase(ru: "Другая категория", en: "Another category")
        case .find: Phrase(ru: "Найти", en: "Find")
        case .findHint: Phrase(ru: "Любое название: кроссовки, посуда…", en: "Any name: trainers, kitchen…")
        case .found: Phrase(ru: "Найдено: ", en: "Found: ")
        case .chooseOne: Phrase(ru: "Выберите одну:", en: "Choose one:")
        case .basket: Phrase(ru: "Что выдаём", en: "What is handed out")
        case .addLine: Phrase(ru: "+ Ещё категория", en: "+ Another category")
        case .removeLine: Phrase(ru: "Убрать", en: "Remove")
        case .line: Phrase(ru: "Строка", en: "Line")
        case .conditionAll: Phrase(ru: "Состояние (для всех строк)", en: "Condition (of every line)")
        case .event: Phrase(ru: "Мероприятие", en: "Event")
        case .noEvent: Phrase(ru: "без мероприятия", en: "no event")
        case .scan: Phrase(ru: "Сканировать", en: "Scan")
        case .scanTitle: Phrase(ru: "Сканировать этикетку", en: "Scan a label")
        case .scanCamera: Phrase(ru: "Включить камеру", en: "Turn the camera on")
        case .scanStop: Phrase(ru: "Выключить камеру", en: "Turn the camera off")
        case .scanNoCamera:
            Phrase(ru: "Откройте обычную камеру телефона и наведите её на QR-код этикетки: ссылка откроет страницу бокса.",
                   en: "Open the phone's own camera app and point it at the label's QR code: the link opens the box's page.")
        case .scanType: Phrase(ru: "Или введите код бокса", en: "Or type the box's code")
        case .scanOpen: Phrase(ru: "Открыть бокс", en: "Open the box")
        case .scanLooking: Phrase(ru: "Наведите камеру на QR-код…", en: "Point the camera at a QR code…")
        case .scanNext: Phrase(ru: "Сканировать следующий", en: "Scan the next one")
        case .yourName: Phrase(ru: "Как вас зовут?", en: "What is your name?")
        case .yourNameHint:
            Phrase(ru: "Имя запишется в журнал как имя волонтёра у всего, что вы запишете сегодня.",
                   en: "The name goes into the journal as the volunteer of everything you record today.")
        case .start: Phrase(ru: "Начать", en: "Start")
        case .dayPass: Phrase(ru: "Пропуск на день", en: "Day pass")
        case .passUntil: Phrase(ru: "Действует до", en: "Valid until")
        case .passVolunteer: Phrase(ru: "Волонтёр центра", en: "Volunteer of centre")
        }
    }
}

/// What a day pass's link and `darmarka user pass` refuse, in the domain's words.
public enum DayPassProblem: UserFacingError, Equatable {
    /// A link no pass has: mistyped, or from another database.
    case unknown
    case expired(until: String)
    case revoked
    /// The link was opened already: one pass signs in one phone.
    case used
    case badHours(String)
    case noURLBase
    case badURLBase(String)
    case emptyName
    case nameNotOneLine
    case nameTooLong(limit: Int)
    case unknownPass(String)

    public var phrase: Phrase {
        switch self {
        case .unknown:
            Phrase(ru: "Такого пропуска нет. Попросите у координатора новый.",
                   en: "There is no such pass. Ask the coordinator for a new one.")
        case .expired(let until):
            Phrase(ru: "Пропуск истёк (действовал до \(until)). Попросите у координатора новый.",
                   en: "The pass has expired (it was valid until \(until)). Ask the coordinator for a new one.")
        case .revoked:
            Phrase(ru: "Пропуск отозван. Попросите у координатора новый.",
                   en: "The pass was revoked. Ask the coordinator for a new one.")
        case .used:
            Phrase(ru: "Пропуск уже открыт на другом телефоне: один пропуск — один телефон. Попросите у координатора свой.",
                   en: "The pass was opened on another phone already: one pass, one phone. Ask the coordinator for your own.")
        case .badHours(let text):
            Phrase(ru: "Срок «\(text)» не подходит: нужно целое число часов от \(DayPassRules.hours.lowerBound) до \(DayPassRules.hours.upperBound).",
                   en: "'\(text)' won't do as hours: a whole number from \(DayPassRules.hours.lowerBound) to \(DayPassRules.hours.upperBound) is needed.")
        case .noURLBase:
            Phrase(ru: "Не знаю адреса сервера для ссылки: укажите --url-base https://… (его запомнит и darmarka serve --url-base).",
                   en: "The server's address for the link is unknown: give --url-base https://… (darmarka serve --url-base remembers it too).")
        case .badURLBase(let text):
            Phrase(ru: "Адрес «\(text)» не подходит для ссылки: нужен http:// или https:// адрес сервера без пробелов, например https://darmarka.example.org.",
                   en: "Address '\(text)' won't do for the link: the server's http:// or https:// address without spaces is needed, such as https://darmarka.example.org.")
        case .emptyName:
            Phrase(ru: "Напишите, как вас зовут: имя попадёт в журнал.", en: "Write your name: it goes into the journal.")
        case .nameNotOneLine:
            Phrase(ru: "Имя должно быть в одну строку.", en: "The name must be on one line.")
        case .nameTooLong(let limit):
            Phrase(ru: "Имя длиннее \(limit) знаков: напишите короче.", en: "The name is longer than \(limit) characters: write a shorter one.")
        case .unknownPass(let text):
            Phrase(ru: "Пропуска №\(text) нет. Список: darmarka user pass list.", en: "There is no pass #\(text). See darmarka user pass list.")
        }
    }
}

/// What the intake and handout forms refuse beyond the command line's rules.
public enum BasketProblem: UserFacingError, Equatable {
    /// No line of the form names a category.
    case noCategory

    public var phrase: Phrase {
        switch self {
        case .noCategory:
            Phrase(ru: "Выберите категорию: нажмите частую или найдите по названию.",
                   en: "Choose a category: tap a frequent one or find it by name.")
        }
    }
}

/// What `darmarka user pass` says when nothing went wrong.
public enum DayPassNote: Localized, Equatable {
    case created(id: RowID, centre: String, until: String, link: String, file: String)
    case revoked(id: RowID)

    public var phrase: Phrase {
        switch self {
        case .created(let id, let centre, let until, let link, let file):
            Phrase(ru: "Пропуск №\(id) для волонтёра центра \(centre) действует до \(until); открыть можно на одном телефоне.\n\(link)\nQR-код: \(file)",
                   en: "Pass #\(id) for a volunteer of centre \(centre) is valid until \(until); it opens on one phone.\n\(link)\nQR code: \(file)")
        case .revoked(let id):
            Phrase(ru: "Пропуск №\(id) отозван, вход по нему закрыт.", en: "Pass #\(id) revoked, its sign-in ended.")
        }
    }
}

extension DayPass.State {
    /// The state's code, for scripts (`--format json`).
    public var code: String {
        switch self {
        case .unused: "unused"
        case .inUse: "in-use"
        case .revoked: "revoked"
        case .expired: "expired"
        }
    }

    /// The state as `user pass list` shows it.
    public var phrase: Phrase {
        switch self {
        case .unused: Phrase(ru: "не открыт", en: "not opened")
        case .inUse(let name): Phrase(ru: "открыт: \(name)", en: "opened: \(name)")
        case .revoked: Phrase(ru: "отозван", en: "revoked")
        case .expired: Phrase(ru: "истёк", en: "expired")
        }
    }
}

extension Listing {
    /// `darmarka user pass list`.
    public static func dayPasses(_ passes: [DayPass]) -> Listing {
        Listing(columns: [Column("id", ru: "№", en: "#"), Column("centre", ru: "Центр", en: "Centre"),
                          Column("expires", ru: "До", en: "Until"), Column("state", ru: "Состояние", en: "State")],
                rows: passes.map { [.int(Int($0.id)), .text($0.centre), .text($0.expires), .choice(code: $0.state.code, label: $0.state.phrase)] })
    }
}
