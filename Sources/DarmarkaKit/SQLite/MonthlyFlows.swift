import DarmarkaCore
import GRDB
import GRDBSQLite

// The monthly report's hot path: a year of `flow_month` rows summed in
// Swift while SQLite steps through them in key order. A GROUP BY would sort
// them first, and GRDB's Row decoding costs more than the query here.
extension SQLiteLedger {
    /// A row of `flow_month` without its month: what a period's flows are summed by.
    private struct PeriodFlowKey: Hashable {
        var kind: MovementKind
        var from: Int64
        var to: Int64
        var category: Int64
        var condition: Condition?
        var atEvent: Bool
        var withRecipient: Bool

        /// Four numbers: a kind and a condition would otherwise hash as their
        /// raw strings, once for each of a year's rows.
        func hash(into hasher: inout Hasher) {
            hasher.combine(from)
            hasher.combine(to)
            hasher.combine(category)
            let kindCode: Int = switch kind {
            case .intake: 0
            case .handout: 1
            case .transfer: 2
            case .writeoff: 3
            case .adjustment: 4
            }
            let conditionCode: Int = switch condition {
            case nil: 0
            case .new: 1
            case .good: 2
            case .repair: 3
            case .recycle: 4
            }
            hasher.combine(kindCode << 5 | conditionCode << 2 | (atEvent ? 2 : 0) | (withRecipient ? 1 : 0))
        }
    }

