/// What an import does to one box and category on one day, summed over the
/// file's rows: the net change kept in `balance_day`, and what was taken out,
/// to say which row asked for too much.
public struct DayFlow: Sendable, Equatable {
    /// Net change of the quantity.
    public var quantity = 0
    /// Net change of the weight.
    public var grams: Int64 = 0
    /// Items taken out by the file's rows on that day.
    public var taken = 0
    // Lines as 32 bits: an import keeps one of these per box, category and
    // day, a few hundred thousand for a large file.
    private var last: Int32 = 0
    private var first: Int32 = 0

    /// The line of the last row that took from it, 0 if none did.
    public var lastTakeLine: Int { Int(last) }
    /// The line of the first row that took from it, 0 if none did.
    public var firstTakeLine: Int { Int(first) }

    /// No change yet.
    public init() {}

    /// Adds one row's signed change.
    @inline(__always)
    public mutating func add(quantity: Int, grams: Int64, line: Int) {
        self.quantity += quantity
        self.grams += grams
        if quantity < 0 {
            let line = Int32(clamping: line)
            taken -= quantity
            last = max(last, line)
            first = first == 0 ? line : min(first, line)
        }
    }
}

/// The stock rule for imports, as `Ledger.lowestBalance` is for one
/// movement: a box never holds fewer than zero of a category at the end of
/// any day. An import checks it once, after reading the whole file, so the
/// rows' order in the file does not matter: only their dates do.
public enum ImportStock {
    /// The first day a box and category would end below zero.
    public enum Shortfall: Sendable, Equatable {
        /// The file's own takes of that day are too many: the box would hold
        /// `held` before them, and they ask for `asked`. `line` is the last of them.
        case onDay(day: Int, line: Int, held: Int, asked: Int)
        /// Movements already in the database take more, that day, than the
        /// file's earlier takes left: `short` items too few. `line` is the
        /// last row of the file that took from the box before.
        case later(day: Int, line: Int, short: Int)
    }

    /// Whether the file's changes can make stock negative at all: a file that
    /// only ever adds to a box and category cannot.
    public static func canShort(_ days: some Sequence<DayFlow>) -> Bool {
        days.contains { $0.quantity < 0 }
    }

    /// Walks day by day from the file's first day for this box and category,
    /// and lists each day it would end below zero. After a day is found, its
    /// takes count as not made, so that each listed day is a mistake of its
    /// own and not the echo of an earlier one.
    ///
    /// - Parameters:
    ///   - opening: the stock at the end of the day before the file's first day.
    ///   - existing: the net change of each day recorded in the database on or
    ///     after that day, ascending (day numbers, see `LocalDate.dayNumber`).
    ///   - file: the file's changes per day, ascending.
    public static func shortfalls(opening: Int, existing: [(day: Int, quantity: Int)],
                                  file: [(day: Int, flow: DayFlow)]) -> [Shortfall] {
        var found: [Shortfall] = []
        var running = opening
        var i = 0, j = 0
        var lastTake = 0
        let fallback = file.first { $0.flow.taken > 0 }?.flow.firstTakeLine ?? 0
        while i < existing.count || j < file.count {
            let day = min(i < existing.count ? existing[i].day : .max, j < file.count ? file[j].day : .max)
            var flow: DayFlow?
            if i < existing.count, existing[i].day == day { running += existing[i].quantity; i += 1 }
            if j < file.count, file[j].day == day { flow = file[j].flow; running += file[j].flow.quantity; j += 1 }
            if let flow, flow.taken > 0 {
                if running < 0 {
                    found.append(.onDay(day: day, line: flow.lastTakeLine, held: running + flow.taken, asked: flow.taken))
                    running += flow.taken
                }
                lastTake = flow.lastTakeLine
            } else if running < 0 {
                // Only movements of the database take from it this day; the
                // file's rows before left too little for them.
                found.append(.later(day: day, line: lastTake > 0 ? lastTake : fallback, short: -running))
                running = 0
            }
        }
        return found
    }
}

/// One box and category's changes from an import, per day, kept in order of
/// day. Journals come mostly sorted by date, so a row nearly always adds to
/// the last day or starts the next one; the rest take a binary search.
/// About 36 bytes per day, where a dictionary of all days would take twice that.
public struct DayFlows: Sendable {
    /// `LocalDate.dayNumber`s, ascending.
    public private(set) var days: [Int32] = []
    public private(set) var flows: [DayFlow] = []

    /// No days yet.
    public init() {}

    /// Adds one row's signed change on `day` (`LocalDate.dayNumber`).
    public mutating func add(day: Int, quantity: Int, grams: Int64, line: Int) {
        let d = Int32(clamping: day)
        var i = days.count
        if let last = days.last, last >= d {
            var low = 0, high = days.count
            while low < high {
                let mid = (low + high) / 2
                if days[mid] < d { low = mid + 1 } else { high = mid }
            }
            i = low
        }
        if i == days.count || days[i] != d {
            days.insert(d, at: i)
            flows.insert(DayFlow(), at: i)
        }
        flows[i].add(quantity: quantity, grams: grams, line: line)
    }

    /// How many days have changes.
    public var count: Int { days.count }

    /// The days and their changes, ascending, as `ImportStock.shortfalls` takes them.
    public var entries: [(day: Int, flow: DayFlow)] {
        zip(days, flows).map { (Int($0), $1) }
    }
}
