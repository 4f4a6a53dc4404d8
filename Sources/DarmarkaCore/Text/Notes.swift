/// What the program tells the user when something went well.
public enum Note: Localized {
    case initialised(path: String, timeZone: String)
    case centreAdded(code: String, name: String)
    case boxAdded(code: String, centre: String)
    /// `holding`: the items still in it, which can still be handed out, moved or written off.
    case boxRetired(code: String, holding: Int)
    case categoryAdded(code: String)
    case aliasAdded(alias: String, category: Phrase)
    case recipientAdded(code: String)
    case recipientRegistered(code: String)
    case eventAdded(id: RowID, name: String, date: LocalDate)
    case recorded(id: RowID, kind: MovementKind, quantity: Int, category: Phrase, box: String)
    case transferred(id: RowID, quantity: Int, category: Phrase, from: String, to: String)
    case adjusted(id: RowID, box: String, category: Phrase, from: Int, to: Int)
    /// A count that agrees with the books: confirmed, nothing written.
    case countAgrees(box: String, category: Phrase, quantity: Int)
    /// `history` showed its default number of movements and there are more.
    case historyCut(shown: Int)
    case undone(id: RowID, by: RowID)
    case nothingFound
    case checked(movements: Int, lines: Int)
    case backedUp(path: String)
    case restored(from: String, kept: String)
    case restoredOverDamaged(from: String, kept: String)
    case restoredAfresh(from: String, path: String)
    case forgotten(code: String, placeholder: String)
    case written(path: String)
    case targetSet(metric: Phrase, value: Phrase, from: LocalDate, to: LocalDate)
    case empty(Phrase)