    /// People helped in a period: its whole months from `recipient_month`,
    /// the days at either end (see `Period.parts`) from `recipient_visit`,
    /// new recipients from `recipient_first`. The distinct set is built in
    /// Swift; SQLite's DISTINCT would sort a year of rows first.
    func recipientsByParts(_ period: Period, shared: ReportReads) throws -> RecipientFacts {
        var unique = try recipientIDBits()
        var facts = RecipientFacts()
        let parts = period.parts
        if let months = parts.months {
            try forEachRow("SELECT recipient_id, visits FROM recipient_month WHERE month BETWEEN ? AND ?",
                           [months.lowerBound.description, months.upperBound.description]) { handle in
                unique.insert(sqlite3_column_int64(handle, 0))
                facts.visits += Int(sqlite3_column_int64(handle, 1))
            }
        }
        for edge in parts.edges {
            // A row is a visit: one recipient on one day.
            try forEachRow("SELECT recipient_id FROM recipient_visit WHERE day BETWEEN ? AND ?",
                           [edge.from.description, edge.to.description]) { handle in
                unique.insert(sqlite3_column_int64(handle, 0))
                facts.visits += 1
            }
        }
        facts.unique = unique.count
        // Whoever came first in the period came in it, so needs no test against `unique`.
        facts.new = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recipient_first WHERE first_day BETWEEN ? AND ?",
                                     arguments: [period.from.description, period.to.description]) ?? 0
        try addPeople(unique, to: &facts, shared: shared)
        return facts
    }

    /// An empty set of recipients, with bits for every id there is.
    func recipientIDBits() throws -> RowIDBits {
        RowIDBits(largest: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM recipient") ?? 0)
    }

    /// The households and groups of the recipients in `unique`.
    func addPeople(_ unique: RowIDBits, to facts: inout RecipientFacts, shared: ReportReads) throws {
        guard !unique.isEmpty else { return }
        let recipients = try shared.recipients ?? households()
        shared.recipients = recipients
        for (i, id) in recipients.ids.enumerated() where unique.contains(id) {
            facts.people += recipients.households[i]
            facts.byGroup[recipients.groups[i], default: 0] += 1
        }
    }

    /// Every recipient's id, household size and group code ("" for none).
    private func households() throws -> (ids: [Int64], households: [Int], groups: [String]) {
        let groups = Dictionary(uniqueKeysWithValues: try self.groups().map { ($0.id, $0.code) })
        var out: (ids: [Int64], households: [Int], groups: [String]) = ([], [], [])
        try forEachRow("SELECT id, household_size, group_id FROM recipient", []) { handle in
            out.ids.append(sqlite3_column_int64(handle, 0))
            out.households.append(Int(sqlite3_column_int64(handle, 1)))
            out.groups.append(sqlite3_column_type(handle, 2) == SQLITE_NULL ? "" : groups[sqlite3_column_int64(handle, 2)] ?? "")
        }
        return out
    }

    /// Flows of whole months, optionally of one centre's boxes.
    func monthlyFlows(from first: YearMonth, to last: YearMonth, centre: Centre?) throws -> [FlowRow] {
        var sums: [PeriodFlowKey: FlowSums] = [:]
        try forEachRow("""
            SELECT kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient,
                   items, grams, weighed, movements, estimated
            FROM flow_month WHERE month BETWEEN ? AND ?
            """, [first.description, last.description]) { handle in
            guard let kind = Self.kind(sqlite3_column_text(handle, 0)) else { return }
            let key = PeriodFlowKey(kind: kind, from: sqlite3_column_int64(handle, 1), to: sqlite3_column_int64(handle, 2),
                              category: sqlite3_column_int64(handle, 3), condition: Self.condition(sqlite3_column_text(handle, 4)),
                              atEvent: sqlite3_column_int64(handle, 5) != 0, withRecipient: sqlite3_column_int64(handle, 6) != 0)
            // One lookup a row: the sums are changed where they lie.
            // Outflows weigh what was weighed and what was estimated.
            let estimated = sqlite3_column_int64(handle, 11)
            sums[key, default: FlowSums()].add(items: Int(sqlite3_column_int64(handle, 7)), grams: sqlite3_column_int64(handle, 8) + estimated,
                                               weighed: Int(sqlite3_column_int64(handle, 9)),
                                               movements: Int(sqlite3_column_int64(handle, 10)), estimated: estimated)
        }
        // Codes as stored: they are canonical, and a row names its boxes
        // without working out their check symbols again.
        var boxes: [Int64: (code: String, centreID: Int64, centreCode: String)] = [:]
        try forEachRow("SELECT b.id, b.code, b.centre_id, c.code FROM box b JOIN centre c ON c.id = b.centre_id", []) { handle in
            boxes[sqlite3_column_int64(handle, 0)] = (Self.text(handle, 1), sqlite3_column_int64(handle, 2), Self.text(handle, 3))
        }
        let categories = Dictionary(uniqueKeysWithValues: try self.categories().map { ($0.id, $0.code) })
        var rows: [FlowRow] = []
        rows.reserveCapacity(sums.count)
        for (key, sum) in sums where sum.items != 0 || sum.grams != 0 || sum.movements != 0 || sum.estimated != 0 {
            let from = boxes[key.from], to = boxes[key.to]
            if let centre, from?.centreID != centre.id, to?.centreID != centre.id { continue }
            rows.append(FlowRow(kind: key.kind, fromCentre: from?.centreCode, toCentre: to?.centreCode,
                                fromBox: from?.code, toBox: to?.code,
                                category: categories[key.category] ?? "#\(key.category)", condition: key.condition,
                                atEvent: key.atEvent, withRecipient: key.withRecipient, items: sum.items, grams: sum.grams,
                                weighed: sum.weighed, movements: sum.movements, estimated: sum.estimated))
        }
        return rows
    }

    private static func text(_ handle: OpaquePointer, _ column: Int32) -> String {
        sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
    }

    /// The kinds differ in their first letter.
    private static func kind(_ text: UnsafePointer<UInt8>?) -> MovementKind? {
        switch text?.pointee {
        case UInt8(ascii: "i"): .intake
        case UInt8(ascii: "h"): .handout
        case UInt8(ascii: "t"): .transfer
        case UInt8(ascii: "w"): .writeoff
        case UInt8(ascii: "a"): .adjustment
        default: nil
        }
    }

    /// new, good, repair, recycle; '' for none. Repair and recycle differ in the third letter.
    private static func condition(_ text: UnsafePointer<UInt8>?) -> Condition? {
        guard let text else { return nil }
        switch text.pointee {
        case UInt8(ascii: "n"): return .new
        case UInt8(ascii: "g"): return .good
        case UInt8(ascii: "r"): return text[1] == 0 ? nil : text[2] == UInt8(ascii: "p") ? .repair : .recycle
        default: return nil
        }
    }
}
