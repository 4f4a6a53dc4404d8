/// One valid row of a journal, with its values read but not yet resolved
/// against the database: the category, recipient, group, event and volunteer
/// are still the text people typed.
public struct JournalRow: Sendable, Equatable {
    /// The physical line the row starts on (0 for rows not read from a file).
    public var line: Int
    public var date: LocalDate
    public var time: LocalTime?
    public var operation: MovementKind
    /// Which way a stock-take adjustment went; set exactly when `operation`
    /// is `.adjustment`, since the journal's quantity has no sign.
    public var adjustment: AdjustmentSide?
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
    /// The movement's number in the database the journal was exported from.
    /// Neighbouring rows with the same number are lines of one movement; it
    /// means nothing else, so it is not part of the fingerprint.
    public var movement: String?

    public init(line: Int = 0, date: LocalDate, time: LocalTime? = nil, operation: MovementKind,
                adjustment: AdjustmentSide? = nil, box: BoxCode, boxText: String? = nil, toBox: BoxCode? = nil, toBoxText: String? = nil,
                category: String, quantity: Int, weight: Grams? = nil, condition: Condition? = nil,
                recipient: String? = nil, group: String? = nil, event: String? = nil,
                volunteer: String? = nil, note: String? = nil, movement: String? = nil) {
        self.line = line
        self.date = date
        self.time = time
        self.operation = operation
        self.adjustment = adjustment
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
        self.movement = movement
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
    ///
    /// This one takes the category and group as typed, as files imported by
    /// versions before 0.6 were fingerprinted; the importer now uses
    /// `fingerprint(category:group:)` and keeps this to recognise their rows.
    public var fingerprint: UInt64 { fingerprint(category: category, group: group) }

    /// The fingerprint with the category and group given as the catalogue
    /// entries they name (their codes), so that a row typed `обувь` and the
    /// same row exported as `shoes` are one row.
    public func fingerprint(category: String, group: String?) -> UInt64 {
        // Numbers go in as numbers and names as their normalised bytes, with
        // no strings made on the way: a million rows are hashed per import.
        var hash = FNV1a64()
        hash.add(number: Int64(date.dayNumber))
        hash.add(number: Int64(time?.minutes ?? -1))
        hash.add(operation.rawValue)
        if let adjustment { hash.add(adjustment.rawValue) }
        hash.add(number: Int64(box.serial))
        hash.add(number: Int64(toBox?.serial ?? -1))
        hash.add(normalised: category)
        hash.add(number: Int64(quantity))
        hash.add(number: weight?.value ?? -1)
        hash.add(condition?.rawValue ?? "")
        for name in [recipient, group, event, volunteer, note] as [String?] {
            if let name { hash.add(normalised: name) } else { hash.add(0xFE) }
        }
        return hash.value
    }
}

/// Which way a stock take's difference went: a surplus puts things into the
/// row's box, a shortage takes them out of it.
public enum AdjustmentSide: String, CaseIterable, Sendable {
    case surplus, shortage

    /// Reads `surplus`, `излишек`, `shortage`, `недостача` and the like.
    public static func parse(_ text: String) -> AdjustmentSide? {
        switch TextKey.normalise(text) {
        case "surplus", "излишек", "излишки": .surplus
        case "shortage", "недостача", "недостачи": .shortage
        default: nil
        }
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

    mutating func add(number: Int64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: number >> Int64(shift))) }
    }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds `TextKey.normalise(text)` as `add` would. Text of ASCII and
    /// basic Cyrillic, nearly all of a journal, is lowered, ё folded and
    /// spaces collapsed right on its UTF-8 bytes; anything else goes the
    /// long way through `TextKey`, which gives the same bytes.
    mutating func add(normalised text: String) {
        var fast = self
        var pendingSpace = false, started = false, ok = true
        var utf8 = text.utf8.makeIterator()
        while let b = utf8.next() {
            if b < 0x80 {
                if b == 0x20 || (0x09 ... 0x0D).contains(b) {
                    pendingSpace = started
                    continue
                }
                if pendingSpace { fast.add(0x20); pendingSpace = false }
                started = true
                fast.add(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            } else if b == 0xD0 || b == 0xD1, let c = utf8.next(), c & 0xC0 == 0x80 {
                var scalar = UInt32(b & 0x1F) << 6 | UInt32(c & 0x3F)
                guard scalar <= 0x45F else { ok = false; break }
                if scalar <= 0x40F { scalar += 0x50 } else if scalar <= 0x42F { scalar += 0x20 }
                if scalar == 0x451 { scalar = 0x435 } // ё → е
                if pendingSpace { fast.add(0x20); pendingSpace = false }
                started = true
                fast.add(UInt8(0xC0 | scalar >> 6))
                fast.add(UInt8(0x80 | scalar & 0x3F))
            } else {
                ok = false
                break
            }
        }
        if ok {
            fast.add(0xFF)
            self = fast
        } else {
            add(TextKey.normalise(text))
        }
    }
}
