/// Why rows that correct a movement of the ledger cannot: each is about the
/// first row that names the movement.
public enum CorrectionProblem: Sendable, Equatable, Localized {
    /// The movement was undone (by movement `by`): there is nothing left to correct.
    case undone(RowID, by: RowID)
    /// Rows naming the movement came earlier in the file, apart from these.
    case apart(RowID, line: Int)
    /// The file changes the movement but has fewer rows than it has lines.
    case missingLines(RowID, lines: Int, rows: Int)
    /// The row gives the movement another date, operation or box: it would
    /// be another movement (or this row is from another database's export).
    case otherMovement(RowID, was: Phrase)

    public var phrase: Phrase {
        switch self {
        case .undone(let id, let by):
            Phrase(ru: "движение №\(id) отменено (движением №\(by)) — исправлять нечего; чтобы записать строку как новую, очистите номер движения",
                   en: "movement #\(id) was undone (by movement #\(by)): there is nothing to correct; to record the row as a new one, clear its movement number")
        case .apart(let id, let line):
            Phrase(ru: "движение №\(id) уже исправлено строкой \(line): строки одного движения идут подряд",
                   en: "movement #\(id) was corrected by line \(line) already: the rows of one movement stand together")
        case .missingLines(let id, let lines, let rows):
            Phrase(ru: "в движении №\(id) \(lines) \(plural(lines, "строка", "строки", "строк")), а в файле \(rows): исправление переписывает движение целиком — верните остальные его строки",
                   en: "movement #\(id) has \(lines) lines and the file \(rows): a correction records the whole movement again — put its other rows back")
        case .otherMovement(let id, let was):
            Phrase(ru: "движение №\(id) — это \(was.ru); исправление не меняет дату, операцию и боксы: отмените №\(id) (darmarka undo \(id)) и запишите заново, а строку из выгрузки другой базы загрузите без номера движения",
                   en: "movement #\(id) is \(was.en); a correction keeps the date, operation and boxes: undo #\(id) (darmarka undo \(id)) and record it anew, and import a row of another database's export without its movement number")
        }
    }
}

/// What an import says about the movements it corrected.
public enum CorrectionNote: Sendable, Localized {
    /// How many movements were corrected, and the first of their numbers.
    case count(Int, movements: [RowID])
    /// `file:line: movement #12: quantity: 6 → 5`.
    case shown(file: String, ImportCorrection, changes: String)
    /// Line `n` of a movement of several lines.
    case lineNumber(Int)
    /// Corrections beyond those listed.
    case more(Int)

    public var phrase: Phrase {
        switch self {
        case .count(let n, let movements):
            let numbers = movements.map { "№\($0)" }.joined(separator: ", "), en = movements.map { "#\($0)" }.joined(separator: ", ")
            let rest = n > movements.count ? ", …" : ""
            return Phrase(ru: "Исправлено: \(n) (отменено и записано заново, как в файле: \(numbers)\(rest)).",
                          en: "Corrected: \(n) (undone and recorded again as the file says: \(en)\(rest)).")
        case .shown(let file, let correction, let changes):
            return Phrase(ru: "\(file):\(correction.line): движение №\(correction.movement): \(changes)",
                          en: "\(file):\(correction.line): movement #\(correction.movement): \(changes)")
        case .lineNumber(let n):
            return Phrase(ru: "строка \(n)", en: "line \(n)")
        case .more(let n):
            return Phrase(ru: "… и ещё \(n) \(plural(n, "исправление", "исправления", "исправлений")).",
                          en: "… and \(n) more correction\(n == 1 ? "" : "s").")
        }
    }
}
