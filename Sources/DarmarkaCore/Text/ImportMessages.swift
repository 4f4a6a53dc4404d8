/// Everything the journal importer tells people, in Russian and English.
/// Each message says what is wrong and, where it helps, what to do; the
/// file, line and column are put in front of it by `ImportError` and
/// `JournalProblem`.
public enum ImportMessage: Localized, Equatable {
    /// A rule of `Ledger.refusals` broken by a row: in the words the command
    /// line uses for it, as a clause.
    public init(_ problem: LedgerProblem) {
        switch problem {
        case .futureDate(let date, let today): self = .futureDate(date, today: today)
        case .boxRetired(let code): self = .boxRetired(code)
        case .recipientForgotten(let code): self = .recipientForgotten(code)
        default: self = .refused(problem)
        }
    }

    // The whole file.
    case emptyFile
    case unterminatedQuote
    case fieldTooLong(limit: Int)
    case tooManyFields(limit: Int)
    case headerNotUTF8
    case missingColumns([JournalField])
    case duplicateColumn(JournalField, titles: [String])
    case unknownColumns([String])
    case readFailed(String)

    // One row.
    case notUTF8
    case extraValues(found: Int, columns: Int)
    case missing(JournalField)
    case badDate(String)
    case unknownOperation(String)
    case adjustmentNotImported
    case badBox(String, CodeProblem)
    case transferNeedsTargetBox
    case transferToSameBox
    case targetBoxOnlyForTransfers(MovementKind)
    case badQuantity(String)
    case quantityTooLarge(String)
    case badWeight(String)
    case weightTooLarge(String)
    /// A name (event, volunteer) with a line break: shown with it made visible.
    case notOneLine(String)
    case recipientForgotten(String)
    case negativeWeight(String)
    case weightTooPrecise(String)
    case unknownCondition(String)
    case onlyForHandouts(JournalField, MovementKind)

    // One row, against the database.
    case unknownBox(String)
    case boxRetired(String)
    case futureDate(LocalDate, today: LocalDate)
    case unknownCategory(String)
    case unknownGroup(String)
    case badRecipientCode(String)
    /// On `on`, the box would hold `held` before the file's takes of that
    /// day, which ask for `asked`.
    case insufficientStock(box: String, category: Phrase, held: Int, asked: Int, on: LocalDate)
    /// The row leaves too little for movements recorded before the import,
    /// later on: on `on` the box would be `short` items below zero.
    case shortLater(box: String, category: Phrase, short: Int, on: LocalDate)
    case movementRowsDiffer(String)

    // Reference files: boxes, recipients, events.
    case missingReferenceColumns([String])
    case duplicateReferenceColumn(String)
    case required(String)
    case unknownCentre(String)
    case badCentreCode(String)
    case badBoxKind(String)
    case boxElsewhere(code: String, centre: String)
    case codeRepeated(String, line: Int)
    case badHousehold(String)
    case recipientDiffers(String)
    case badParticipants(String)
    case eventDiffers(String, LocalDate)
    /// Anything else the store refused, in its own words.
    case refused(LedgerProblem)
    /// A category's or a group's word that names none, or several.
    case words(CatalogueWordProblem)
    /// A recipient's code that fits several registered ones.
    case recipient(RecipientProblem)
    /// A date written right that the calendar does not have (31.02.2026).
    case noSuchDate(String)
    /// A real date before `LocalDate.earliest`.
    case dateTooEarly(String)
    /// Rows that would correct a movement of the ledger and cannot.
    case correction(CorrectionProblem)
    /// An Excel workbook that cannot be read as one.
    case workbook(WorkbookProblem)

