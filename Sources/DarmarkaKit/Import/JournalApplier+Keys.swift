import DarmarkaCore

// The keys the applier sums a journal under: packed small, since a
// million rows go through them.

/// What the rows of one movement share: a row with the same movement number
/// and the same head is another line of the movement before it.
struct MovementHead: Equatable {
    let number: String?
    let date: LocalDate
    let time: LocalTime?
    let kind: MovementKind
    let from: RowID?
    let to: RowID?
    let recipient: RowID?
    let event: RowID?
    let volunteer: RowID?
    let note: String?
}

struct EventKey: Hashable {
    let name: UTF8Key
    let day: Int
}

/// A box and a category in one number: their places in the importer's lists,
/// 21 bits each. Keys sort by box, then category.
enum PairKey {
    static let limit = 1 << 21

    static func make(box: Int, category: Int) -> UInt64 { UInt64(box) << 21 | UInt64(category) }
    static func box(_ key: UInt64) -> Int { Int(key >> 21) }
    static func category(_ key: UInt64) -> Int { Int(key & (1 << 21 - 1)) }
}

/// A row of `flow_month` in two numbers, so the map of monthly sums stays
/// small: the month, kind, condition and flags in one, the boxes' and the
/// category's places in the importer's lists in the other (21 bits each,
/// boxes counted from 1 so that 0 is none).
struct FlowCell: Hashable, Comparable {
    let high: UInt64
    let low: UInt64

    init(month: YearMonth, kind: MovementKind, from: Int?, to: Int?, category: Int, condition: Condition?,
         atEvent: Bool, withRecipient: Bool) {
        let kinds = MovementKind.allCases, conditions = Condition.allCases
        let k = UInt64(kinds.firstIndex(of: kind) ?? 0)
        let c = UInt64(condition.flatMap { conditions.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        high = UInt64(month.year * 12 + month.month - 1) << 9 | k << 5 | c << 2 | (atEvent ? 2 : 0) | (withRecipient ? 1 : 0)
        low = UInt64(from.map { $0 + 1 } ?? 0) << 42 | UInt64(to.map { $0 + 1 } ?? 0) << 21 | UInt64(category)
    }

    static func < (a: FlowCell, b: FlowCell) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// The row it stands for, with the database's ids.
    func key(boxes: [ImportBox], categories: [NamedEntry]) -> FlowKey {
        let months = Int(high >> 9)
        let month = YearMonth(year: months / 12, month: months % 12 + 1) ?? YearMonth(LocalDate(dayNumber: 0))
        let kind = MovementKind.allCases[Int(high >> 5 & 0xF) % MovementKind.allCases.count]
        let c = Int(high >> 2 & 0x7)
        let mask: UInt64 = 1 << 21 - 1
        let from = Int(low >> 42 & mask), to = Int(low >> 21 & mask), category = Int(low & mask)
        return FlowKey(month: month, kind: kind, from: from == 0 ? 0 : boxes[from - 1].id, to: to == 0 ? 0 : boxes[to - 1].id,
                       category: categories[category].id, condition: c == 0 ? nil : Condition.allCases[c - 1],
                       atEvent: high & 2 != 0, withRecipient: high & 1 != 0)
    }
}

extension ImportSummary.Totals {
    mutating func add(quantity: Int, grams: Int64, firstLine: Bool) {
        lines += 1
        items += quantity
        self.grams += grams
        if firstLine { movements += 1 }
    }
}
