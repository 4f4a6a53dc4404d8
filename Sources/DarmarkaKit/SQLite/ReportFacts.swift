import DarmarkaCore
import GRDB
import GRDBSQLite

// What reports read. Whole months come from `flow_month`, `recipient_month`
// and `volunteer_month`, kept up to date with every movement; only the days
// at either end of other periods (see `Period.parts`), and one centre's
// recipients and volunteers, are summed from the ledger itself.
extension SQLiteLedger {
    /// A period's facts, reading what the columns of one report have in common
    /// (see `ReportReads`) only once.
    func facts(for period: Period, centre: Centre?, shared: ReportReads) throws -> PeriodFacts {
        let events = try eventFacts(period, centre: centre)
        // The start is the end of the day before: a month's start is the month before's end.
        let dayBefore = period.from.adding(days: -1)
        func stockAt(_ day: LocalDate) throws -> [String: Amount] {
            let stock = try shared.stock[day] ?? stockByCentre(at: day, centre: centre)
            shared.stock[day] = stock
            return stock
        }
        let stock = try stockAt(period.to), start = try stockAt(dayBefore)
        return PeriodFacts(period: period,
                    flows: try flows(period, centre: centre, fromLedger: false, shared: shared),
                    recipients: try recipientFacts(period, centre: centre, shared: shared),
                    events: events.count, participants: events.participants,
                    stockAtEnd: stock,
                    volunteers: try volunteerCount(period, centre: centre), centre: centre?.code,
                    stockAtStart: start)
    }

    func flows(_ period: Period, centre: Centre?, fromLedger: Bool) throws -> [FlowRow] {
        try flows(period, centre: centre, fromLedger: fromLedger, shared: ReportReads())
    }

    func flows(_ period: Period, centre: Centre?, fromLedger: Bool, shared: ReportReads) throws -> [FlowRow] {
        if fromLedger { return try ledgerFlows(period, centre: centre) }
        let parts = period.parts
        var rows: [FlowRow] = []
        if let months = parts.months { rows = try monthlyFlows(from: months.lowerBound, to: months.upperBound, centre: centre) }
        guard !parts.edges.isEmpty else { return rows }
        for edge in parts.edges {
            // A range's column and a target measured to its end share their last days.
            let edgeRows = try shared.edgeFlows[edge] ?? ledgerFlows(edge, centre: centre)
            shared.edgeFlows[edge] = edgeRows
            rows += edgeRows
        }
        return FlowRow.merged(rows)
    }

    /// Flows of a period summed from the ledger's movements and lines.
    private func ledgerFlows(_ period: Period, centre: Centre?) throws -> [FlowRow] {
        let source = """
            SELECT m.kind, COALESCE(m.from_box_id, 0) AS from_box_id, COALESCE(m.to_box_id, 0) AS to_box_id,
                   l.category_id, COALESCE(l.condition, '') AS condition, m.event_id IS NOT NULL AS at_event,
                   m.recipient_id IS NOT NULL AS with_recipient,
                   s.sign * l.quantity AS items, s.sign * COALESCE(v.grams, l.grams, 0) AS grams,
                   CASE WHEN l.grams IS NULL THEN 0 ELSE s.sign * l.quantity END AS weighed,
                   CASE WHEN l.line = 1 THEN s.sign ELSE 0 END AS movements,
                   s.sign * (COALESCE(v.grams, l.grams, 0) - COALESCE(l.grams, 0)) AS estimated
            FROM movement m
            JOIN (SELECT id, \(LedgerSQL.sign("movement")) AS sign FROM movement
                  WHERE occurred_on BETWEEN ?1 AND ?2) s ON s.id = m.id
            JOIN movement_line l ON l.movement_id = m.id
            LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
            """
        // Sum by ids first, then name: one box id is one code, one centre.
        var arguments: StatementArguments = [period.from.description, period.to.description]
        if let centre { arguments += [centre.id] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.kind, fc.code AS from_centre, tc.code AS to_centre, fb.code AS from_box, tb.code AS to_box,
                   k.code AS category, f.condition, f.at_event, f.with_recipient, f.items, f.grams, f.weighed, f.movements,
                   f.estimated
            FROM (SELECT kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient,
                         SUM(items) AS items, SUM(grams) AS grams, SUM(weighed) AS weighed, SUM(movements) AS movements,
                         SUM(estimated) AS estimated
                  FROM (\(source)) GROUP BY 1, 2, 3, 4, 5, 6, 7
                  HAVING SUM(items) <> 0 OR SUM(grams) <> 0 OR SUM(movements) <> 0) f
            LEFT JOIN box fb ON fb.id = f.from_box_id LEFT JOIN centre fc ON fc.id = fb.centre_id
            LEFT JOIN box tb ON tb.id = f.to_box_id LEFT JOIN centre tc ON tc.id = tb.centre_id
            JOIN category k ON k.id = f.category_id
            \(centre == nil ? "" : "WHERE fb.centre_id = ?3 OR tb.centre_id = ?3")
            """, arguments: arguments)
        // Columns by position: looking them up by name costs more than the query here.
        return rows.compactMap { r in
            guard let kind = MovementKind(rawValue: r[0]) else { return nil }
            return FlowRow(kind: kind, fromCentre: r[1], toCentre: r[2], fromBox: r[3], toBox: r[4], category: r[5],
                           condition: Condition(rawValue: r[6]), atEvent: r[7], withRecipient: r[8], items: r[9],
                           grams: r[10], weighed: r[11], movements: r[12], estimated: r[13])
        }
    }

    /// Unique, new, visits, people and groups: for the whole organisation
    /// from the tables kept by month and day (`recipientsByParts`), for one
    /// centre from the ledger's handouts at its boxes; undone handouts never count.
    func recipientFacts(_ period: Period, centre: Centre?, shared: ReportReads = ReportReads()) throws -> RecipientFacts {
        guard let centre else { return try recipientsByParts(period, shared: shared) }
        var unique = try recipientIDBits()
        var facts = RecipientFacts()
        // Each recipient's days at this centre up to the period's end, in one
        // pass: new if the first of them is in the period.
        try forEachRow("""
            SELECT recipient_id, MIN(day) >= ?1, SUM(day BETWEEN ?1 AND ?2) FROM (
                SELECT DISTINCT m.recipient_id, m.occurred_on AS day FROM movement m JOIN box b ON b.id = m.from_box_id
                WHERE b.centre_id = ?3 AND m.occurred_on <= ?2 AND m.kind = 'handout' AND m.recipient_id IS NOT NULL
                  AND \(LedgerSQL.standing("m")))
            GROUP BY recipient_id HAVING SUM(day BETWEEN ?1 AND ?2) > 0
            """, [period.from.description, period.to.description, centre.id]) { handle in
            unique.insert(sqlite3_column_int64(handle, 0))
            if sqlite3_column_int64(handle, 1) != 0 { facts.new += 1 }
            facts.visits += Int(sqlite3_column_int64(handle, 2))
        }
        facts.unique = unique.count
        try addPeople(unique, to: &facts, shared: shared)
        return facts
    }

    func eventFacts(_ period: Period, centre: Centre?) throws -> (count: Int, participants: Int) {
        let r = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(participants), 0) AS p FROM event
            WHERE held_on BETWEEN ? AND ? AND (?3 IS NULL OR centre_id = ?3)
            """, arguments: [period.from.description, period.to.description, centre?.id])
        return (r?["n"] ?? 0, r?["p"] ?? 0)
    }

