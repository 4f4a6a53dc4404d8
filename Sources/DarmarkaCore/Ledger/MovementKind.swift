/// What a movement does. The raw values are stored in the database.
public enum MovementKind: String, CaseIterable, Sendable, Codable {
    /// Things put into a box.
    case intake
    /// Things handed out of a box to people, maybe to a recipient or at an event.
    case handout
    /// Things moved from one box to another (to sorting, to storage).
    case transfer
    /// Things taken out of circulation: textile recycling, utility.
    case writeoff
    /// A stock take's difference: more or fewer than the ledger said.
    case adjustment

    /// Whether lines of this kind take things out of `from` and put them in `to`.
    public var takesFromBox: Bool { self == .handout || self == .transfer || self == .writeoff }
    public var putsIntoBox: Bool { self == .intake || self == .transfer }
}

/// The state of donated things as sorted.
public enum Condition: String, CaseIterable, Sendable, Codable {
    case new, good, repair, recycle

    /// Reads `new`, `новое`, `good`, `хорошее`, `repair`, `ремонт`, `recycle`, `утиль` …
    public static func parse(_ text: String) -> Condition? {
        let k = TextKey.normalise(text)
        if let c = Condition(rawValue: k) { return c }
        switch k {
        case "новое", "новый", "новая", "новые", "с биркой", "new with tags": return .new
        case "хорошее", "хороший", "хорошая", "б/у", "бу", "used": return .good
        case "ремонт", "требует ремонта", "стирка", "требует стирки", "требует ремонта или стирки", "needs repair",
             "needs washing", "needs repair or washing": return .repair
        case "утиль", "ветошь", "переработка", "на переработку", "recycling", "for recycling": return .recycle
        default: return nil
        }
    }
}

extension MovementKind {
    /// Reads `intake`, `приём`, `выдача`, `перемещение`, `списание` and the like.
    public static func parse(_ text: String) -> MovementKind? {
        let k = TextKey.normalise(text)
        if let m = MovementKind(rawValue: k) { return m }
        switch k {
        case "прием", "поступление", "приход", "in": return .intake
        case "выдача", "выдано", "out", "hand out", "hand-out": return .handout
        case "перемещение", "передача", "move": return .transfer
        case "списание", "списано", "write-off", "write off": return .writeoff
        case "корректировка", "инвентаризация", "adjust", "count": return .adjustment
        default: return nil
        }
    }
}
