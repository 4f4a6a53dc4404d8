/// The names of the domain's own kinds: of boxes, of movements, of the
/// condition things come in. Kept here so a translator sees every word.

extension BoxKind {
    public var phrase: Phrase {
        switch self {
        case .collection: Phrase(ru: "бокс для сбора", en: "collection box")
        case .storage: Phrase(ru: "хранение", en: "storage")
        case .sorting: Phrase(ru: "сортировка", en: "sorting")
        }
    }
}

extension BoxStatus {
    public var phrase: Phrase {
        switch self {
        case .active: Phrase(ru: "в работе", en: "active")
        case .retired: Phrase(ru: "выведен", en: "retired")
        }
    }
}

extension Condition {
    public var phrase: Phrase {
        switch self {
        case .new: Phrase(ru: "новое", en: "new")
        case .good: Phrase(ru: "хорошее", en: "good")
        case .repair: Phrase(ru: "требует ремонта или стирки", en: "needs repair or washing")
        case .recycle: Phrase(ru: "на переработку", en: "for recycling")
        }
    }

    /// A report's row of things received with no condition given.
    public static let notGiven = Phrase(ru: "не указано", en: "not given")
}

extension MovementKind {
    public var phrase: Phrase {
        switch self {
        case .intake: Phrase(ru: "приём", en: "intake")
        case .handout: Phrase(ru: "выдача", en: "handout")
        case .transfer: Phrase(ru: "перемещение", en: "transfer")
        case .writeoff: Phrase(ru: "списание", en: "write-off")
        case .adjustment: Phrase(ru: "корректировка", en: "adjustment")
        }
    }
}

extension AdjustmentSide {
    /// The word the journal writes.
    public var phrase: Phrase {
        switch self {
        case .surplus: Phrase(ru: "излишек", en: "surplus")
        case .shortage: Phrase(ru: "недостача", en: "shortage")
        }
    }
}

extension LongText {
    var phrase: Phrase {
        switch self {
        case .name: Phrase(ru: "Название", en: "A name")
        case .note: Phrase(ru: "Примечание", en: "A note")
        case .scannedLine: Phrase(ru: "Отсканированная строка", en: "A scanned line")
        }
    }

    /// "too long" agreeing with the Russian noun's gender.
    var tooLongRu: String { self == .scannedLine ? "слишком длинная" : "слишком длинное" }
}