    public var phrase: Phrase {
        switch self {
        case .emptyFile:
            Phrase(ru: "файл пуст: в нём нет даже строки заголовка",
                   en: "the file is empty: there is not even a header row")
        case .unterminatedQuote:
            Phrase(ru: "кавычка, открытая в этой строке, так и не закрыта до конца файла; кавычку внутри значения пишут дважды: \"\"",
                   en: "a quote opened on this line is never closed before the end of the file; a quote inside a value is written twice: \"\"")
        case .fieldTooLong(let limit):
            Phrase(ru: "значение длиннее \(size(limit, .ru)) — скорее всего, в этой строке не закрыта кавычка",
                   en: "a value longer than \(size(limit, .en)) — most likely a quote on this line is not closed")
        case .tooManyFields(let limit):
            Phrase(ru: "в строке больше \(limit) столбцов: это не журнал, или разделитель угадан неверно (укажите --delimiter)",
                   en: "more than \(limit) columns in a row: this is not a journal, or the delimiter was guessed wrong (pass --delimiter)")
        case .headerNotUTF8:
            Phrase(ru: "заголовок не читается как UTF-8: пересохраните файл в UTF-8 или укажите --encoding cp1251",
                   en: "the header is not valid UTF-8: save the file as UTF-8 again or pass --encoding cp1251")
        case .missingColumns(let fields):
            Phrase(ru: "нет нужных столбцов: \(fields.map { "«\($0.header(.ru))» (\($0.header(.en)))" }.joined(separator: ", ")). Первая строка файла — заголовок: \(requiredList(.ru))",
                   en: "required columns are missing: \(fields.map { "“\($0.header(.en))” (\($0.header(.ru)))" }.joined(separator: ", ")). The first row of the file is the header: \(requiredList(.en))")
        case .duplicateColumn(let field, let titles):
            Phrase(ru: "столбец «\(field.header(.ru))» повторяется: \(quoted(titles, .ru)) — оставьте один",
                   en: "column “\(field.header(.en))” appears more than once: \(quoted(titles, .en)) — keep one")
        case .unknownColumns(let titles):
            Phrase(ru: "незнакомые столбцы пропущены: \(quoted(titles, .ru))",
                   en: "unknown columns are skipped: \(quoted(titles, .en))")
        case .readFailed(let reason):
            Phrase(ru: "не удалось прочитать файл: \(reason)", en: "could not read the file: \(reason)")

        case .notUTF8:
            Phrase(ru: "текст здесь не в UTF-8, как остальной файл: пересохраните файл в UTF-8 или укажите --encoding cp1251",
                   en: "the text here is not UTF-8 like the rest of the file: save the file as UTF-8 again or pass --encoding cp1251")
        case .extraValues(let found, let columns):
            Phrase(ru: "в строке \(found) \(plural(found, "значение", "значения", "значений")), а в заголовке \(columns) \(plural(columns, "столбец", "столбца", "столбцов")): наверное, в значении есть разделитель без кавычек (например, вес 2,5 в файле с запятыми)",
                   en: "the row has \(found) values but the header has \(columns) columns: probably a value holds the delimiter without quotes (such as a weight of 2,5 in a comma-separated file)")
        case .missing(let field):
            Phrase(ru: "пусто, а «\(field.header(.ru))» нужно указать в каждой строке",
                   en: "empty, but every row needs “\(field.header(.en))”")
        case .badDate(let text):
            Phrase(ru: "дата пишется как 2026-11-03, 03.11.2026 или 03.11.26, можно со временем 14:30, а здесь «\(text)»",
                   en: "a date is written as 2026-11-03, 03.11.2026 or 03.11.26, optionally with a time such as 14:30, not “\(text)”")
        case .unknownOperation(let text):
            Phrase(ru: "неизвестная операция «\(text)»: пишите приём, выдача, перемещение, списание, излишек или недостача",
                   en: "unknown operation “\(text)”: use intake, handout, transfer, writeoff, surplus or shortage")
        case .adjustmentNotImported:
            Phrase(ru: "у корректировки в журнале нет знака: пишите «излишек» (насчитали больше, чем по учёту) или «недостача» (меньше)",
                   en: "an adjustment in a journal has no sign: write “surplus” (more counted than the books say) or “shortage” (fewer)")
        case .badBox(let text, let problem):
            boxPhrase(text, problem)
        case .transferNeedsTargetBox:
            Phrase(ru: "для перемещения нужен бокс, куда перемещают (столбец «в бокс»)",
                   en: "a transfer needs the box things go to (column “to_box”)")
        case .transferToSameBox:
            Phrase(ru: "перемещение в тот же бокс, из которого берут: проверьте «бокс» и «в бокс»",
                   en: "a transfer into the box it takes from: check “box” and “to_box”")
        case .targetBoxOnlyForTransfers(let kind):
            Phrase(ru: "«в бокс» заполняют только для перемещений, а здесь \(kind.phrase.ru): не перепутаны ли столбцы или операция?",
                   en: "“to_box” is only for transfers, not for \(article(kind)) \(kind.phrase.en): are the columns or the operation mixed up?")
        case .badQuantity(let text):
            Phrase(ru: "количество должно быть целым числом больше нуля, а здесь «\(text)»",
                   en: "quantity must be a whole number above zero, not “\(text)”")
        case .quantityTooLarge(let text):
            Phrase(ru: "количество «\(text)» больше \(Quantity.maximum) — опечатка?",
                   en: "quantity “\(text)” is more than \(Quantity.maximum) — a typo?")
        case .badWeight(let text):
            Phrase(ru: "вес пишут числом килограммов, например 2,5 или 0.75, а здесь «\(text)»",
                   en: "weight is a number of kilograms such as 2.5 or 0,75, not “\(text)”")
        case .recipientForgotten(let code):
            // The command line's words for the same rule; the code is kept as written.
            LedgerProblem.recipientForgotten(code).phrase.map { text, _ in text.hasSuffix(".") ? String(text.dropLast()) : text }
        case .notOneLine(let text):
            Phrase(ru: "«\(text)» — не в одну строку: здесь пишут имя или название без переводов строк",
                   en: "“\(text)” is not on one line: this column takes a name without line breaks")
        case .weightTooLarge(let text):
            Phrase(ru: "вес «\(text)» больше \(NumberText.grouped(Int(Grams.maximumKilograms), .ru)) кг — опечатка?",
                   en: "weight “\(text)” is more than \(NumberText.grouped(Int(Grams.maximumKilograms), .en)) kg — a typo?")
        case .negativeWeight(let text):
            Phrase(ru: "вес не может быть отрицательным, а здесь «\(text)»",
                   en: "weight cannot be negative, and here it is “\(text)”")
        case .weightTooPrecise(let text):
            Phrase(ru: "вес «\(text)» точнее грамма: оставьте не больше трёх знаков после запятой",
                   en: "weight “\(text)” is finer than a gram: keep at most three decimals")
        case .unknownCondition(let text):
            Phrase(ru: "неизвестное состояние «\(text)»: пишите новое, хорошее, ремонт или утиль",
                   en: "unknown condition “\(text)”: use new, good, repair or recycle")
        case .onlyForHandouts(let field, let kind):
            Phrase(ru: "«\(field.header(.ru))» заполняют только при выдаче, а здесь \(kind.phrase.ru)",
                   en: "“\(field.header(.en))” is only for handouts, not for \(article(kind)) \(kind.phrase.en)")

        case .unknownBox(let code):
            Phrase(ru: "бокса \(code) в этой базе нет: проверьте код по наклейке или сначала загрузите боксы (darmarka import --kind boxes)",
                   en: "there is no box \(code) in this database: check the code on the label, or import the boxes first (darmarka import --kind boxes)")
        case .boxRetired(let code):
            LedgerProblem.boxRetired(code).phrase.asClause
        case .futureDate(let date, let today):
            LedgerProblem.futureDate(date, today: today).phrase.asClause
        case .unknownCategory(let text):
            Phrase(ru: "категории «\(text)» нет: список — darmarka category list, другое название — darmarka category alias",
                   en: "there is no category “\(text)”: see darmarka category list, or add another name with darmarka category alias")
        case .unknownGroup(let text):
            Phrase(ru: "группы получателей «\(text)» нет: список — darmarka group list",
                   en: "there is no recipient group “\(text)”: see darmarka group list")
        case .badRecipientCode(let text):
            Phrase(ru: "код получателя «\(text)» не годится: до 32 букв, цифр и дефисов, без пробелов (номер карточки, а не имя)",
                   en: "the recipient code “\(text)” will not do: up to 32 letters, digits and hyphens, no spaces (a card number, not a name)")
        case .insufficientStock(let box, let category, let held, let asked, let on):
            Phrase(ru: "в боксе \(box) на \(on) «\(category.ru)» \(held) шт., а нужно \(asked)",
                   en: "box \(box) holds \(held) of “\(category.en)” on \(on), \(asked) asked")
        case .shortLater(let box, let category, let short, let on):
            Phrase(ru: "после этой строки в боксе \(box) на \(on) не хватит \(short) шт. «\(category.ru)» для движений, уже записанных в базе",
                   en: "after this row box \(box) would be \(short) short of “\(category.en)” on \(on), for movements already in the database")
        case .movementRowsDiffer(let number):
            Phrase(ru: "строки движения «\(number)» расходятся: у строк одного движения одинаковы дата, операция, боксы, получатель, группа, мероприятие, волонтёр и примечание",
                   en: "the rows of movement “\(number)” differ: the rows of one movement share date, operation, boxes, recipient, group, event, volunteer and note")

        case .missingReferenceColumns(let titles):
            Phrase(ru: "нет нужных столбцов: \(quoted(titles, .ru)). Первая строка файла — заголовок",
                   en: "required columns are missing: \(quoted(titles, .en)). The first row of the file is the header")
        case .duplicateReferenceColumn(let title):
            Phrase(ru: "столбец «\(title)» повторяется — оставьте один", en: "column “\(title)” appears more than once — keep one")
        case .required(let title):
            Phrase(ru: "пусто, а «\(title)» нужно указать в каждой строке", en: "empty, but every row needs “\(title)”")
        case .unknownCentre(let code):
            Phrase(ru: "центра «\(code)» нет: добавьте его (darmarka centre add) или заполните столбец «название центра»",
                   en: "there is no centre “\(code)”: add it (darmarka centre add) or fill in the column “centre_name”")
        case .badCentreCode(let code):
            Phrase(ru: "код центра «\(code)» не годится: от 2 до 8 латинских букв или цифр, например PRE",
                   en: "the centre code “\(code)” will not do: 2 to 8 Latin letters or digits, such as PRE")
        case .badBoxKind(let text):
            Phrase(ru: "вид бокса «\(text)» неизвестен: сбор, хранение или сортировка (collection, storage, sorting)",
                   en: "unknown box kind “\(text)”: collection, storage or sorting")
        case .boxElsewhere(let code, let centre):
            Phrase(ru: "бокс \(code) уже зарегистрирован в центре \(centre)", en: "box \(code) is registered at centre \(centre) already")
        case .codeRepeated(let code, let line):
            Phrase(ru: "«\(code)» уже было в строке \(line) этого файла", en: "“\(code)” was on line \(line) of this file already")
        case .badHousehold(let text):
            Phrase(ru: "размер семьи — целое число от 1 до 50, а здесь «\(text)»",
                   en: "the household size is a whole number from 1 to 50, not “\(text)”")
        case .recipientDiffers(let code):
            Phrase(ru: "получатель \(code) уже есть, с другой группой, размером семьи или датой: загрузка не меняет записанных получателей",
                   en: "recipient \(code) exists already with another group, household size or date: an import does not change recipients")
        case .badParticipants(let text):
            Phrase(ru: "число участников — целое число от 0 до \(Quantity.maximum), а здесь «\(text)»",
                   en: "the number of participants is a whole number from 0 to \(Quantity.maximum), not “\(text)”")
        case .eventDiffers(let name, let date):
            Phrase(ru: "мероприятие «\(name)» на \(date) уже есть, с другим центром или числом участников: загрузка его не меняет",
                   en: "the event “\(name)” on \(date) exists already with another centre or number of participants: an import does not change it")
        case .refused(let problem):
            problem.phrase
        case .words(let problem):
            problem.clause
        case .recipient(let problem):
            problem.phrase
        case .dateTooEarly(let text):
            Phrase(ru: "дата «\(text)» раньше \(LocalDate.earliest.year) года — наверное, опечатка в годе",
                   en: "the date “\(text)” is before \(LocalDate.earliest.year), most likely a typo in the year")
        case .noSuchDate(let text):
            Phrase(ru: "такой даты нет: «\(text)» — проверьте число и месяц",
                   en: "there is no such date: “\(text)” — check the day and the month")
        case .correction(let problem):
            problem.phrase
        case .workbook(let problem):
            problem.phrase
        }
    }
}

