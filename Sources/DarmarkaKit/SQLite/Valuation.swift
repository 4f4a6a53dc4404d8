import DarmarkaCore
import GRDB
import GRDBSQLite

// Kilograms valued by moving average (see `KilogramValuation`), kept in the
// tables beside the ledger. The ledger keeps what was recorded: a weight or
// none. `line_valuation` keeps the grams an outflow line took where they
// differ from that; `balance`, `balance_day` and `flow_month.estimated`
// count those grams. Every movement first goes in with its own weights (as
// it always did), then the lines whose value changed are corrected.

/// A line of the ledger: its movement and its place in it.
struct LineKey: Hashable, Comparable {
    let movement: RowID
    let line: Int
    static func < (a: LineKey, b: LineKey) -> Bool { (a.movement, a.line) < (b.movement, b.line) }
}

/// What revaluing changes in the tables beside the ledger: gathered while the
/// ledger is read, written once after.
struct ValuationChanges {
    /// A row of `flow_month` as its key.
    struct FlowCellKey: Hashable {
        let month: String
        let kind: String
        let from: RowID
        let to: RowID
        let category: RowID
        let condition: String
        let atEvent: Bool
        let withRecipient: Bool
    }

    struct DayKey: Hashable, Comparable {
        let box: RowID
        let category: RowID
        let day: String
        static func < (a: DayKey, b: DayKey) -> Bool { (a.box, a.category, a.day) < (b.box, b.category, b.day) }
    }

    /// The grams each line now takes; nil where that is the line's own weight (no row).
    var lines: [LineKey: Int64?] = [:]
    var days: [DayKey: Int64] = [:]
    var boxes: [KilogramValuation.Key: Int64] = [:]
    var flows: [FlowCellKey: Int64] = [:]

    /// An outflow line valued `new` grams where the tables count `old`.
    mutating func revalue(_ line: LineKey, flow: FlowCellKey, day: String, recorded: Int64, old: Int64, new: Int64) {
        guard new != old else { return }
        lines[line] = new == recorded ? .some(nil) : .some(new)
        let diff = new - old
        days[DayKey(box: flow.from, category: flow.category, day: day), default: 0] -= diff
        boxes[KilogramValuation.Key(box: flow.from, category: flow.category), default: 0] -= diff
        if flow.to != 0 {
            days[DayKey(box: flow.to, category: flow.category, day: day), default: 0] += diff
            boxes[KilogramValuation.Key(box: flow.to, category: flow.category), default: 0] += diff
        }
        flows[flow, default: 0] += diff
    }

    var isEmpty: Bool { lines.isEmpty }
}

extension SQLiteLedger {
    /// The ledger's lines from `day` on, in the valuation's order (date,
    /// movement, line), leaving out undone movements and their undos. The
    /// last column is the value `line_valuation` keeps, if any.
    private static let valuationWalk = """
        SELECT m.id, l.line, COALESCE(m.from_box_id, 0), COALESCE(m.to_box_id, 0), l.category_id, l.quantity, l.grams,
               v.grams, m.occurred_on, m.kind, COALESCE(l.condition, ''), m.event_id IS NOT NULL, m.recipient_id IS NOT NULL
        FROM movement m JOIN movement_line l ON l.movement_id = m.id
        LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
        WHERE m.occurred_on >= ?1 AND \(LedgerSQL.standing("m"))
        ORDER BY m.occurred_on, m.id, l.line
        """

