/// Something `darmarka check` found wrong with a database.
public enum Finding: Localized, Equatable {
    case integrity(String)
    case foreignKey(table: String, row: Int64, parent: String)
    case balanceDiffers(box: String, category: String, kept: Int, ledger: Int)
    case dayBalanceDiffers(box: String, category: String, day: String, kept: Int, ledger: Int)
    case reportTableDiffers(table: String, rows: Int)
    case negativeStock(box: String, category: String, day: String, quantity: Int)
    case badReversal(id: Int64, reverses: Int64, why: String)
    case notDarmarka
    /// A table, index or trigger that is not as the migrations make it:
    /// `change` is "missing", "changed" or "extra".
    case schemaDiffers(object: String, change: SchemaChange)
    /// A recipient's stored `code_key` is not its code folded: lookups would miss them.
    case recipientKeyStale(code: String)
    /// The ledger's chain of seals breaks at this movement: it, or one
    /// before it, was changed, added or removed outside Darmarka.
    case sealBroken(movement: Int64)
    /// A note's text no longer gives the digest its movement's seal holds,
    /// or a redacted note has no redaction recorded.
    case noteAltered(movement: Int64)

    public var phrase: Phrase {
        switch self {
        case .schemaDiffers(let object, let change):
            Phrase(ru: "Схема базы изменена не Дармаркой: \(object) — \(change.phrase.ru). Верните базу из копии: darmarka restore КОПИЯ.",
                   en: "The database's schema was changed outside Darmarka: \(object) — \(change.phrase.en). Bring back a backup: darmarka restore BACKUP.")
        case .integrity(let m):
            Phrase(ru: "Файл базы повреждён: \(m).", en: "The database file is damaged: \(m).")
        case .foreignKey(let t, let row, let parent):
            Phrase(ru: "Строка \(row) таблицы \(t) ссылается на несуществующую запись в \(parent).",
                   en: "Row \(row) of \(t) points at a missing row of \(parent).")
        case .balanceDiffers(let b, let c, let kept, let ledger):
            Phrase(ru: "Остаток бокса \(b), категория \(c): хранится \(kept), а по журналу \(ledger).",
                   en: "Stock of box \(b), category \(c): \(kept) kept, \(ledger) by the ledger.")
        case .dayBalanceDiffers(let b, let c, let d, let kept, let ledger):
            Phrase(ru: "Изменение остатка бокса \(b), категория \(c), за \(d): хранится \(kept), а по журналу \(ledger).",
                   en: "Change of stock of box \(b), category \(c), on \(d): \(kept) kept, \(ledger) by the ledger.")
        case .reportTableDiffers(let t, let rows):
            Phrase(ru: "Таблица \(t) для отчётов расходится с журналом в \(rows) строках.",
                   en: "The report table \(t) differs from the ledger in \(rows) rows.")
        case .negativeStock(let b, let c, let d, let q):
            Phrase(ru: "Отрицательный остаток: бокс \(b), категория \(c), на \(d): \(q).",
                   en: "Negative stock: box \(b), category \(c), on \(d): \(q).")
        case .badReversal(let id, let r, let why):
            Phrase(ru: "Отмена №\(id) не соответствует движению №\(r): \(why).", en: "Undo #\(id) does not match movement #\(r): \(why).")
        case .notDarmarka:
            Phrase(ru: "Это не база Дармарки.", en: "This is not a Darmarka database.")
        case .recipientKeyStale(let code):
            Phrase(ru: "Ключ поиска получателя \(code) не соответствует его коду: по коду его не найти.",
                   en: "The search key of recipient \(code) does not match the code: the code would not find them.")
        case .sealBroken(let id):
            SealText.chainBroken(id)
        case .noteAltered(let id):
            SealText.noteAltered(id)
        }
    }
}

/// How a schema object differs from what the migrations make.
public enum SchemaChange: String, Sendable, Equatable {
    case missing, changed, extra

    var phrase: Phrase {
        switch self {
        case .missing: Phrase(ru: "нет", en: "missing")
        case .changed: Phrase(ru: "изменено", en: "changed")
        case .extra: Phrase(ru: "лишнее", en: "not ours")
        }
    }
}