private func boxPhrase(_ text: String, _ problem: CodeProblem) -> Phrase {
    switch problem {
    case .empty:
        return Phrase(ru: "код бокса пуст", en: "the box code is empty")
    case .invalidCharacter(let ch):
        return Phrase(ru: "в коде бокса «\(text)» есть «\(ch)», а в кодах такого символа не бывает (коды вида B-7K3QX)",
                      en: "the box code “\(text)” has “\(ch)”, which box codes never contain (codes look like B-7K3QX)")
    case .wrongLength(let n):
        // `n` counts the B when it was typed, so the whole code is described.
        return Phrase(ru: "в коде бокса «\(text)» \(n) \(plural(n, "символ", "символа", "символов")), а нужно 6: B и ещё пять, как в B-7K3QX (B можно не писать)",
                      en: "the box code “\(text)” has \(n) symbol\(n == 1 ? "" : "s"), but codes have 6: B and five more, as in B-7K3QX (the B may be left out)")
    case .severalCodes(let first, let second):
        return Phrase(ru: "в «\(text)» два кода боксов, \(first) и \(second) — оставьте один",
                      en: "“\(text)” holds two box codes, \(first) and \(second) — keep one")
    case .wrongCheck:
        return BoxCodeWords.wrongCheck(text).asClause
    }
}

private func requiredList(_ lang: Lang) -> String {
    JournalField.allCases.filter(\.isRequired).map { $0.header(lang) }.joined(separator: ", ")
}

private func quoted(_ titles: [String], _ lang: Lang) -> String {
    titles.map { lang == .ru ? "«\($0)»" : "“\($0)”" }.joined(separator: ", ")
}

private func article(_ kind: MovementKind) -> String {
    kind == .intake || kind == .adjustment ? "an" : "a"
}

private func size(_ bytes: Int, _ lang: Lang) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) \(lang == .ru ? "МиБ" : "MiB")" }
    if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) \(lang == .ru ? "КиБ" : "KiB")" }
    return "\(bytes) \(lang == .ru ? "байт" : "bytes")"
}
