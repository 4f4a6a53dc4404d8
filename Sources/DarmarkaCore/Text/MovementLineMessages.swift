/// A movement's lines as the command line takes them: `--line
/// CATEGORY:QTY[:KG]`, several times, or one `--category` and `--quantity`.
public enum MovementLineProblem: UserFacingError, Equatable {
    /// A `--line` value not in the form `CATEGORY:QTY[:KG]`.
    case badLine(String)
    /// `--line` together with `--category`, `--quantity` or `--kg`.
    case lineAndCategory
    /// Neither `--line` nor `--category` with `--quantity`.
    case noLine
    /// `--category` without `--quantity`, or the other way round.
    case categoryWithoutQuantity

    public var phrase: Phrase {
        switch self {
        case .badLine(let text):
            Phrase(ru: "--line «\(text)» не годится: пишите КАТЕГОРИЯ:ШТУК или КАТЕГОРИЯ:ШТУК:КГ, например shoes:2 или kids:3:1,2.",
                   en: "--line “\(text)” will not do: write CATEGORY:QTY or CATEGORY:QTY:KG, such as shoes:2 or kids:3:1.2.")
        case .lineAndCategory:
            Phrase(ru: "Укажите строки либо через --line, либо через --category и --quantity (и --kg), но не вместе.",
                   en: "Give the lines either with --line or with --category and --quantity (and --kg), not both.")
        case .noLine:
            Phrase(ru: "Укажите, что и сколько: --category и --quantity или --line КАТЕГОРИЯ:ШТУК.",
                   en: "Say what and how many: --category and --quantity, or --line CATEGORY:QTY.")
        case .categoryWithoutQuantity:
            Phrase(ru: "--category и --quantity указываются вместе.", en: "--category and --quantity go together.")
        }
    }
}

/// A line of a movement as a note says it: how many, of what.
public struct SaidLine: Sendable, Equatable {
    public var quantity: Int
    public var category: Phrase
    public init(quantity: Int, category: Phrase) { self.quantity = quantity; self.category = category }
}

/// A movement of several lines, recorded (one line is `Note.recorded`).
public enum MovementLinesNote: Localized, Equatable {
    case recorded(id: RowID, kind: MovementKind, lines: [SaidLine], box: String)

    public var phrase: Phrase {
        switch self {
        case .recorded(let id, let kind, let lines, let box):
            let ru = lines.map { "\($0.quantity) шт. «\($0.category.ru)»" }.joined(separator: ", ")
            let en = lines.map { "\($0.quantity) × “\($0.category.en)”" }.joined(separator: ", ")
            return switch kind {
            case .intake: Phrase(ru: "№\(id): принято \(ru) в бокс \(box).", en: "#\(id): \(en) taken into box \(box).")
            case .handout: Phrase(ru: "№\(id): выдано \(ru) из бокса \(box).", en: "#\(id): \(en) handed out from box \(box).")
            case .writeoff: Phrase(ru: "№\(id): списано \(ru) из бокса \(box).", en: "#\(id): \(en) written off from box \(box).")
            case .transfer, .adjustment: Phrase(ru: "№\(id): \(kind.phrase.ru), \(ru), бокс \(box).",
                                                en: "#\(id): \(kind.phrase.en), \(en), box \(box).")
            }
        }
    }
}
