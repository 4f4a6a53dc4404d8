/// The words of `darmarka serve`'s pages, keyed by the name a template uses
/// (`{{t.intake}}`): every one in Russian and English.
public enum WebWord: String, CaseIterable, Sendable {
    case title, signIn, login, password, signOut, box, centre, stock, notWeighed, lastMovements, noMovements, empty
    case intake, handout, category, categoryHint, quantity, kg, condition, conditionAny, note, save, recipient
    case newRecipient, group, household, recorded, undo, undone, back, items, language, kindIntake, kindHandout
    case kindOther, by, undoHint, scanHint

    public var phrase: Phrase {
        switch self {
        case .title: Phrase(ru: "Дармарка", en: "Darmarka")
        case .signIn: Phrase(ru: "Войти", en: "Sign in")
        case .login: Phrase(ru: "Логин", en: "Login")
        case .password: Phrase(ru: "Пароль", en: "Password")
        case .signOut: Phrase(ru: "Выйти", en: "Sign out")
        case .box: Phrase(ru: "Бокс", en: "Box")
        case .centre: Phrase(ru: "Центр", en: "Centre")
        case .stock: Phrase(ru: "В боксе", en: "In the box")
        case .notWeighed: Phrase(ru: "не взвешено", en: "not weighed")
        case .lastMovements: Phrase(ru: "Последние движения", en: "Last movements")
        case .noMovements: Phrase(ru: "Движений ещё нет.", en: "No movements yet.")
        case .empty: Phrase(ru: "Бокс пуст.", en: "The box is empty.")
        case .intake: Phrase(ru: "Принять", en: "Take in")
        case .handout: Phrase(ru: "Выдать", en: "Hand out")
        case .category: Phrase(ru: "Категория", en: "Category")
        case .categoryHint: Phrase(ru: "Любое название: обувь, детское, посуда…", en: "Any name: shoes, kids, kitchen…")
        case .quantity: Phrase(ru: "Сколько штук", en: "How many items")
        case .kg: Phrase(ru: "Вес, кг (можно не указывать)", en: "Weight, kg (optional)")
        case .condition: Phrase(ru: "Состояние", en: "Condition")
        case .conditionAny: Phrase(ru: "не указано", en: "not given")
        case .note: Phrase(ru: "Примечание", en: "Note")
        case .save: Phrase(ru: "Записать", en: "Record")
        case .recipient: Phrase(ru: "Код получателя", en: "Recipient code")
        case .newRecipient: Phrase(ru: "Новый получатель", en: "New recipient")
        case .group: Phrase(ru: "Группа нового получателя", en: "Group of the new recipient")
        case .household: Phrase(ru: "Человек в семье", en: "People in the household")
        case .recorded: Phrase(ru: "Записано, движение №", en: "Recorded, movement #")
        case .undo: Phrase(ru: "Отменить", en: "Undo")
        case .undone: Phrase(ru: "Отменено, обратное движение №", en: "Undone, reversing movement #")
        case .back: Phrase(ru: "К боксу", en: "Back to the box")
        case .items: Phrase(ru: "шт.", en: "items")
        case .language: Phrase(ru: "English", en: "Русский")
        case .kindIntake: Phrase(ru: "приём", en: "intake")
        case .kindHandout: Phrase(ru: "выдача", en: "handout")
        case .kindOther: Phrase(ru: "движение", en: "movement")
        case .by: Phrase(ru: "записал(а)", en: "by")
        case .undoHint: Phrase(ru: "Отменить можно в течение 15 минут.", en: "It can be undone within 15 minutes.")
        case .scanHint: Phrase(ru: "Наведите камеру телефона на этикетку бокса.", en: "Point the phone's camera at a box label.")
        }
    }
}

/// How the box page's last movements name an undo and what it undid, so
/// that a reversal is not read as one more intake or handout.
public enum WebMovementWord: Localized, Equatable {
    /// The reversal movement itself, in place of its kind.
    case undoOf(RowID)
    /// Beside the movement that was undone.
    case undoneBy(RowID)

    public var phrase: Phrase {
        switch self {
        case .undoOf(let id): Phrase(ru: "Отмена движения №\(id)", en: "Undo of movement #\(id)")
        case .undoneBy(let id): Phrase(ru: "отменено движением №\(id)", en: "undone by movement #\(id)")
        }
    }
}

/// What `darmarka serve` and `darmarka user` say went wrong, in the domain's words.
public enum WebProblem: UserFacingError, Equatable {
    case badLogin
    case tooManyAttempts
    case forbidden
    case badForm
    case notSignedIn
    case unknownRole(String)
    case unknownUser(String)
    case userExists(String)
    case badUserLogin(String)
    case shortPassword
    case undoTooLate(RowID)
    case undoNotYours(RowID)
    case unclaimedCode(String, centre: String)
    case badListen(String)
    case badURLBase(String)
    case badTrustedProxy(String)
    case newRecipientDetails

