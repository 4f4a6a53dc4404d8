import DarmarkaCore
import Foundation
import GRDB

// The tables kept beside the ledger (balances, daily stock, monthly flows,
// visits): written here only, by `record` for one movement and by the
// importer for a whole journal. Both sum their movements with the core's
// rules (`Ledger.deltas`, `DerivedRows`) and hand the sums to these writers,
// so a derived table has one writer whichever way a movement came in.
extension SQLiteLedger {
    /// The stock of a box and category now, and the net change of each day
    /// from `day` on, for `ImportStock.shortfalls`.
    func stockTimeline(box: RowID, category: RowID, from day: LocalDate) throws -> (current: Int, later: [(day: Int, quantity: Int)]) {
        let current = try Int.fetchOne(db, sql: "SELECT quantity FROM balance WHERE box_id = ? AND category_id = ?",
                                       arguments: [box, category]) ?? 0
        let later = try Row.fetchAll(db, sql: """
            SELECT day, quantity FROM balance_day WHERE box_id = ? AND category_id = ? AND day >= ? ORDER BY day
            """, arguments: [box, category, day.description]).compactMap { r -> (day: Int, quantity: Int)? in
                guard let d = LocalDate.parse(r["day"]) else { return nil }
                return (d.dayNumber, r["quantity"])
            }
        return (current, later)
    }

    /// Adds per-day changes to `balance_day` and their sums to `balance`.
    /// `days` come sorted by box, category and day, the order of the keys,
    /// so the inserts walk the tables' B-trees forwards.
    func addStock(_ days: some Sequence<(box: RowID, category: RowID, day: LocalDate, quantity: Int, grams: Int64)>) throws {
        let day = try RawStatement(cached: db, """
            INSERT INTO balance_day(box_id, category_id, day, quantity, grams) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT(box_id, category_id, day) DO UPDATE
            SET quantity = quantity + excluded.quantity, grams = grams + excluded.grams
            """)
        let balance = try RawStatement(cached: db, """
            INSERT INTO balance(box_id, category_id, quantity, grams) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT(box_id, category_id) DO UPDATE
            SET quantity = quantity + excluded.quantity, grams = grams + excluded.grams
            """)
        var current: (box: RowID, category: RowID, quantity: Int, grams: Int64)?
        func addBalance() throws {
            guard let c = current else { return }
            balance.bind(1, c.box); balance.bind(2, c.category); balance.bind(3, c.quantity); balance.bind(4, c.grams)
            try balance.run()
        }
        for d in days {
            if let c = current, c.box != d.box || c.category != d.category {
                try addBalance()
                current = nil
            }
            day.bind(1, d.box); day.bind(2, d.category); day.bind(3, d.day.description)
            day.bind(4, d.quantity); day.bind(5, d.grams)
            try day.run()
            let c = current ?? (d.box, d.category, 0, 0)
            current = (d.box, d.category, c.quantity + d.quantity, c.grams + d.grams)
        }
        try addBalance()
    }

    /// Adds summed `FlowSums` to `flow_month`.
    func addFlows(_ flows: some Sequence<(key: FlowKey, sums: FlowSums)>) throws {
        let flow = try RawStatement(cached: db, """
            INSERT INTO flow_month(month, kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient,
                                   items, grams, weighed, movements, estimated)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT DO UPDATE SET items = items + excluded.items, grams = grams + excluded.grams,
                weighed = weighed + excluded.weighed, movements = movements + excluded.movements,
                estimated = estimated + excluded.estimated
            """)
        for (key, sums) in flows {
            flow.bind(1, key.month.description)
            flow.bind(2, key.kind.rawValue)
            flow.bind(3, key.from)
            flow.bind(4, key.to)
            flow.bind(5, key.category)
            flow.bind(6, key.condition?.rawValue ?? "")
            flow.bind(7, key.atEvent ? 1 : 0)
            flow.bind(8, key.withRecipient ? 1 : 0)
            flow.bind(9, sums.items)
            flow.bind(10, sums.grams)
            flow.bind(11, sums.weighed)
            flow.bind(12, sums.movements)
            flow.bind(13, sums.estimated)
            try flow.run()
        }
    }

    /// Adds handouts per recipient and day to `recipient_visit`, in the
    /// table's order (day, then recipient). A day that becomes a visit counts
    /// in `recipient_month`, summed here first, and may be the recipient's
    /// first: those are gathered in `firstVisits` for `addFirstVisits`.
    func addVisits(_ visits: [VisitKey: Int], firstVisits: inout [RowID: Int]) throws {
        // Most visits are new: one insert each; a day already there is added to.
        let visit = try RawStatement(cached: db, """
            INSERT INTO recipient_visit(day, recipient_id, handouts) VALUES (?1, ?2, ?3)
            ON CONFLICT(day, recipient_id) DO NOTHING
            """)
        let more = try RawStatement(cached: db, "UPDATE recipient_visit SET handouts = handouts + ?3 WHERE day = ?1 AND recipient_id = ?2")
        let month = try RawStatement(cached: db, """
            INSERT INTO recipient_month(month, recipient_id, visits) VALUES (?1, ?2, ?3)
            ON CONFLICT DO UPDATE SET visits = visits + excluded.visits
            """)
        var newDays: [RecipientMonth: Int] = [:]
        var day = (number: Int.min, text: "")
        for (key, handouts) in visits.sorted(by: { ($0.key.day, $0.key.recipient) < ($1.key.day, $1.key.recipient) }) {
            if key.day != day.number { day = (key.day, LocalDate(dayNumber: key.day).description) }
            visit.bind(1, day.text)
            visit.bind(2, key.recipient)
            visit.bind(3, handouts)
            try visit.run()
            guard visit.changes > 0 else {
                more.bind(1, day.text)
                more.bind(2, key.recipient)
                more.bind(3, handouts)
                try more.run()
                continue
            }
            newDays[RecipientMonth(month: YearMonth(LocalDate(dayNumber: key.day)), recipient: key.recipient), default: 0] += 1
            if firstVisits[key.recipient].map({ key.day < $0 }) ?? true { firstVisits[key.recipient] = key.day }
        }
        for (key, days) in newDays.sorted(by: { ($0.key.month, $0.key.recipient) < ($1.key.month, $1.key.recipient) }) {
            month.bind(1, key.month.description)
            month.bind(2, key.recipient)
            month.bind(3, days)
            try month.run()
        }
    }

