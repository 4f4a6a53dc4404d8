/// One valid row of a journal, with its values read but not yet resolved
/// against the database: the category, recipient, group, event and volunteer
/// are still the text people typed.
public struct JournalRow: Sendable, Equatable {
    /// The physical line the row starts on (0 for rows not read from a file).
    public var line: Int
    public var date: LocalDate
    public var time: LocalTime?
    public var operation: MovementKind
    /// The box things come from, or for an intake the box they go into.
    public var box: BoxCode
    /// The box code as typed, for messages about it.
    public var boxText: String
    /// Where a transfer puts things; only transfers have it.
    public var toBox: BoxCode?
    public var toBoxText: String?
    /// A category code, name or alias as typed.
    public var category: String
    public var quantity: Int
    public var weight: Grams?
    public var condition: Condition?
    /// Only handouts have a recipient, a group or an event.
    public var recipient: String?
    public var group: String?
    /// The event's name; an event is the name together with the row's date.
    public var event: String?
    public var volunteer: String?
    public var note: String?

    public init(line: Int = 0, date: LocalDate, time: LocalTime? = nil, operation: MovementKind,
                box: BoxCode, boxText: String? = nil, toBox: BoxCode? = nil, toBoxText: String? = nil,
                category: String, quantity: Int, weight: Grams? = nil, condition: Condition? = nil,
                recipient: String? = nil, group: String? = nil, event: String? = nil,
                volunteer: String? = nil, note: String? = nil) {
        self.line = line
        self.date = date
        self.time = time
        self.operation = operation
        self.box = box
        self.boxText = boxText ?? box.description
        self.toBox = toBox
        self.toBoxText = toBoxText ?? toBox?.description
        self.category = category
        self.quantity = quantity
        self.weight = weight
        self.condition = condition
        self.recipient = recipient
        self.group = group
        self.event = event
        self.volunteer = volunteer
        self.note = note
    }

    /// The order rows are applied in: by date, rows without a time before
    /// those with one, then by time, then as they stand in the file.
    public var order: JournalOrder {
        JournalOrder(date: date, minutes: time?.minutes ?? -1, line: line)
    }

    /// A 64-bit FNV-1a hash of the row's meaning: the values as read, with
    /// names compared as `TextKey` compares them and codes in canonical form,
    /// so that the same row in a later file is recognised even when retyped.
    /// The line number is not part of it.
    ///
    /// Two identical handouts on one day are two real events with the same
    /// fingerprint: whoever dedupes must count occurrences, not just look
    /// fingerprints up.
    public var fingerprint: UInt64 {
        var hash = FNV1a64()
        hash.add(date.description)
        hash.add(time?.description ?? "")
        hash.add(operation.rawValue)
        hash.add(box.description)
        hash.add(toBox?.description ?? "")
        hash.add(TextKey.normalise(category))
        hash.add(String(quantity))
        hash.add(weight.map { String($0.value) } ?? "")
        hash.add(condition?.rawValue ?? "")
        for name in [recipient, group, event, volunteer, note] {
            hash.add(name.map(TextKey.normalise) ?? "")
        }
        return hash.value
    }
}

/// Where a row stands in the order rows are applied in.
public struct JournalOrder: Comparable, Hashable, Sendable {
    public let date: LocalDate
    /// Minutes since midnight, -1 without a time.
    public let minutes: Int
    public let line: Int

    public static func < (a: JournalOrder, b: JournalOrder) -> Bool {
        (a.date, a.minutes, a.line) < (b.date, b.minutes, b.line)
    }
}

/// FNV-1a, 64 bits: tiny, fast, and good enough to tell rows apart.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
        add(0xFF)
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
