/// The words of the files Darmarka writes and reads back: the headers of
/// journals and reference files, and the journal's word for a condition.
/// The English ones are the stable column names scripts use.

extension JournalField {
    /// The header export writes for this column.
    var headerWords: Phrase {
        switch self {
        case .date: Phrase(ru: "дата", en: "date")
        case .operation: Phrase(ru: "операция", en: "operation")
        case .box: Phrase(ru: "бокс", en: "box")
        case .toBox: Phrase(ru: "в бокс", en: "to_box")
        case .category: Phrase(ru: "категория", en: "category")
        case .quantity: Phrase(ru: "количество", en: "quantity")
        case .weight: Phrase(ru: "вес, кг", en: "weight_kg")
        case .condition: Phrase(ru: "состояние", en: "condition")
        case .recipient: Phrase(ru: "получатель", en: "recipient")
        case .group: Phrase(ru: "группа", en: "group")
        case .event: Phrase(ru: "мероприятие", en: "event")
        case .volunteer: Phrase(ru: "волонтёр", en: "volunteer")
        case .note: Phrase(ru: "примечание", en: "note")
        case .movement: Phrase(ru: "движение", en: "movement")
        }
    }
}

extension ReferenceField {
    /// The header export writes for this column.
    var headerWords: Phrase {
        switch self {
        case .code: Phrase(ru: "код", en: "code")
        case .centre: Phrase(ru: "центр", en: "centre")
        case .centreName: Phrase(ru: "название центра", en: "centre_name")
        case .name: Phrase(ru: "название", en: "name")
        case .kind: Phrase(ru: "вид", en: "kind")
        case .status: Phrase(ru: "статус", en: "status")
        case .group: Phrase(ru: "группа", en: "group")
        case .household: Phrase(ru: "человек в семье", en: "household")
        case .registered: Phrase(ru: "зарегистрирован", en: "registered")
        case .date: Phrase(ru: "дата", en: "date")
        case .participants: Phrase(ru: "участников", en: "participants")
        }
    }
}

extension Condition {
    /// The short word a journal writes, which `Condition.parse` reads back.
    var journalWord: Phrase {
        switch self {
        case .new: Phrase(ru: "новое", en: "new")
        case .good: Phrase(ru: "хорошее", en: "good")
        case .repair: Phrase(ru: "ремонт", en: "repair")
        case .recycle: Phrase(ru: "утиль", en: "recycle")
        }
    }
}
