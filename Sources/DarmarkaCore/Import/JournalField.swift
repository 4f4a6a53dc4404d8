/// The columns a journal can have. The order is the order export writes them.
public enum JournalField: Int, CaseIterable, Sendable {
    case date, operation, box, toBox, category, quantity, weight, condition
    case recipient, group, event, volunteer, note
    /// The movement number an export writes, so that the lines of one
    /// movement import as one movement again.
    case movement

    /// Whether a journal without this column cannot be imported. A transfer
    /// needs `toBox`, but a journal without transfers does not.
    public var isRequired: Bool {
        switch self {
        case .date, .operation, .box, .category, .quantity: true
        default: false
        }
    }

    /// The header export writes for this column in `language`.
    public func header(_ language: Lang) -> String {
        headerWords.text(language)
    }

    /// The column a header cell names, or nil. Case, ё/е, spaces, underscores,
    /// commas, dashes and brackets do not matter: `Вес, кг`, `вес (кг)`,
    /// `weight_kg` and `Weight kg` are all the weight.
    public init?(header: String) {
        guard let field = Self.byKey[Self.key(header)] else { return nil }
        self = field
    }

    static func key(_ header: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in header.lowercased().unicodeScalars where !ignoredInHeaders.contains(s) && !s.properties.isWhitespace {
            scalars.append(s == "ё" ? "е" : s)
        }
        return String(scalars)
    }

    private static let ignoredInHeaders: Set<Unicode.Scalar> = ["_", ",", ".", "-", "(", ")", "/", ":", "\u{FEFF}"]

    private static let byKey: [String: JournalField] = {
        let names: [JournalField: [String]] = [
            .date: ["date", "дата", "datetime", "дата и время", "датавремя"],
            .operation: ["operation", "операция", "вид операции", "тип операции"],
            .box: ["box", "бокс", "box code", "код бокса"],
            .toBox: ["to_box", "в бокс", "target box", "в какой бокс"],
            .category: ["category", "категория"],
            .quantity: ["quantity", "количество", "кол-во", "qty", "штук"],
            .weight: ["weight_kg", "weight", "kg", "вес", "вес, кг", "кг"],
            .condition: ["condition", "состояние"],
            .recipient: ["recipient", "получатель"],
            .group: ["group", "группа", "recipient group", "группа получателя", "группа получателей"],
            .event: ["event", "мероприятие"],
            .volunteer: ["volunteer", "волонтёр"],
            .note: ["note", "notes", "comment", "примечание", "комментарий"],
            .movement: ["movement", "movement no", "movement id", "движение", "№ движения", "номер движения"],
        ]
        var map: [String: JournalField] = [:]
        for (field, list) in names { for name in list { map[key(name)] = field } }
        return map
    }()
}