    public var phrase: Phrase {
        switch self {
        case .badLogin:
            Phrase(ru: "Неверный логин или пароль.", en: "Wrong login or password.")
        case .tooManyAttempts:
            Phrase(ru: "Слишком много неудачных попыток входа. Подождите 15 минут.",
                   en: "Too many failed sign-ins. Wait 15 minutes.")
        case .forbidden:
            Phrase(ru: "Это не разрешено вашей роли или не ваш центр.", en: "Your role or centre does not allow this.")
        case .badForm:
            Phrase(ru: "Форма устарела. Откройте страницу заново и повторите.", en: "The form is out of date. Open the page again and retry.")
        case .notSignedIn:
            Phrase(ru: "Войдите, чтобы продолжить.", en: "Sign in to go on.")
        case .unknownRole(let text):
            Phrase(ru: "Роли «\(text)» нет. Роли: coordinator, manager, volunteer, viewer.",
                   en: "There is no role '\(text)'. Roles: coordinator, manager, volunteer, viewer.")
        case .unknownUser(let login):
            Phrase(ru: "Пользователя \(login) нет. Список: darmarka user list.", en: "There is no user \(login). See darmarka user list.")
        case .userExists(let login):
            Phrase(ru: "Пользователь \(login) уже есть.", en: "User \(login) exists already.")
        case .badUserLogin(let login):
            Phrase(ru: "Логин «\(login)» не подходит: от 2 до 32 латинских букв, цифр, «.», «-» или «_».",
                   en: "Login '\(login)' won't do: 2 to 32 Latin letters, digits, '.', '-' or '_'.")
        case .shortPassword:
            Phrase(ru: "Пароль короче 8 символов: придумайте длиннее.", en: "The password is shorter than 8 characters: choose a longer one.")
        case .undoTooLate(let id):
            Phrase(ru: "Движение №\(id) записано больше 15 минут назад: отменить его может координатор (darmarka undo).",
                   en: "Movement #\(id) was recorded more than 15 minutes ago: a coordinator can undo it (darmarka undo).")
        case .undoNotYours(let id):
            Phrase(ru: "Движение №\(id) записано не вами: отменить его может координатор.",
                   en: "Movement #\(id) was not recorded by you: a coordinator can undo it.")
        case .unclaimedCode(let code, let centre):
            Phrase(ru: "Код \(code) выдан центру \(centre), но бокса с ним ещё нет.",
                   en: "Code \(code) was issued to centre \(centre) but is not a box yet.")
        case .badListen(let text):
            Phrase(ru: "Адрес «\(text)» не подходит: нужно ХОСТ:ПОРТ, например 127.0.0.1:8080.",
                   en: "Address '\(text)' won't do: HOST:PORT is needed, e.g. 127.0.0.1:8080.")
        case .badURLBase(let text):
            Phrase(ru: "Адрес «\(text)» не подходит: нужно http://… или https://….",
                   en: "Address '\(text)' won't do: http://… or https://… is needed.")
        case .badTrustedProxy(let text):
            Phrase(ru: "«\(text)» — не IP-адрес: --trusted-proxy ждёт адрес прокси, например 10.0.0.2.",
                   en: "'\(text)' is no IP address: --trusted-proxy takes a proxy's address, e.g. 10.0.0.2.")
        case .newRecipientDetails:
            Phrase(ru: "Группа и число людей в семье — для нового получателя: отметьте «Новый получатель».",
                   en: "Group and household size are for a new recipient: tick 'New recipient'.")
        }
    }
}

/// What `darmarka user` says when nothing went wrong.
public enum WebNote: Localized, Equatable {
    case userAdded(login: String, role: String, centres: [String])
    case userDisabled(login: String)
    case passwordSet(login: String)
    /// The prompt for a password typed at a terminal.
    case passwordPrompt

    public var phrase: Phrase {
        switch self {
        case .userAdded(let login, let role, let centres) where centres.isEmpty:
            Phrase(ru: "Пользователь \(login) добавлен, роль \(role).", en: "User \(login) added, role \(role).")
        case .userAdded(let login, let role, let centres):
            Phrase(ru: "Пользователь \(login) добавлен, роль \(role), центры \(centres.joined(separator: ", ")).",
                   en: "User \(login) added, role \(role), centres \(centres.joined(separator: ", ")).")
        case .userDisabled(let login):
            Phrase(ru: "Пользователь \(login) отключён, его входы закрыты.", en: "User \(login) disabled, their sessions ended.")
        case .passwordSet(let login):
            Phrase(ru: "Пароль \(login) изменён, его входы закрыты.", en: "Password of \(login) changed, their sessions ended.")
        case .passwordPrompt:
            Phrase(ru: "Пароль: ", en: "Password: ")
        }
    }
}

extension Listing {
    /// `darmarka user list`.
    public static func users(_ accounts: [Account]) -> Listing {
        Listing(columns: [Column("login", ru: "Логин", en: "Login"), Column("role", ru: "Роль", en: "Role"),
                          Column("centres", ru: "Центры", en: "Centres"), Column("disabled", ru: "Отключён", en: "Disabled")],
                rows: accounts.map { [.text($0.login), .text($0.role.rawValue), .text($0.centres.joined(separator: ",")),
                                      .text($0.disabled ? "yes" : "")] })
    }
}