    /// Each recipient's first new visit of the import, into `recipient_first`
    /// unless they came earlier before.
    func addFirstVisits(_ firstVisits: [RowID: Int]) throws {
        let first = try RawStatement(cached: db, """
            INSERT INTO recipient_first(recipient_id, first_day) VALUES (?1, ?2)
            ON CONFLICT DO UPDATE SET first_day = min(first_day, excluded.first_day)
            """)
        for (recipient, day) in firstVisits.sorted(by: { $0.key < $1.key }) {
            first.bind(1, recipient)
            first.bind(2, LocalDate(dayNumber: day).description)
            try first.run()
        }
    }

    /// Adds movements per volunteer and month to `volunteer_month`.
    func addVolunteerMonths(_ counts: [VolunteerMonth: Int]) throws {
        let add = try RawStatement(cached: db, """
            INSERT INTO volunteer_month(month, volunteer_id, movements) VALUES (?1, ?2, ?3)
            ON CONFLICT DO UPDATE SET movements = movements + excluded.movements
            """)
        for (key, movements) in counts {
            add.bind(1, key.month.description)
            add.bind(2, key.volunteer)
            add.bind(3, movements)
            try add.run()
        }
    }

    /// Adds what `rows` sums, for movements written outside an import
    /// (`record` and `undo`): visits added go through `addVisits`, and a
    /// handout undone takes its visit away with `removeHandouts`.
    func add(_ rows: DerivedRows) throws {
        if !rows.flows.isEmpty { try addFlows(rows.flows.lazy.map { (key: $0.key, sums: $0.value) }) }
        if !rows.volunteerMonths.isEmpty { try addVolunteerMonths(rows.volunteerMonths) }
        let added = rows.visits.filter { $0.value > 0 }
        if !added.isEmpty {
            var first: [RowID: Int] = [:]
            try addVisits(added, firstVisits: &first)
            try addFirstVisits(first)
        }
        for (key, handouts) in rows.visits where handouts < 0 {
            try removeHandouts(-handouts, recipient: key.recipient, day: LocalDate(dayNumber: key.day))
        }
    }

    /// Takes handouts away from a recipient's day, as undoing a handout
    /// does. A day left with none is no longer a visit: it leaves
    /// `recipient_month`, and, if it was the recipient's first, moves
    /// `recipient_first` to the next visit.
    func removeHandouts(_ count: Int, recipient: RowID, day: LocalDate) throws {
        let before = try Int.fetchOne(db, sql: "SELECT handouts FROM recipient_visit WHERE recipient_id = ? AND day = ?",
                                      arguments: [recipient, day.description]) ?? 0
        let after = before - count
        guard before > 0 else { return }
        if after > 0 {
            try db.execute(sql: "UPDATE recipient_visit SET handouts = ? WHERE recipient_id = ? AND day = ?",
                           arguments: [after, recipient, day.description])
            return
        }
        try db.execute(sql: "DELETE FROM recipient_visit WHERE recipient_id = ? AND day = ?", arguments: [recipient, day.description])
        let month = YearMonth(day).description
        try db.execute(sql: "UPDATE recipient_month SET visits = visits - 1 WHERE month = ? AND recipient_id = ? AND visits > 1",
                       arguments: [month, recipient])
        if db.changesCount == 0 {
            try db.execute(sql: "DELETE FROM recipient_month WHERE month = ? AND recipient_id = ?", arguments: [month, recipient])
        }
        // Only the first visit's loss moves the first day: to the next
        // visit, found walking the days after it (the table is keyed by day).
        let first = try String.fetchOne(db, sql: "SELECT first_day FROM recipient_first WHERE recipient_id = ?", arguments: [recipient])
        if first == day.description {
            if let next = try String.fetchOne(db, sql: """
                SELECT day FROM recipient_visit WHERE day > ?1 AND recipient_id = ?2 ORDER BY day LIMIT 1
                """, arguments: [day.description, recipient]) {
                try db.execute(sql: "UPDATE recipient_first SET first_day = ? WHERE recipient_id = ?", arguments: [next, recipient])
            } else {
                try db.execute(sql: "DELETE FROM recipient_first WHERE recipient_id = ?", arguments: [recipient])
            }
        }
    }
}