    func volunteerCount(_ period: Period, centre: Centre?) throws -> Int {
        if let centre {
            // Through the box indexes: only the centre's movements are read.
            // Undone movements do not count, as for the whole organisation.
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT volunteer_id) FROM (
                    SELECT m.id, m.volunteer_id, m.reverses_id FROM box b JOIN movement m ON m.from_box_id = b.id
                    WHERE b.centre_id = ?3 AND m.occurred_on BETWEEN ?1 AND ?2
                    UNION
                    SELECT m.id, m.volunteer_id, m.reverses_id FROM box b JOIN movement m ON m.to_box_id = b.id
                    WHERE b.centre_id = ?3 AND m.occurred_on BETWEEN ?1 AND ?2) m
                WHERE volunteer_id IS NOT NULL AND \(LedgerSQL.standing("m"))
                """, arguments: [period.from.description, period.to.description, centre.id]) ?? 0
        }
        // Whole months from `volunteer_month`, the days at either end from
        // the ledger; a volunteer in both counts once.
        let parts = period.parts
        var volunteers = Set<Int64>()
        if let months = parts.months {
            volunteers.formUnion(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT volunteer_id FROM volunteer_month WHERE month BETWEEN ? AND ? AND movements > 0
                """, arguments: [months.lowerBound.description, months.upperBound.description]))
        }
        for edge in parts.edges {
            volunteers.formUnion(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT volunteer_id FROM movement m
                WHERE occurred_on BETWEEN ? AND ? AND volunteer_id IS NOT NULL
                  AND \(LedgerSQL.standing("m"))
                """, arguments: [edge.from.description, edge.to.description]))
        }
        return volunteers.count
    }

    /// Stock per centre at the end of a day: today's balances, less the net
    /// change of every later month (from `flow_month`) and of the rest of
    /// that day's month (from the ledger). Reports mostly ask about recent
    /// months, so this reads little.
    func stockByCentre(at day: LocalDate, centre: Centre?) throws -> [String: Amount] {
        let month = YearMonth(day)
        var out: [String: Amount] = [:]
        for r in try Row.fetchAll(db, sql: """
            WITH later(box_id, q, g) AS (
                SELECT to_box_id, items, grams + estimated FROM flow_month WHERE month > ?2 AND to_box_id <> 0
                UNION ALL SELECT from_box_id, -items, -(grams + estimated) FROM flow_month WHERE month > ?2 AND from_box_id <> 0
                UNION ALL SELECT m.to_box_id, s.sign * l.quantity, s.sign * COALESCE(v.grams, l.grams, 0)
                    FROM movement m JOIN movement_line l ON l.movement_id = m.id
                    JOIN (SELECT id, \(LedgerSQL.sign("movement")) AS sign FROM movement
                          WHERE occurred_on > ?1 AND occurred_on <= ?3) s ON s.id = m.id
                    LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
                    WHERE m.to_box_id IS NOT NULL
                UNION ALL SELECT m.from_box_id, -s.sign * l.quantity, -s.sign * COALESCE(v.grams, l.grams, 0)
                    FROM movement m JOIN movement_line l ON l.movement_id = m.id
                    JOIN (SELECT id, \(LedgerSQL.sign("movement")) AS sign FROM movement
                          WHERE occurred_on > ?1 AND occurred_on <= ?3) s ON s.id = m.id
                    LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
                    WHERE m.from_box_id IS NOT NULL),
            stock(box_id, q, g) AS (
                SELECT box_id, quantity, grams FROM balance
                UNION ALL SELECT box_id, -SUM(q), -SUM(g) FROM later GROUP BY box_id)
            SELECT c.code, SUM(s.q) AS q, SUM(s.g) AS g FROM stock s
            JOIN box b ON b.id = s.box_id JOIN centre c ON c.id = b.centre_id
            WHERE ?4 IS NULL OR c.id = ?4 GROUP BY c.code
            """, arguments: [day.description, month.description, month.last.description, centre?.id]) {
            let amount = Amount(items: r["q"], grams: r["g"])
            if amount != .zero { out[r["code"]] = amount }
        }
        return out
    }

    func trend(_ months: [YearMonth], centre: Centre?) throws -> [Report.TrendPoint] {
        guard let first = months.first, let last = months.last else { return [] }
        var points = Dictionary(uniqueKeysWithValues: months.map { ($0, Report.TrendPoint(month: $0, received: 0, handedOut: 0)) })
        let rows: [Row]
        if let centre {
            rows = try Row.fetchAll(db, sql: """
                SELECT f.month, f.kind, SUM(f.items) AS items FROM flow_month f
                LEFT JOIN box fb ON fb.id = f.from_box_id LEFT JOIN box tb ON tb.id = f.to_box_id
                WHERE f.month BETWEEN ? AND ? AND f.kind IN ('intake', 'handout') AND (fb.centre_id = ?3 OR tb.centre_id = ?3)
                GROUP BY 1, 2
                """, arguments: [first.description, last.description, centre.id])
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT month, kind, SUM(items) AS items FROM flow_month
                WHERE month BETWEEN ? AND ? AND kind IN ('intake', 'handout') GROUP BY 1, 2
                """, arguments: [first.description, last.description])
        }
        for r in rows {
            guard let m = YearMonth.parse(r["month"]) else { continue }
            if r["kind"] as String == "intake" { points[m]?.received = r["items"] } else { points[m]?.handedOut = r["items"] }
        }
        return months.compactMap { points[$0] }
    }

    func reportNames() throws -> Report.Names {
        Report.Names(
            categories: Dictionary(uniqueKeysWithValues: try categories().map { ($0.code, Phrase.stored($0.nameRu, $0.nameEn)) }),
            groups: Dictionary(uniqueKeysWithValues: try groups().map { ($0.code, Phrase.stored($0.nameRu, $0.nameEn)) }),
            centres: Dictionary(uniqueKeysWithValues: try centres().map { ($0.code, $0.name) }))
    }

    // MARK: Targets

    func setTarget(_ target: Target) throws {
        let stored: DatabaseValueConvertible = target.metric.isWeight ? Double(target.value) / 1000 : target.value
        try db.execute(sql: """
            INSERT INTO target(metric, period_from, period_to, value, set_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET value = excluded.value, set_at = excluded.set_at
            """, arguments: [target.metric.rawValue, target.period.from.description, target.period.to.description, stored, recordedAt])
    }

    func targets(overlapping period: Period?) throws -> [Target] {
        try Row.fetchAll(db, sql: """
            SELECT metric, period_from, period_to, value FROM target
            WHERE ?1 IS NULL OR (period_from <= ?2 AND period_to >= ?1) ORDER BY period_from, metric
            """, arguments: [period?.from.description, period?.to.description]).compactMap { r in
                guard let m = Metric(rawValue: r["metric"]), let from = LocalDate.parse(r["period_from"]),
                      let to = LocalDate.parse(r["period_to"]) else { return nil }
                let stored: Double = r["value"]
                return Target(metric: m, period: Period(from: from, to: to),
                              value: m.isWeight ? Int((stored * 1000).rounded()) : Int(stored.rounded()))
            }
    }
}

/// What the columns of one report would each read alike, read once: the
/// stock at the end of a day (a year-to-date column ends where its month
/// does), every recipient's household and group, and the flows of the days
/// at a period's ends. One report, one transaction, one centre or none:
/// nothing here outlives it.
final class ReportReads {
    var stock: [LocalDate: [String: Amount]] = [:]
    var recipients: (ids: [Int64], households: [Int], groups: [String])?
    /// Flows of the days at the ends of periods, summed from the ledger.
    var edgeFlows: [Period: [FlowRow]] = [:]
}
