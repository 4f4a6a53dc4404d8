/// Everything that can go wrong with what a user asked, as one line in
/// Russian and English that says what is wrong and what to do.
public enum LedgerProblem: UserFacingError, Equatable {
    case noLines
    case badQuantity(String)
    case badWeight(String)
    case badDate(String)
    case badTime(String)
    case badMonth(String)
    case boxesDoNotFit(MovementKind)
    case transferToSameBox
    case recipientOnlyOnHandout
    case unknownBox(String)
    case badBoxCode(String, CodeProblem)
    case boxRetired(String)
    /// A handout at an event on another day than the event's.
    case eventOnAnotherDay(event: String, held: LocalDate, date: LocalDate)
    /// A movement dated after the centre's today: always a typo, most often in the year.
    case futureDate(LocalDate, today: LocalDate)
    /// A consent or registration date after today: consent must be given before a contact is kept.
    case consentNotYet(LocalDate, today: LocalDate)
    case futureEvent(LocalDate, today: LocalDate)
    case registrationNotYet(LocalDate, today: LocalDate)
    case unknownCentre(String)
    case centreExists(String)
    case badCentreCode(String)
    case unknownCategory(String)
    case categoryExists(String)
    case badCategoryCode(String)
    case unknownGroup(String)
    case unknownRecipient(String)
    case recipientExists(String)
    case badRecipientCode(String)
    case badHouseholdSize(String)
    case unknownEvent(String)
    case eventExists(String, LocalDate)
    case unknownMovement(String)
    case alreadyUndone(RowID, by: RowID)
    case cannotUndoReversal(RowID)
    case insufficientStock(box: String, category: Phrase, available: Int, asked: Int, on: LocalDate)
    /// Undoing a movement would take out of a box what has left it since.
    case undoWouldShort(RowID, box: String, category: Phrase, available: Int, asked: Int, on: LocalDate)
    case codeAlreadyIssued(String)
    case codeNotIssued(String)
    case codeAlreadyUsed(String)
    case codesExhausted
    case badTimeZone(String)
    case badFormat(String)
    /// `--format` says one thing and the output file's extension another.
    case formatAndExtensionDiffer(format: String, path: String)
    case badLanguage(String)
    case alreadyInitialised(String)
    case noDatabase(String)
    /// `init` on a path where something that is not a Darmarka database is.
    case fileInTheWay(String)
    /// The folder a file was to be written into is not there.
    case noSuchFolder(String)
    /// `restore` from a file that is not there.
    case noBackup(String)
    /// `restore` given a folder.
    case backupIsFolder(String)
    /// `restore` given a file that is not a copy of a Darmarka database.
    case notABackup(String)
    /// A period whose end comes before its start.
    case periodBackwards(from: LocalDate, to: LocalDate)
    case badYear(String)
    /// A target's period in none of its forms.
    case badPeriod(String)
    /// A name given empty: `option` is where it was asked for.
    case emptyName(option: String)
    /// A name with a line break or another control character, shown visibly.
    case nameNotOneLine(String)
    /// A count option (`--limit`, `--last`) below 1.
    case notPositive(option: String, value: Int)
    case notDarmarkaDatabase(String)
    /// SQLite finds the file damaged (a disk or copy that failed).
    case damaged(String)
    case newerDatabase(String)
    case cannotOpen(String, String)
    case databaseBusy(String)
    case contactWithoutConsent
    /// `--group` or `--household` without `--recipient`.
    case recipientDetailsWithoutRecipient
    /// A handout to a placeholder of a person forgotten under 152-ФЗ.
    case recipientForgotten(String)
    /// `--group` or `--household` that differ from an existing recipient's.
    case recipientDetailsDiffer(String)
    case outputExists(String)
    /// A folder is where a file was to be written: never replaced, `--force` or not.
    case outputIsFolder(String)
    case cannotWrite(String, String)
    case invalidArguments(String)
    case unexpected(String)
    case backupFailsCheck(String, Phrase)
    case checkFailed(Int)
    /// A symbolic link where a file was to be written: never written through
    /// or replaced silently; `target` is what it points at.
    case outputIsLink(String, target: String)
    /// A device, FIFO or socket where a file was to be written.
    case outputIsSpecial(String, SpecialFile)
    /// Standard output could not be written (a full disk behind `>`).
    case cannotWriteOutput(String)
    /// A `-shm` file beside the database that this user cannot write.
    case staleSharedMemory(String)
    /// The ledger's guarding triggers were dropped or changed outside Darmarka.
    case schemaDamaged(String)
    case textTooLong(what: LongText, length: Int, limit: Int)
    /// A note with a control character other than a line break, shown visibly.
    case noteHasControlCharacters(String)
    /// A real date before the earliest Darmarka takes: a typo in the year.
    case dateTooEarly(String, earliest: LocalDate)
    /// A weight in the usual form, above `Grams.maximumKilograms`.
    case weightTooLarge(String)
    /// A code pre-printed for one centre claimed at another without `--other-centre`.
    case codePrintedForAnotherCentre(code: String, printedFor: String, claimedAt: String)
    case badCondition(String)
    /// A subcommand that does not exist: `parent` is the command it was typed after.
    case unknownCommand(String, suggestion: String?, parent: String)
    /// What `invalidArguments` says, pointing at the command's own help.
    case invalidArgumentsOf(String, command: String)

