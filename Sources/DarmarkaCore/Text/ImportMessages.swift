/// Everything the journal importer tells people, in Russian and English.
/// Each message says what is wrong and, where it helps, what to do; the
/// file, line and column are put in front of it by `ImportError` and
/// `JournalProblem`.
public enum ImportMessage: Localized, Equatable {
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
    case negativeWeight(String)
    case weightTooPrecise(String)
    case unknownCondition(String)
    case onlyForHandouts(JournalField, MovementKind)

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
            Phrase(ru: "неизвестная операция «\(text)»: пишите приём, выдача, перемещение или списание",
                   en: "unknown operation “\(text)”: use intake, handout, transfer or writeoff")
        case .adjustmentNotImported:
            Phrase(ru: "корректировки по пересчёту из журнала не загружаются: пересчитайте бокс в Дармарке",
                   en: "stock-take adjustments are not imported from a journal: count the box in Darmarka instead")
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
    case .wrongCheck:
        // The expected symbol is not shown: "fixing" the last symbol of a
        // mistyped code would make it a valid code of some other box.
        return Phrase(ru: "код бокса «\(text)» не сходится по последнему, проверочному символу — опечатка? Сверьте с этикеткой",
                      en: "the box code “\(text)” fails its last, check symbol — a typo? Compare it with the label")
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

/// The Russian word form for `n`: 1 значение, 2 значения, 5 значений.
private func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
    let n100 = abs(n) % 100, n10 = abs(n) % 10
    if (11 ... 14).contains(n100) { return many }
    if n10 == 1 { return one }
    if (2 ... 4).contains(n10) { return few }
    return many
}
