/// A stretch of days a report covers, both ends included.
public struct Period: Sendable, Equatable {
    public var from: LocalDate
    public var to: LocalDate
    public init(from: LocalDate, to: LocalDate) { self.from = from; self.to = to }

    public init(_ month: YearMonth) { self.init(from: month.first, to: month.last) }

    public static func year(_ year: Int) -> Period? {
        guard let from = LocalDate(year: year, month: 1, day: 1), let to = LocalDate(year: year, month: 12, day: 31) else { return nil }
        return Period(from: from, to: to)
    }

    /// Whether the period is whole calendar months, so monthly flows can answer it.
    public var isWholeMonths: Bool { from.day == 1 && to == YearMonth(to).last }

    public var months: [YearMonth] {
        var m = YearMonth(from), out: [YearMonth] = []
        while m <= YearMonth(to) { out.append(m); if m.next == m { break }; m = m.next }
        return out
    }
}

/// Things moved by one kind of movement, summed over a period and grouped
/// by what reports break them down by. Reversals are already netted out.
public struct FlowRow: Sendable, Equatable {
    public var kind: MovementKind
    public var fromCentre: String?
    public var toCentre: String?
    public var fromBox: String?
    public var toBox: String?
    public var category: String
    public var condition: Condition?
    public var atEvent: Bool
    public var withRecipient: Bool
    public var items: Int
    public var grams: Int64
    /// Items on lines that had a weight: how much of `grams` is known.
    public var weighed: Int
    public var movements: Int

    public init(kind: MovementKind, fromCentre: String?, toCentre: String?, fromBox: String?, toBox: String?,
                category: String, condition: Condition?, atEvent: Bool, withRecipient: Bool,
                items: Int, grams: Int64, weighed: Int, movements: Int) {
        self.kind = kind; self.fromCentre = fromCentre; self.toCentre = toCentre; self.fromBox = fromBox
        self.toBox = toBox; self.category = category; self.condition = condition; self.atEvent = atEvent
        self.withRecipient = withRecipient; self.items = items; self.grams = grams; self.weighed = weighed
        self.movements = movements
    }
}

/// People helped in a period; counted by the store from visits.
public struct RecipientFacts: Sendable, Equatable {
    /// Each recipient once, however many visits.
    public var unique: Int
    /// Recipients whose first handout ever falls in the period.
    public var new: Int
    /// Distinct recipient and day.
    public var visits: Int
    /// The sum of household sizes of the unique recipients.
    public var people: Int
    public var byGroup: [String: Int]
    public init(unique: Int = 0, new: Int = 0, visits: Int = 0, people: Int = 0, byGroup: [String: Int] = [:]) {
        self.unique = unique; self.new = new; self.visits = visits; self.people = people; self.byGroup = byGroup
    }
}

/// Everything the store knows about one period, before any arithmetic.
public struct PeriodFacts: Sendable, Equatable {
    public var period: Period
    public var flows: [FlowRow]
    public var recipients: RecipientFacts
    public var events: Int
    public var participants: Int
    /// Stock at the end of the period, per centre.
    public var stockAtEnd: [String: Amount]
    public var volunteers: Int
    public init(period: Period, flows: [FlowRow] = [], recipients: RecipientFacts = RecipientFacts(), events: Int = 0,
                participants: Int = 0, stockAtEnd: [String: Amount] = [:], volunteers: Int = 0) {
        self.period = period; self.flows = flows; self.recipients = recipients; self.events = events
        self.participants = participants; self.stockAtEnd = stockAtEnd; self.volunteers = volunteers
    }
}

/// Items and their known weight.
public struct Amount: Sendable, Equatable, AdditiveArithmetic {
    public var items: Int
    public var grams: Int64
    /// Items whose weight is known.
    public var weighed: Int
    public init(items: Int = 0, grams: Int64 = 0, weighed: Int = 0) { self.items = items; self.grams = grams; self.weighed = weighed }
    public static let zero = Amount()
    public static func + (a: Amount, b: Amount) -> Amount { Amount(items: a.items + b.items, grams: a.grams + b.grams, weighed: a.weighed + b.weighed) }
    public static func - (a: Amount, b: Amount) -> Amount { Amount(items: a.items - b.items, grams: a.grams - b.grams, weighed: a.weighed - b.weighed) }
    public var kg: Grams { Grams(grams) }
    init(_ row: FlowRow) { self.init(items: row.items, grams: row.grams, weighed: row.weighed) }
}