    /// The command line's wording: the domain's, with which flag or command
    /// to use (`CommandLineHint`). Every printer of a problem today is the
    /// command line (its errors, `scan`, an import's row problems), so this
    /// is what `text(_:)` says; the web app will show `domain` and add the field.
    public var phrase: Phrase { commandLine }

    /// What is wrong in the domain, and what to do, in words of the domain
    /// alone: no flag, no command. The command line adds those.
    public var domain: Phrase {
        switch self {
        case .noLines:
            Phrase(ru: "В движении нет ни одной строки.", en: "The movement has no lines.")
        case .badQuantity(let q):
            Phrase(ru: "Количество должно быть целым числом больше нуля (не больше \(Quantity.maximum)), а не «\(q)».",
                   en: "The quantity must be a whole number above zero (at most \(Quantity.maximum)), not “\(q)”.")
        case .badWeight(let w):
            Phrase(ru: "Вес «\(w)» не понят: укажите килограммы числом не больше \(NumberText.grouped(Int(Grams.maximumKilograms), .ru)), например 2,5 или 0.75.",
                   en: "The weight “\(w)” is not understood: give kilograms as a number up to \(NumberText.grouped(Int(Grams.maximumKilograms), .en)), such as 2.5 or 0.75.")
        case .badDate(let d):
            Phrase(ru: "Такой даты нет: «\(d)». Пишите 2026-11-03 или 03.11.2026.",
                   en: "There is no such date: “\(d)”. Write 2026-11-03 or 03.11.2026.")
        case .badTime(let t):
            Phrase(ru: "Время «\(t)» не понято: пишите 14:30.", en: "The time “\(t)” is not understood: write 14:30.")
        case .badMonth(let m):
            Phrase(ru: "Месяц «\(m)» не понят: пишите \(ReportWords.monthForms.ru).",
                   en: "The month “\(m)” is not understood: write \(ReportWords.monthForms.en).")
        case .boxesDoNotFit(let kind):
            Phrase(ru: "Для операции «\(kind.phrase.ru)» боксы указаны не так.", en: "The boxes do not fit a \(kind.phrase.en).")
        case .transferToSameBox:
            Phrase(ru: "Перемещение в тот же бокс ничего не меняет.", en: "A transfer into the same box changes nothing.")
        case .recipientOnlyOnHandout:
            Phrase(ru: "Получатель и мероприятие указываются только при выдаче.",
                   en: "A recipient and an event belong to handouts only.")
        case .unknownBox(let code):
            Phrase(ru: "Бокса «\(code)» нет.", en: "There is no box “\(code)”.")
        case .badBoxCode(let text, let problem):
            switch problem {
            case .empty:
                Phrase(ru: "Код бокса не указан.", en: "No box code was given.")
            case .invalidCharacter(let ch):
                Phrase(ru: "В коде бокса «\(text)» есть лишний знак «\(ch)»: код выглядит как B-7K3QX.",
                       en: "The box code “\(text)” has a stray character “\(ch)”: a code looks like B-7K3QX.")
            case .wrongLength:
                Phrase(ru: "«\(text)» не похоже на код бокса: код выглядит как B-7K3QX (буква B и пять знаков).",
                       en: "“\(text)” does not look like a box code: a code looks like B-7K3QX (the letter B and five symbols).")
            case .severalCodes(let first, let second):
                Phrase(ru: "В «\(text)» два кода боксов, \(first) и \(second): укажите один.",
                       en: "“\(text)” holds two box codes, \(first) and \(second): give one.")
            case .wrongCheck:
                BoxCodeWords.wrongCheck(text)
            }
        case .boxRetired(let code):
            Phrase(ru: "Бокс \(code) выведен из работы: в него нельзя принимать вещи.",
                   en: "Box \(code) is retired: nothing can be put into it.")
        case .eventOnAnotherDay(let event, let held, let date):
            Phrase(ru: "Мероприятие «\(event)» было \(held), а выдача датирована \(date).",
                   en: "The event “\(event)” was held on \(held), but the handout is dated \(date).")
        case .recipientForgotten(let code):
            Phrase(ru: "\(code) — получатель, забытый по 152-ФЗ: ему ничего не записывают. Если человек пришёл снова, зарегистрируйте его новым кодом.",
                   en: "\(code) is a recipient forgotten under 152-FZ: nothing is recorded for them. If the person came again, register them under a new code.")
        case .recipientDetailsWithoutRecipient:
            Phrase(ru: "Группа и состав семьи описывают получателя: укажите и его код.",
                   en: "A group and a household describe a recipient: give their code too.")
        case .recipientDetailsDiffer(let code):
            Phrase(ru: "Получатель \(code) уже зарегистрирован с другой группой или составом семьи.",
                   en: "Recipient \(code) is registered with another group or household.")
        case .futureEvent(let date, let today):
            Phrase(ru: "Мероприятие \(date) ещё не прошло (сегодня \(today)): его записывают, когда оно состоялось, с числом участников.",
                   en: "The event on \(date) has not happened yet (today is \(today)): record it once it has, with its participants.")
        case .consentNotYet(let date, let today):
            Phrase(ru: "Дата согласия \(date) ещё не наступила (сегодня \(today)): контакт хранят только с данного согласия. Проверьте дату.",
                   en: "The consent date \(date) has not come yet (today is \(today)): a contact is kept only once consent is given. Check the date.")
        case .registrationNotYet(let date, let today):
            Phrase(ru: "Дата регистрации \(date) ещё не наступила (сегодня \(today)). Проверьте год.",
                   en: "The registration date \(date) has not come yet (today is \(today)). Check the year.")
        case .futureDate(let date, let today):
            Phrase(ru: "Дата \(date) ещё не наступила (сегодня \(today)): движение записывают датой, когда оно было. Проверьте год.",
                   en: "\(date) has not come yet (today is \(today)): a movement is dated the day it happened. Check the year.")
        case .unknownCentre(let c):
            Phrase(ru: "Центра «\(c)» нет.", en: "There is no centre “\(c)”.")
        case .centreExists(let c):
            Phrase(ru: "Центр с кодом \(c) уже есть.", en: "A centre with the code \(c) exists already.")
        case .badCentreCode(let c):
            Phrase(ru: "Код центра «\(c)» не годится: от 2 до 8 латинских букв или цифр, например PRE.",
                   en: "The centre code “\(c)” will not do: 2 to 8 Latin letters or digits, such as PRE.")
        case .unknownCategory(let c):
            Phrase(ru: "Категории «\(c)» нет.", en: "There is no category “\(c)”.")
        case .categoryExists(let c):
            Phrase(ru: "Название «\(c)» уже занято другой категорией.", en: "The name “\(c)” is taken by a category already.")
        case .badCategoryCode(let c):
            Phrase(ru: "Код категории «\(c)» не годится: латинские буквы, цифры и дефис, например winter-boots.",
                   en: "The category code “\(c)” will not do: Latin letters, digits and hyphens, such as winter-boots.")
        case .unknownGroup(let g):
            Phrase(ru: "Группы «\(g)» нет.", en: "There is no group “\(g)”.")
        case .unknownRecipient(let r):
            Phrase(ru: "Получателя «\(r)» нет.", en: "There is no recipient “\(r)”.")
        case .recipientExists(let r):
            Phrase(ru: "Получатель с кодом \(r) уже есть.", en: "A recipient with the code \(r) exists already.")
        case .badRecipientCode(let r):
            Phrase(ru: "Код получателя «\(r)» не годится: до 32 букв, цифр и дефисов, без пробелов (номер карточки, а не имя).",
                   en: "The recipient code “\(r)” will not do: up to 32 letters, digits and hyphens, no spaces (a card number, not a name).")
        case .badHouseholdSize(let s):
            Phrase(ru: "Размер семьи должен быть целым числом от 1 до 50, а не «\(s)».",
                   en: "The household size must be a whole number from 1 to 50, not “\(s)”.")
        case .unknownEvent(let e):
            Phrase(ru: "Мероприятия «\(e)» нет.", en: "There is no event “\(e)”.")
        case .eventExists(let e, let d):
            Phrase(ru: "Мероприятие «\(e)» на \(d) уже есть.", en: "The event “\(e)” on \(d) exists already.")
        case .unknownMovement(let m):
            Phrase(ru: "Движения №\(m) нет.", en: "There is no movement #\(m).")
        case .alreadyUndone(let id, let by):
            Phrase(ru: "Движение №\(id) уже отменено движением №\(by).", en: "Movement #\(id) was undone already, by movement #\(by).")
        case .cannotUndoReversal(let id):
            Phrase(ru: "Движение №\(id) само является отменой. Чтобы вернуть отменённое, запишите его заново.",
                   en: "Movement #\(id) is itself an undo. To bring back what it undid, record it again.")
        case .insufficientStock(let box, let category, let available, let asked, let on):
            Phrase(ru: "В боксе \(box) на \(on) категории «\(category.ru)» \(available) шт., а нужно \(asked). Проверьте количество, бокс и дату, или сначала запишите приём.",
                   en: "Box \(box) holds \(available) of “\(category.en)” on \(on), but \(asked) were asked for. Check the quantity, box and date, or record the intake first.")
        case .undoWouldShort(let id, let box, let category, let available, let asked, let on):
            Phrase(ru: "Отменить №\(id) нельзя: вещи уже ушли из бокса \(box) — на \(on) там «\(category.ru)» \(available) шт., а отмена забирает \(asked). Сначала отмените выдачу или перемещение, которые их забрали.",
                   en: "Movement #\(id) cannot be undone: its things have left box \(box) — it holds \(available) of “\(category.en)” on \(on), and the undo takes \(asked). Undo the handout or transfer that took them first.")
        case .codeAlreadyIssued(let c):
            Phrase(ru: "Код \(c) уже выдан другому боксу.", en: "The code \(c) was issued to another box already.")
        case .codeNotIssued(let c):
            Phrase(ru: "Код \(c) не выдавался.", en: "The code \(c) was never issued.")
        case .codeAlreadyUsed(let c):
            Phrase(ru: "Код \(c) уже принадлежит боксу.", en: "The code \(c) belongs to a box already.")
        case .codesExhausted:
            Phrase(ru: "Коды боксов закончились.", en: "No box codes are left.")
        case .badTimeZone(let z):
            Phrase(ru: "Часовой пояс «\(z)» неизвестен: пишите, например, Asia/Yekaterinburg.",
                   en: "The time zone “\(z)” is unknown: write, for example, Asia/Yekaterinburg.")
        case .badFormat(let f):
            Phrase(ru: "Формат «\(f)» не поддерживается здесь.", en: "The format “\(f)” is not supported here.")
        case .formatAndExtensionDiffer(let format, let path):
            Phrase(ru: "Файл \(path) по расширению — не \(format).", en: "The file \(path) is not \(format) by its extension.")
        case .badLanguage(let l):
            Phrase(ru: "Язык «\(l)» не поддерживается: ru или en.", en: "The language “\(l)” is not supported: ru or en.")
        case .alreadyInitialised(let p):
            Phrase(ru: "База \(p) уже создана.", en: "The database \(p) exists already.")
        case .fileInTheWay(let p):
            Phrase(ru: "\(p) уже есть, и это не база Дармарки.", en: "\(p) exists and is not a Darmarka database.")
        case .noSuchFolder(let p):
            Phrase(ru: "Папки \(p) нет: создайте её или укажите файл в другой папке.",
                   en: "There is no folder \(p): create it or name a file in another folder.")
        case .noBackup(let p):
            Phrase(ru: "Файла \(p) нет.", en: "There is no file \(p).")
        case .notABackup(let p):
            Phrase(ru: "\(p) — не копия базы Дармарки.", en: "\(p) is not a copy of a Darmarka database.")
        case .backupIsFolder(let p):
            Phrase(ru: "\(p) — папка, а нужен файл.", en: "\(p) is a folder.")
        case .periodBackwards(let from, let to):
            Phrase(ru: "Период кончается (\(to)) раньше, чем начинается (\(from)): поменяйте даты местами.",
                   en: "The period ends (\(to)) before it starts (\(from)): swap the dates.")
        case .emptyName:
            Phrase(ru: "Название пустое.", en: "The name is empty.")
        case .nameNotOneLine(let name):
            Phrase(ru: "Название «\(name)» — не в одну строку: уберите переводы строк и табуляции.",
                   en: "The name “\(name)” is not on one line: take out the line breaks and tabs.")
        case .notPositive(_, let value):
            Phrase(ru: "Число должно быть от 1, а здесь \(value).", en: "The number must be 1 or more, not \(value).")
        case .badYear(let y):
            Phrase(ru: "Год «\(y)» не понят: пишите четыре цифры, например 2026.",
                   en: "The year “\(y)” is not understood: write four digits, such as 2026.")
        case .badPeriod(let p):
            Phrase(ru: "Период «\(p)» не понят: пишите год (2026), месяц (2026-11) или даты через две точки (2026-03-01..2027-02-28).",
                   en: "The period “\(p)” is not understood: write a year (2026), a month (2026-11) or two dates with two dots (2026-03-01..2027-02-28).")
        case .noDatabase(let p):
            Phrase(ru: "Базы \(p) нет.", en: "There is no database at \(p).")
        case .damaged(let p):
            Phrase(ru: "Файл \(p) повреждён: SQLite не может его прочитать.", en: "The file \(p) is damaged: SQLite cannot read it.")
        case .notDarmarkaDatabase(let p):
            Phrase(ru: "Файл \(p) — не база Дармарки.", en: "The file \(p) is not a Darmarka database.")
        case .newerDatabase(let p):
            Phrase(ru: "База \(p) создана более новой версией Дармарки. Обновите программу.",
                   en: "The database \(p) was made by a newer Darmarka. Update the program.")
        case .cannotOpen(let p, let why):
            Phrase(ru: "Не удалось открыть базу \(p): \(SystemReasons.phrase(why).ru).",
                   en: "Could not open the database \(p): \(SystemReasons.phrase(why).en).")
        case .databaseBusy(let p):
            Phrase(ru: "База \(p) занята другой программой слишком долго. Повторите позже.",
                   en: "The database \(p) was busy in another program for too long. Try again later.")
        case .contactWithoutConsent:
            Phrase(ru: "Контакт хранится только с датой согласия (152-ФЗ).",
                   en: "A contact is kept only with the date consent was given (152-FZ).")
        case .outputExists(let p):
            Phrase(ru: "Файл \(p) уже есть.", en: "The file \(p) exists already.")
        case .outputIsFolder(let p):
            Phrase(ru: "\(p) — папка, а не файл; Дармарка не заменяет папки и ничего в них не удаляет. Укажите путь к файлу, например внутри этой папки.",
                   en: "\(p) is a folder, not a file; Darmarka never replaces a folder or deletes anything in it. Give a file's path, for example one inside that folder.")
        case .cannotWrite(let p, let why):
            Phrase(ru: "Не удалось записать \(p): \(SystemReasons.phrase(why).ru).",
                   en: "Could not write \(p): \(SystemReasons.phrase(why).en).")
        case .backupFailsCheck(let p, let why):
            Phrase(ru: "Копия \(p) не прошла проверку и не восстановлена: \(why.ru)", en: "The backup \(p) fails the check and was not restored: \(why.en)")
        case .checkFailed(let n):
            Phrase(ru: "Проверка нашла \(n) \(plural(n, "ошибку", "ошибки", "ошибок")).", en: "The check found \(n) problem\(n == 1 ? "" : "s").")
        case .unexpected(let m):
            Phrase(ru: "Непредвиденная ошибка: \(m). Ничего не записано; сообщите разработчикам.",
                   en: "Unexpected error: \(m). Nothing was written; please report it.")
        case .outputIsLink(let p, let target):
            Phrase(ru: "\(p) — символическая ссылка на \(target); Дармарка не пишет через ссылки и не заменяет их. Укажите сам файл, например \(target).",
                   en: "\(p) is a symbolic link to \(target); Darmarka neither writes through links nor replaces them. Name the file itself, such as \(target).")
        case .outputIsSpecial(let p, let kind):
            Phrase(ru: "\(p) — \(kind.phrase.ru), а не обычный файл; Дармарка пишет только в обычные файлы.",
                   en: "\(p) is \(kind.phrase.en), not a regular file; Darmarka writes regular files only.")
        case .cannotWriteOutput(let why):
            Phrase(ru: "Не удалось вывести результат: \(SystemReasons.phrase(why).ru). Освободите место или укажите другой файл.",
                   en: "Could not write the output: \(SystemReasons.phrase(why).en). Free some space or name another file.")
        case .staleSharedMemory(let shm):
            Phrase(ru: "Файл \(shm) остался от другого пользователя, и база открывается только для чтения. Закройте все программы с этой базой и удалите \(shm) (данных в нём нет).",
                   en: "The file \(shm) was left by another user, so the database opens read-only. Close every program using this database and delete \(shm) (it holds no data).")
        case .schemaDamaged(let p):
            Phrase(ru: "Защита журнала в базе \(p) изменена не Дармаркой, поэтому запись в неё запрещена.",
                   en: "The ledger's guards in \(p) were changed outside Darmarka, so nothing is written to it.")
        case .textTooLong(let what, let length, let limit):
            Phrase(ru: "\(what.phrase.ru) длиной \(NumberText.grouped(length, .ru)) \(plural(length, "знак", "знака", "знаков")) \(what.tooLongRu): можно не больше \(NumberText.grouped(limit, .ru)). Сократите текст.",
                   en: "\(what.phrase.en) of \(NumberText.grouped(length, .en)) characters is too long: at most \(NumberText.grouped(limit, .en)) are allowed. Shorten it.")
        case .noteHasControlCharacters(let shown):
            Phrase(ru: "В примечании «\(shown)» есть управляющие символы (кроме переноса строки их нельзя). Напишите его обычным текстом.",
                   en: "The note “\(shown)” has control characters (only line breaks are allowed). Write it as plain text.")
        case .dateTooEarly(let d, let earliest):
            Phrase(ru: "Дата «\(d)» раньше \(earliest.year) года — наверное, опечатка в годе. Даты берутся с \(earliest).",
                   en: "The date “\(d)” is before \(earliest.year), most likely a typo in the year. Dates are taken from \(earliest) on.")
        case .invalidArguments(let m):
            Phrase(ru: "Неверные аргументы: \(ArgumentMessages.sentence(ArgumentMessages.russian(m))) Справка: darmarka --help.",
                   en: "Invalid arguments: \(ArgumentMessages.sentence(m)) See darmarka --help.")
        case .weightTooLarge(let w):
            Phrase(ru: "Вес «\(w)» больше предела в \(NumberText.grouped(Int(Grams.maximumKilograms), .ru)) кг — опечатка? Укажите вес одной записи в килограммах.",
                   en: "The weight “\(w)” is above the limit of \(NumberText.grouped(Int(Grams.maximumKilograms), .en)) kg — a typo? Give one entry's weight in kilograms.")
        case .codePrintedForAnotherCentre(let code, let printedFor, let claimedAt):
            Phrase(ru: "Код \(code) напечатан для центра \(printedFor), а бокс регистрируется в \(claimedAt).",
                   en: "The code \(code) was printed for centre \(printedFor), but the box is being registered at \(claimedAt).")
        case .badCondition(let c):
            Phrase(ru: "Состояние «\(c)» непонятно: новое, хорошее, ремонт (требует ремонта или стирки) или утиль.",
                   en: "The condition “\(c)” is not understood: new, good, repair (needs repair or washing) or recycle.")
        case .unknownCommand(let name, let suggestion, let parent):
            Phrase(ru: "Нет команды «\(name)»." + (suggestion.map { " Может быть, \($0)?" } ?? "") + " Список команд: \(parent) --help.",
                   en: "There is no command “\(name)”." + (suggestion.map { " Did you mean \($0)?" } ?? "") + " See the commands with \(parent) --help.")
        case .invalidArgumentsOf(let m, let command):
            Phrase(ru: "Неверные аргументы: \(ArgumentMessages.sentence(ArgumentMessages.russian(m))) Справка: \(command) --help.",
                   en: "Invalid arguments: \(ArgumentMessages.sentence(m)) See \(command) --help.")
        }
    }
}

/// What other than a regular file or a folder can stand where output was to go.
public enum SpecialFile: Sendable, Equatable {
    case device, fifo, socket

    var phrase: Phrase {
        switch self {
        case .device: Phrase(ru: "устройство", en: "a device")
        case .fifo: Phrase(ru: "именованный канал (FIFO)", en: "a named pipe (FIFO)")
        case .socket: Phrase(ru: "сокет", en: "a socket")
        }
    }
}