    public var phrase: Phrase {
        switch self {
        case .initialised(let path, let tz):
            Phrase(ru: "База создана: \(path) (часовой пояс \(tz)).", en: "Database created: \(path) (time zone \(tz)).")
        case .centreAdded(let code, let name):
            Phrase(ru: "Центр \(code) добавлен: \(name).", en: "Centre \(code) added: \(name).")
        case .boxAdded(let code, let centre):
            Phrase(ru: "Бокс \(code) зарегистрирован в центре \(centre).", en: "Box \(code) registered at centre \(centre).")
        case .boxRetired(let code, let holding) where holding > 0:
            Phrase(ru: "Бокс \(code) выведен из работы; в нём ещё \(NumberText.grouped(holding, .ru)) шт.: их можно выдать, перенести (darmarka transfer) или списать.",
                   en: "Box \(code) retired; it still holds \(NumberText.grouped(holding, .en)) item\(holding == 1 ? "" : "s"), which can be handed out, moved (darmarka transfer) or written off.")
        case .boxRetired(let code, _):
            Phrase(ru: "Бокс \(code) выведен из работы.", en: "Box \(code) retired.")
        case .categoryAdded(let code):
            Phrase(ru: "Категория \(code) добавлена.", en: "Category \(code) added.")
        case .aliasAdded(let alias, let category):
            Phrase(ru: "«\(alias)» теперь означает категорию «\(category.ru)».", en: "“\(alias)” now means the category “\(category.en)”.")
        case .recipientAdded(let code):
            Phrase(ru: "Получатель \(code) зарегистрирован.", en: "Recipient \(code) registered.")
        case .recipientRegistered(let code):
            Phrase(ru: "Новый получатель \(code) зарегистрирован.", en: "New recipient \(code) registered.")
        case .eventAdded(let id, let name, let date):
            Phrase(ru: "Мероприятие №\(id) «\(name)» на \(date) добавлено.", en: "Event #\(id) “\(name)” on \(date) added.")
        case .recorded(let id, let kind, let quantity, let category, let box):
            switch kind {
            case .intake: Phrase(ru: "№\(id): принято \(quantity) шт. «\(category.ru)» в бокс \(box).",
                                 en: "#\(id): \(quantity) × “\(category.en)” taken into box \(box).")
            case .handout: Phrase(ru: "№\(id): выдано \(quantity) шт. «\(category.ru)» из бокса \(box).",
                                  en: "#\(id): \(quantity) × “\(category.en)” handed out from box \(box).")
            case .writeoff: Phrase(ru: "№\(id): списано \(quantity) шт. «\(category.ru)» из бокса \(box).",
                                   en: "#\(id): \(quantity) × “\(category.en)” written off from box \(box).")
            case .transfer, .adjustment: Phrase(ru: "№\(id): \(kind.phrase.ru), \(quantity) шт. «\(category.ru)», бокс \(box).",
                                                en: "#\(id): \(kind.phrase.en), \(quantity) × “\(category.en)”, box \(box).")
            }
        case .transferred(let id, let quantity, let category, let from, let to):
            Phrase(ru: "№\(id): \(quantity) шт. «\(category.ru)» перемещено из \(from) в \(to).",
                   en: "#\(id): \(quantity) × “\(category.en)” moved from \(from) to \(to).")
        case .adjusted(let id, let box, let category, let from, let to):
            Phrase(ru: "№\(id): в боксе \(box) «\(category.ru)» было по учёту \(from), насчитано \(to); разница записана.",
                   en: "#\(id): box \(box) had \(from) of “\(category.en)” on the books, \(to) counted; the difference is recorded.")
        case .countAgrees(let box, let category, let quantity):
            Phrase(ru: "Пересчёт сходится: в боксе \(box) «\(category.ru)» \(quantity) шт., как и по учёту; записывать нечего.",
                   en: "The count agrees: box \(box) holds \(quantity) of “\(category.en)”, as the books say; nothing to record.")
        case .historyCut(let shown):
            Phrase(ru: "Показаны последние \(shown) движений; за период целиком — --from и --to, больше — --limit.",
                   en: "The last \(shown) movements are shown; a whole period with --from and --to, more with --limit.")
        case .undone(let id, let by):
            Phrase(ru: "Движение №\(id) отменено обратным движением №\(by).", en: "Movement #\(id) undone by the reversing movement #\(by).")
        case .written(let path):
            Phrase(ru: "Записано: \(path)", en: "Written: \(path)")
        case .targetSet(let metric, let value, let from, let to):
            Phrase(ru: "План «\(metric.ru)» на \(from) — \(to): \(value.ru).", en: "Target “\(metric.en)” for \(from) – \(to): \(value.en).")
        case .checked(let m, let l):
            Phrase(ru: "Проверка пройдена: файл цел, ссылки верны, остатки сходятся с журналом (\(NumberText.grouped(m, .ru)) \(plural(m, "движение", "движения", "движений")), \(NumberText.grouped(l, .ru)) \(plural(l, "строка", "строки", "строк"))).",
                   en: "Check passed: the file is sound, references hold, stock agrees with the ledger (\(NumberText.grouped(m, .en)) movement\(m == 1 ? "" : "s"), \(NumberText.grouped(l, .en)) line\(l == 1 ? "" : "s")).")
        case .backedUp(let p):
            Phrase(ru: "Копия базы записана: \(p)", en: "Backup written: \(p)")
        case .restored(let from, let kept):
            Phrase(ru: "База восстановлена из \(from). Прежнее содержимое сохранено в \(kept).",
                   en: "Database restored from \(from). What was there is kept in \(kept).")
        case .restoredOverDamaged(let from, let kept):
            Phrase(ru: "База восстановлена из \(from) и проверена. Повреждённый файл не удалён: он сохранён как \(kept).",
                   en: "Database restored from \(from) and checked. The damaged file is not deleted: it is kept as \(kept).")
        case .restoredAfresh(let from, let path):
            Phrase(ru: "База \(path) создана из копии \(from) и проверена.",
                   en: "Database \(path) made from the backup \(from) and checked.")
        case .forgotten(let code, let placeholder):
            Phrase(ru: "Получатель \(code) забыт: код, контакт и дата согласия удалены (теперь \(placeholder)); цифры отчётов не изменились.",
                   en: "Recipient \(code) forgotten: code, contact and consent date removed (now \(placeholder)); report figures are unchanged.")
        case .nothingFound:
            Phrase(ru: "Ничего не найдено.", en: "Nothing found.")
        case .empty(let what):
            what
        }
    }
}