    /// Replays the ledger's lines from `day` on, as `valuationWalk` gives
    /// them, handing each outflow line to `visit` with the grams it takes now
    /// and the grams `line_valuation` says it took.
    private func replay(from day: String, categories: Set<RowID>?, opening: (KilogramValuation.Key) throws -> ValuedStock,
                        visit: (_ line: LineKey, _ handle: OpaquePointer, _ recorded: Int64, _ kept: Int64, _ now: Int64) -> Void) throws {
        var valuation = KilogramValuation()
        try forEachRow(Self.valuationWalk, [day]) { handle in
            let category = sqlite3_column_int64(handle, 4)
            if let categories, !categories.contains(category) { return }
            let from = sqlite3_column_int64(handle, 2), to = sqlite3_column_int64(handle, 3)
            for box in [from, to] where box != 0 {
                let key = KilogramValuation.Key(box: box, category: category)
                if !valuation.knows(key) { valuation.open(key, with: try opening(key)) }
            }
            let weighed: Int64? = sqlite3_column_type(handle, 6) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 6)
            let line = ValuationLine(from: from == 0 ? nil : from, to: to == 0 ? nil : to, category: category,
                                     quantity: Int(sqlite3_column_int64(handle, 5)), weighed: weighed)
            let grams = valuation.apply(line)
            guard from != 0 else { return }
            let kept = sqlite3_column_type(handle, 7) == SQLITE_NULL ? line.recorded : sqlite3_column_int64(handle, 7)
            visit(LineKey(movement: sqlite3_column_int64(handle, 0), line: Int(sqlite3_column_int64(handle, 1))),
                  handle, line.recorded, kept, grams)
        }
    }

    /// The `flow_month` row of the line `valuationWalk` is on.
    private static func flowCell(_ handle: OpaquePointer) -> ValuationChanges.FlowCellKey {
        let day = text(handle, 8)
        return ValuationChanges.FlowCellKey(
            month: String(day.prefix(7)), kind: text(handle, 9), from: sqlite3_column_int64(handle, 2),
            to: sqlite3_column_int64(handle, 3), category: sqlite3_column_int64(handle, 4), condition: text(handle, 10),
            atEvent: sqlite3_column_int64(handle, 11) != 0, withRecipient: sqlite3_column_int64(handle, 12) != 0)
    }

    private static func text(_ handle: OpaquePointer, _ column: Int32) -> String {
        sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
    }

    /// Values again every line of these categories (all, for nil) from `day`
    /// on, and corrects the tables where a line's value changed. A line
    /// dated before `day` keeps its value: the stock at the end of the day
    /// before is what the tables say.
    func revalue(from day: LocalDate, categories: Set<RowID>?, changes: inout ValuationChanges) throws {
        let opening = try RawStatement(db, """
            SELECT COALESCE((SELECT quantity FROM balance WHERE box_id = ?1 AND category_id = ?2), 0)
                 - COALESCE((SELECT SUM(quantity) FROM balance_day WHERE box_id = ?1 AND category_id = ?2 AND day >= ?3), 0),
                   COALESCE((SELECT grams FROM balance WHERE box_id = ?1 AND category_id = ?2), 0)
                 - COALESCE((SELECT SUM(grams) FROM balance_day WHERE box_id = ?1 AND category_id = ?2 AND day >= ?3), 0)
            """)
        let dayText = day.description
        var local = changes
        try replay(from: dayText, categories: categories, opening: { key in
            opening.bind(1, key.box)
            opening.bind(2, key.category)
            opening.bind(3, dayText)
            var stock = ValuedStock()
            try opening.forEachRow { handle in
                stock = ValuedStock(quantity: Int(sqlite3_column_int64(handle, 0)), grams: sqlite3_column_int64(handle, 1))
            }
            return stock
        }, visit: { line, handle, recorded, kept, now in
            guard kept != now else { return }
            local.revalue(line, flow: Self.flowCell(handle), day: Self.text(handle, 8), recorded: recorded, old: kept, new: now)
        })
        changes = local
    }

    /// Values the lines of a movement just recorded, when nothing after it
    /// touches its boxes and categories: `before` is their stock before it.
    func valueNewest(_ draft: MovementDraft, id: RowID, before: [KilogramValuation.Key: ValuedStock],
                     changes: inout ValuationChanges) {
        var valuation = KilogramValuation()
        for (key, stock) in before { valuation.open(key, with: stock) }
        let month = YearMonth(draft.date).description, day = draft.date.description
        for (n, line) in draft.lines.enumerated() {
            let valued = ValuationLine(from: draft.fromBox, to: draft.toBox, category: line.categoryID,
                                       quantity: line.quantity, weighed: line.grams?.value)
            let grams = valuation.apply(valued)
            guard let from = draft.fromBox else { continue }
            let flow = ValuationChanges.FlowCellKey(
                month: month, kind: draft.kind.rawValue, from: from, to: draft.toBox ?? 0, category: line.categoryID,
                condition: line.condition?.rawValue ?? "", atEvent: draft.eventID != nil, withRecipient: draft.recipientID != nil)
            changes.revalue(LineKey(movement: id, line: n + 1), flow: flow, day: day, recorded: valued.recorded,
                            old: valued.recorded, new: grams)
        }
    }

    /// An undone movement is valued as if it had never been: its lines count
    /// their own weights again, which its undo takes back exactly.
    func unvalue(_ original: RowID, undo draft: MovementDraft, changes: inout ValuationChanges) throws {
        guard let from = draft.fromBox else { return }
        let month = YearMonth(draft.date).description, day = draft.date.description
        for r in try Row.fetchAll(db, sql: "SELECT line, grams FROM line_valuation WHERE movement_id = ?", arguments: [original]) {
            let n: Int = r["line"], kept: Int64 = r["grams"]
            guard n >= 1, n <= draft.lines.count else { continue }
            let line = draft.lines[n - 1]
            let flow = ValuationChanges.FlowCellKey(
                month: month, kind: draft.kind.rawValue, from: from, to: draft.toBox ?? 0, category: line.categoryID,
                condition: line.condition?.rawValue ?? "", atEvent: draft.eventID != nil, withRecipient: draft.recipientID != nil)
            let recorded = line.grams?.value ?? 0
            changes.revalue(LineKey(movement: original, line: n), flow: flow, day: day, recorded: recorded, old: kept, new: recorded)
        }
    }

    /// The stock of these boxes and categories now, and whether any of them
    /// has a change dated after `day`.
    func valuedStock(_ keys: Set<KilogramValuation.Key>, after day: LocalDate) throws -> (stock: [KilogramValuation.Key: ValuedStock], later: Bool) {
        var stock: [KilogramValuation.Key: ValuedStock] = [:]
        var later = false
        for key in keys {
            let r = try Row.fetchOne(db, sql: "SELECT quantity, grams FROM balance WHERE box_id = ? AND category_id = ?",
                                     arguments: [key.box, key.category])
            stock[key] = ValuedStock(quantity: r?["quantity"] ?? 0, grams: r?["grams"] ?? 0)
            if !later {
                later = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM balance_day WHERE box_id = ? AND category_id = ? AND day > ?)
                    """, arguments: [key.box, key.category, day.description]) ?? false
            }
        }
        return (stock, later)
    }

    /// Writes what revaluing changed.
    func write(_ changes: ValuationChanges) throws {
        guard !changes.isEmpty else { return }
        let upsert = try RawStatement(db, """
            INSERT INTO line_valuation(movement_id, line, grams) VALUES (?1, ?2, ?3)
            ON CONFLICT DO UPDATE SET grams = excluded.grams
            """)
        let delete = try RawStatement(db, "DELETE FROM line_valuation WHERE movement_id = ?1 AND line = ?2")
        for (key, grams) in changes.lines.sorted(by: { $0.key < $1.key }) {
            if let grams {
                upsert.bind(1, key.movement); upsert.bind(2, key.line); upsert.bind(3, grams)
                try upsert.run()
            } else {
                delete.bind(1, key.movement); delete.bind(2, key.line)
                try delete.run()
            }
        }
        let day = try RawStatement(db, "UPDATE balance_day SET grams = grams + ?4 WHERE box_id = ?1 AND category_id = ?2 AND day = ?3")
        for (key, diff) in changes.days.sorted(by: { $0.key < $1.key }) where diff != 0 {
            day.bind(1, key.box); day.bind(2, key.category); day.bind(3, key.day); day.bind(4, diff)
            try day.run()
        }
        let balance = try RawStatement(db, "UPDATE balance SET grams = grams + ?3 WHERE box_id = ?1 AND category_id = ?2")
        for (key, diff) in changes.boxes where diff != 0 {
            balance.bind(1, key.box); balance.bind(2, key.category); balance.bind(3, diff)
            try balance.run()
        }
        let flow = try RawStatement(db, """
            UPDATE flow_month SET estimated = estimated + ?9
            WHERE month = ?1 AND kind = ?2 AND from_box_id = ?3 AND to_box_id = ?4 AND category_id = ?5
              AND condition = ?6 AND at_event = ?7 AND with_recipient = ?8
            """)
        for (key, diff) in changes.flows where diff != 0 {
            flow.bind(1, key.month); flow.bind(2, key.kind); flow.bind(3, key.from); flow.bind(4, key.to)
            flow.bind(5, key.category); flow.bind(6, key.condition); flow.bind(7, key.atEvent ? 1 : 0)
            flow.bind(8, key.withRecipient ? 1 : 0); flow.bind(9, diff)
            try flow.run()
        }
    }

    /// Values every line afresh from an empty ledger, as `darmarka check`
    /// holds `line_valuation` to: the grams of each line whose value is not
    /// its own weight.
    func freshValuation() throws -> [LineKey: Int64] {
        var out: [LineKey: Int64] = [:]
        try replay(from: "", categories: nil, opening: { _ in ValuedStock() }, visit: { line, _, recorded, _, now in
            if now != recorded { out[line] = now }
        })
        return out
    }
}
