/// The rows of the tables kept beside the ledger for reports (`flow_month`,
/// `volunteer_month`, `recipient_visit`, `recipient_month`), and the one rule
/// of how a movement adds to them.
///
/// Recording one movement and importing a journal both sum their movements
/// into these values and hand them to the same store writer; only how many
/// movements go into one write differs.

/// A row of `flow_month`: what moved in a month, by kind, boxes, category,
/// condition, and whether at an event or to a recipient.
public struct FlowKey: Hashable, Sendable {
    public let month: YearMonth
    public let kind: MovementKind
    /// 0 for none, as in the table.
    public let from: RowID
    public let to: RowID
    public let category: RowID
    public let condition: Condition?
    public let atEvent: Bool
    public let withRecipient: Bool

    public init(month: YearMonth, kind: MovementKind, from: RowID, to: RowID, category: RowID,
                condition: Condition?, atEvent: Bool, withRecipient: Bool) {
        self.month = month; self.kind = kind; self.from = from; self.to = to; self.category = category
        self.condition = condition; self.atEvent = atEvent; self.withRecipient = withRecipient
    }
}

/// The sums of a `flow_month` row.
public struct FlowSums: Sendable, Equatable {
    public var items = 0
    public var grams: Int64 = 0
    public var weighed = 0
    public var movements = 0
    /// Grams estimated by moving average (`flow_month.estimated`).
    public var estimated: Int64 = 0

    public init() {}

    /// One line of a movement: its items, its own grams, the items weighed,
    /// and the movement itself on its first line only. A reversal adds the
    /// same with `sign` -1, so that a movement and its undo sum to nothing.
    public mutating func add(quantity: Int, grams: Grams?, firstLine: Bool, sign: Int = 1) {
        items += sign * quantity
        self.grams += Int64(sign) * (grams?.value ?? 0)
        if grams != nil { weighed += sign * quantity }
        if firstLine { movements += sign }
    }
}

/// A row of `volunteer_month`.
public struct VolunteerMonth: Hashable, Sendable {
    public let month: YearMonth
    public let volunteer: RowID
    public init(month: YearMonth, volunteer: RowID) { self.month = month; self.volunteer = volunteer }
}

/// A row of `recipient_month`.
public struct RecipientMonth: Hashable, Sendable {
    public let month: YearMonth
    public let recipient: RowID
    public init(month: YearMonth, recipient: RowID) { self.month = month; self.recipient = recipient }
}

/// A row of `recipient_visit`.
public struct VisitKey: Hashable, Sendable {
    public let recipient: RowID
    /// `LocalDate.dayNumber`.
    public let day: Int
    public init(recipient: RowID, day: Int) { self.recipient = recipient; self.day = day }
}

/// What one movement adds to the derived tables, by the same rules the
/// importer sums a whole journal with.
public struct DerivedRows: Sendable {
    public var flows: [FlowKey: FlowSums] = [:]
    public var volunteerMonths: [VolunteerMonth: Int] = [:]
    /// Handouts per recipient and day: a handout is one visit however many
    /// lines it has.
    public var visits: [VisitKey: Int] = [:]

    public init() {}

    /// Adds `draft` (with its sign: an undo takes away what it undoes).
    public mutating func add(_ draft: MovementDraft) {
        let month = YearMonth(draft.date)
        for (i, line) in draft.lines.enumerated() {
            let key = FlowKey(month: month, kind: draft.kind, from: draft.fromBox ?? 0, to: draft.toBox ?? 0,
                              category: line.categoryID, condition: line.condition,
                              atEvent: draft.eventID != nil, withRecipient: draft.recipientID != nil)
            flows[key, default: FlowSums()].add(quantity: line.quantity, grams: line.grams, firstLine: i == 0, sign: draft.sign)
        }
        if let volunteer = draft.volunteerID {
            volunteerMonths[VolunteerMonth(month: month, volunteer: volunteer), default: 0] += draft.sign
        }
        if draft.kind == .handout, let recipient = draft.recipientID {
            visits[VisitKey(recipient: recipient, day: draft.date.dayNumber), default: 0] += draft.sign
        }
    }
}

extension FlowSums {
    /// Adds the sums of a stored row (reports add months up this way).
    public mutating func add(items: Int, grams: Int64, weighed: Int, movements: Int, estimated: Int64 = 0) {
        self.items += items
        self.grams += grams
        self.weighed += weighed
        self.movements += movements
        self.estimated += estimated
    }
}
