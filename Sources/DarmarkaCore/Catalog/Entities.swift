/// Identifiers are the database's row ids; they mean nothing outside it.
public typealias RowID = Int64

/// A neighbourhood centre (соседский центр).
public struct Centre: Sendable, Equatable {
    public var id: RowID
    public var code: String
    public var name: String
    public var address: String?
    public init(id: RowID, code: String, name: String, address: String?) {
        self.id = id; self.code = code; self.name = name; self.address = address
    }
}

public enum BoxKind: String, CaseIterable, Sendable {
    case collection, storage, sorting
    public static func parse(_ text: String) -> BoxKind? {
        let k = TextKey.normalise(text)
        if let kind = BoxKind(rawValue: k) { return kind }
        switch k {
        case "сбор", "бокс", "collection box": return .collection
        case "хранение", "склад": return .storage
        case "сортировка": return .sorting
        default: return nil
        }
    }
}

public enum BoxStatus: String, Sendable {
    case active, retired
}

/// A box at a centre: a collection box, a storage shelf, a sorting station.
public struct Box: Sendable, Equatable {
    public var id: RowID
    public var code: BoxCode
    public var centreID: RowID
    public var centreCode: String
    public var centreName: String
    public var name: String?
    public var kind: BoxKind
    public var status: BoxStatus
    public init(id: RowID, code: BoxCode, centreID: RowID, centreCode: String, centreName: String,
                name: String?, kind: BoxKind, status: BoxStatus) {
        self.id = id; self.code = code; self.centreID = centreID; self.centreCode = centreCode
        self.centreName = centreName; self.name = name; self.kind = kind; self.status = status
    }
}

/// A category of things or a group of recipients: a code, two names, aliases.
public struct NamedEntry: Sendable, Equatable {
    public var id: RowID
    public var code: String
    public var nameRu: String
    public var nameEn: String
    public var aliases: [String]
    public init(id: RowID, code: String, nameRu: String, nameEn: String, aliases: [String]) {
        self.id = id; self.code = code; self.nameRu = nameRu; self.nameEn = nameEn; self.aliases = aliases
    }
    public func name(_ lang: Lang) -> String { lang == .ru ? nameRu : nameEn }

    /// Whether `text` names this entry by code, either name or an alias,
    /// ignoring case, surrounding spaces and ё/е.
    public func isNamed(_ key: String) -> Bool {
        key == TextKey.normalise(code) || key == TextKey.normalise(nameRu)
            || key == TextKey.normalise(nameEn) || aliases.contains { TextKey.normalise($0) == key }
    }
}

extension Array where Element == NamedEntry {
    /// The entry that `text` names, if exactly one does.
    public func named(_ text: String) -> NamedEntry? {
        let key = TextKey.normalise(text)
        guard !key.isEmpty else { return nil }
        return first { $0.isNamed(key) }
    }
}

/// A person or household helped, known only by a pseudonymous code.
public struct Recipient: Sendable, Equatable {
    public var id: RowID
    public var code: String
    public var groupCode: String?
    public var householdSize: Int
    public var registeredOn: LocalDate
    public var hasContact: Bool
    public var forgotten: Bool
    public init(id: RowID, code: String, groupCode: String?, householdSize: Int, registeredOn: LocalDate,
                hasContact: Bool, forgotten: Bool) {
        self.id = id; self.code = code; self.groupCode = groupCode; self.householdSize = householdSize
        self.registeredOn = registeredOn; self.hasContact = hasContact; self.forgotten = forgotten
    }
}

/// A free-market day or another event where things are handed out.
public struct Event: Sendable, Equatable {
    public var id: RowID
    public var name: String
    public var date: LocalDate
    public var centreCode: String?
    public var participants: Int
    public init(id: RowID, name: String, date: LocalDate, centreCode: String?, participants: Int) {
        self.id = id; self.name = name; self.date = date; self.centreCode = centreCode; self.participants = participants
    }
}
