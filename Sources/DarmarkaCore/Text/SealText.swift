/// Words about the ledger's seal (see `docs/ledger-seal.md`), notes that
/// name people, and `darmarka verify`.
public enum SealText {
    static func chainBroken(_ id: Int64) -> Phrase {
        Phrase(ru: "Печать журнала не сходится на движении №\(id): оно или движение до него изменено, добавлено или удалено в обход Дармарки. Верните базу из копии: darmarka restore КОПИЯ.",
               en: "The ledger's seal breaks at movement #\(id): it, or a movement before it, was changed, added or removed outside Darmarka. Bring back a backup: darmarka restore BACKUP.")
    }

    static func noteAltered(_ id: Int64) -> Phrase {
        Phrase(ru: "Примечание к движению №\(id) изменено в обход Дармарки (или стёрто без записи об этом).",
               en: "The note of movement #\(id) was changed outside Darmarka (or redacted with no record of it).")
    }

    /// A warning, not a refusal: the movement is recorded.
    public static func noteNamesRecipient(_ codes: [String]) -> Phrase {
        let list = codes.joined(separator: ", ")
        return Phrase(ru: "Внимание: примечание называет код получателя \(list). Если человека забудут (152-ФЗ), примечание будет стёрто; коды лучше указывать в --recipient, а не в примечании.",
                      en: "Warning: the note names recipient code \(list). If the person is forgotten (152-FZ) the note will be redacted; give codes with --recipient, not in a note.")
    }

    /// What `recipient forget` adds when it redacted notes.
    public static func notesRedacted(_ count: Int) -> Phrase {
        Phrase(ru: "Примечаний с этим кодом стёрто: \(count) (заменены на «\(SealForm.redacted)», печать журнала сохранена).",
               en: "Notes naming the code redacted: \(count) (now «\(SealForm.redacted)»; the ledger's seal still holds).")
    }

    /// The seal a report carries: the last movement it counts and its seal.
    public static func reportSeal(movement: Int64, hash: String) -> Phrase {
        if movement == 0 {
            return Phrase(ru: "Печать журнала: движений нет (0:\(hash))", en: "Ledger seal: no movements (0:\(hash))")
        }
        return Phrase(ru: "Печать журнала, движение №\(movement): \(movement):\(hash)",
                      en: "Ledger seal, movement #\(movement): \(movement):\(hash)")
    }

    /// The label of the seal's row in CSV and Excel.
    public static let sealLabel = Phrase(ru: "Печать журнала", en: "Ledger seal")

    public static func sealHolds(movement: Int64) -> Phrase {
        Phrase(ru: "Печать №\(movement) верна: журнал до этого движения не изменён.",
               en: "Seal #\(movement) holds: the ledger up to that movement is unchanged.")
    }

    public static func figuresSame(later: Int) -> Phrase {
        later == 0
            ? Phrase(ru: "Цифры отчёта те же, что даёт журнал сейчас.", en: "The report's figures are what the ledger gives now.")
            : Phrase(ru: "Цифры отчёта те же, что даёт журнал сейчас (после печати записано движений: \(later), на цифры периода они не повлияли).",
                     en: "The report's figures are what the ledger gives now (\(later) movements recorded after the seal did not change the period's figures).")
    }

    /// `verify` of a report whose figures the ledger no longer gives.
    static func figuresDiffer(later: Int) -> Phrase {
        later == 0
            ? Phrase(ru: "Цифры отчёта расходятся с журналом, хотя после печати ничего не записано: отчёт изменён или журнал подделан.",
                     en: "The report's figures differ from the ledger's although nothing was recorded after its seal: the report was edited or the ledger forged.")
            : Phrase(ru: "Цифры отчёта расходятся с журналом: после печати записано движений: \(later), возможно задним числом в период отчёта.",
                     en: "The report's figures differ from the ledger's: \(later) movements were recorded after the seal, perhaps back-dated into the report's period.")
    }

    static func sealDiffers(movement: Int64) -> Phrase {
        Phrase(ru: "Печать №\(movement) не совпадает с журналом: движение №\(movement) или одно из предыдущих изменено после отчёта.",
               en: "Seal #\(movement) does not match the ledger: movement #\(movement) or one before it changed after the report.")
    }

    static func noMovement(_ movement: Int64) -> Phrase {
        Phrase(ru: "В журнале нет движения №\(movement): отчёт не из этой базы, или движения удалены.",
               en: "The ledger has no movement #\(movement): the report is not from this database, or movements were removed.")
    }

    static func notASealedReport(_ path: String) -> Phrase {
        Phrase(ru: "\(path) — не JSON-отчёт Дармарки с печатью журнала. Сделайте отчёт с --format json или проверьте печать PDF: darmarka verify --seal НОМЕР:ПЕЧАТЬ.",
               en: "\(path) is not a Darmarka JSON report with a ledger seal. Make the report with --format json, or check a PDF's seal: darmarka verify --seal NUMBER:SEAL.")
    }

    static func badSeal(_ text: String) -> Phrase {
        Phrase(ru: "Печать «\(text)» не читается: нужен номер движения и 64 шестнадцатеричных знака, например 42:9f86d0…",
               en: "Seal «\(text)» cannot be read: give the movement number and 64 hexadecimal digits, e.g. 42:9f86d0…")
    }

    public static let redactionReason = "recipient forget"
}

/// What `darmarka verify` finds wrong with a report or a seal.
public enum SealProblem: UserFacingError, Equatable {
    case notASealedReport(String)
    case badSeal(String)
    case sealDiffers(movement: Int64)
    case noMovement(Int64)
    case figuresDiffer(later: Int)

    public var phrase: Phrase {
        switch self {
        case .notASealedReport(let path): SealText.notASealedReport(path)
        case .badSeal(let text): SealText.badSeal(text)
        case .sealDiffers(let movement): SealText.sealDiffers(movement: movement)
        case .noMovement(let movement): SealText.noMovement(movement)
        case .figuresDiffer(let later): SealText.figuresDiffer(later: later)
        }
    }
}
