/// A stretch of days a report covers, both ends included.
public struct Period: Sendable, Hashable {
    public var from: LocalDate
    public var to: LocalDate
    public init(from: LocalDate, to: LocalDate) { self.from = from; self.to = to }

    public init(_ month: YearMonth) { self.init(from: month.first, to: month.last) }

    public static func year(_ year: Int) -> Period? {
        guard let from = LocalDate(year: year, month: 1, day: 1), let to = LocalDate(year: year, month: 12, day: 31) else { return nil }
        return Period(from: from, to: to)
    }

    /// The whole calendar months inside the period, and the stretches of days
    /// at either end that are not whole months. Tables kept by month answer
    /// the months; only the days at the ends need the ledger itself, so a
    /// report from 1 March to 17 November reads seventeen days of movements,
    /// not eight and a half months of them.
    public var parts: (months: ClosedRange<YearMonth>?, edges: [Period]) {
        guard from <= to else { return (nil, []) }
        let first = from.day == 1 ? YearMonth(from) : YearMonth(from).next
        let last = to == YearMonth(to).last ? YearMonth(to) : YearMonth(to).previous
        // `next` and `previous` stop at the calendar's ends: then no month fits.
        guard first <= last, first.first >= from, last.last <= to else { return (nil, [self]) }
        var edges: [Period] = []
        if first.first > from { edges.append(Period(from: from, to: first.previous.last)) }
        if last.last < to { edges.append(Period(from: last.next.first, to: to)) }
        return (first...last, edges)
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
    /// The kilograms moved: as weighed, and for outflows what they took
    /// from their boxes by moving average (see `KilogramValuation`).
    public var grams: Int64
    /// Items on lines that had a weight: how much of `grams` is known.
    public var weighed: Int
    public var movements: Int
    /// The part of `grams` that was not weighed but estimated by moving average.
    public var estimated: Int64

    public init(kind: MovementKind, fromCentre: String?, toCentre: String?, fromBox: String?, toBox: String?,
                category: String, condition: Condition?, atEvent: Bool, withRecipient: Bool,
                items: Int, grams: Int64, weighed: Int, movements: Int, estimated: Int64 = 0) {
        self.kind = kind; self.fromCentre = fromCentre; self.toCentre = toCentre; self.fromBox = fromBox
        self.toBox = toBox; self.category = category; self.condition = condition; self.atEvent = atEvent
        self.withRecipient = withRecipient; self.items = items; self.grams = grams; self.weighed = weighed
        self.movements = movements; self.estimated = estimated
    }
}

extension FlowRow {
    /// What a row is summed by: everything but the amounts.
    private struct Key: Hashable {
        let kind: MovementKind
        let fromBox: String?
        let toBox: String?
        let category: String
        let condition: Condition?
        let atEvent: Bool
        let withRecipient: Bool
    }

    /// Rows of parts of a period as rows of the whole: rows alike but for
    /// their amounts added up, in the order first seen; rows that come to
    /// nothing left out, as the store leaves them out of each part.
    public static func merged(_ rows: [FlowRow]) -> [FlowRow] {
        var index: [Key: Int] = [:]
        var out: [FlowRow] = []
        for row in rows {
            let key = Key(kind: row.kind, fromBox: row.fromBox, toBox: row.toBox, category: row.category,
                          condition: row.condition, atEvent: row.atEvent, withRecipient: row.withRecipient)
            if let i = index[key] {
                out[i].items += row.items
                out[i].grams += row.grams
                out[i].weighed += row.weighed
                out[i].movements += row.movements
                out[i].estimated += row.estimated
            } else {
                index[key] = out.count
                out.append(row)
            }
        }
        return out.filter { $0.items != 0 || $0.grams != 0 || $0.movements != 0 }
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
    /// The centre a report is for, whose boxes alone count as its boxes in
    /// use (a transfer from another centre names that centre's box too).
    public var centre: String?
    /// Stock at the start of the period (the end of the day before), per
    /// centre: read from the books apart from the flows, so a report's
    /// balance is a check, not a sum restated.
    public var stockAtStart: [String: Amount]
    public init(period: Period, flows: [FlowRow] = [], recipients: RecipientFacts = RecipientFacts(), events: Int = 0,
                participants: Int = 0, stockAtEnd: [String: Amount] = [:], volunteers: Int = 0, centre: String? = nil,
                stockAtStart: [String: Amount] = [:]) {
        self.period = period; self.flows = flows; self.recipients = recipients; self.events = events
        self.participants = participants; self.stockAtEnd = stockAtEnd; self.volunteers = volunteers
        self.centre = centre; self.stockAtStart = stockAtStart
    }
}
