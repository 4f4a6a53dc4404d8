import DarmarkaCore
import GRDB
import GRDBSQLite

// `darmarka check`: the file, its references, and the ledger's own rules.
extension SQLiteLedger {
    func verify() throws -> [Finding] {
        var findings: [Finding] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { findings += integrity.prefix(20).map(Finding.integrity) }
        for r in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            findings.append(.foreignKey(table: r[0], row: r[1] ?? 0, parent: r[2]))
        }
        findings += try schemaFindings()
        findings += try valuationFindings()
        findings += try balanceFindings()
        findings += try reportTableFindings()
        findings += try negativeStockFindings()
        findings += try reversalFindings()
        findings += try recipientKeyFindings()
        findings += try sealFindings()
        return findings
    }

    /// Recipients whose stored key is not their code folded: a code typed
    /// any way would miss them.
    private func recipientKeyFindings() throws -> [Finding] {
        try Row.fetchAll(db, sql: "SELECT code, code_key FROM recipient ORDER BY id").compactMap { r in
            let code: String = r["code"]
            return RecipientCodes.key(code) == r["code_key"] ? nil : .recipientKeyStale(code: code)
        }.prefix(50).map { $0 }
    }

    func recipientsSharingCodes() throws -> [[String]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT code_key, code FROM recipient
            WHERE code_key IN (SELECT code_key FROM recipient GROUP BY code_key HAVING COUNT(*) > 1)
            ORDER BY code_key, code
            """)
        var groups: [[String]] = []
        var last: String?
        for r in rows {
            let key: String = r["code_key"]
            if key == last { groups[groups.count - 1].append(r["code"]) } else { groups.append([r["code"]]) }
            last = key
        }
        return groups
    }

    func ledgerSize() throws -> (movements: Int, lines: Int) {
        (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement") ?? 0,
         try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement_line") ?? 0)
    }

    /// Signed stock changes of every line, by box, category and day; grams
    /// as valued (`line_valuation`, which `valuationFindings` holds to a
    /// fresh valuation of the ledger).
    static let ledgerDeltas = """
        SELECT box_id, category_id, day, SUM(q) AS quantity, SUM(g) AS grams FROM (
            SELECT m.to_box_id AS box_id, l.category_id, m.occurred_on AS day,
                   \(LedgerSQL.sign("m")) * l.quantity AS q,
                   \(LedgerSQL.sign("m")) * COALESCE(v.grams, l.grams, 0) AS g
            FROM movement m JOIN movement_line l ON l.movement_id = m.id
            LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
            WHERE m.to_box_id IS NOT NULL
            UNION ALL
            SELECT m.from_box_id, l.category_id, m.occurred_on,
                   -\(LedgerSQL.sign("m")) * l.quantity,
                   -\(LedgerSQL.sign("m")) * COALESCE(v.grams, l.grams, 0)
            FROM movement m JOIN movement_line l ON l.movement_id = m.id
            LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
            WHERE m.from_box_id IS NOT NULL)
        GROUP BY box_id, category_id, day
        """

    /// `line_valuation` against the ledger valued afresh from its first day.
    private func valuationFindings() throws -> [Finding] {
        let fresh = try freshValuation()
        var kept: [LineKey: Int64] = [:]
        try forEachRow("SELECT movement_id, line, grams FROM line_valuation", []) { handle in
            kept[LineKey(movement: sqlite3_column_int64(handle, 0), line: Int(sqlite3_column_int64(handle, 1)))] = sqlite3_column_int64(handle, 2)
        }
        let differ = fresh.filter { kept[$0.key] != $0.value }.count + kept.filter { fresh[$0.key] == nil }.count
        return differ > 0 ? [.reportTableDiffers(table: "line_valuation", rows: differ)] : []
    }

    private func names(_ box: Int64?, _ category: Int64?) throws -> (String, String) {
        let b = try String.fetchOne(db, sql: "SELECT code FROM box WHERE id = ?", arguments: [box]) ?? "#\(box ?? 0)"
        let c = try String.fetchOne(db, sql: "SELECT code FROM category WHERE id = ?", arguments: [category]) ?? "#\(category ?? 0)"
        return (b, c)
    }

    private func balanceFindings() throws -> [Finding] {
        var out: [Finding] = []
        let byDay = try Row.fetchAll(db, sql: """
            WITH d AS (\(Self.ledgerDeltas))
            SELECT COALESCE(d.box_id, k.box_id) AS box, COALESCE(d.category_id, k.category_id) AS category,
                   COALESCE(d.day, k.day) AS day, COALESCE(k.quantity, 0) AS kept, COALESCE(d.quantity, 0) AS ledger
            FROM d FULL OUTER JOIN balance_day k ON k.box_id = d.box_id AND k.category_id = d.category_id AND k.day = d.day
            WHERE COALESCE(k.quantity, 0) <> COALESCE(d.quantity, 0) OR COALESCE(k.grams, 0) <> COALESCE(d.grams, 0)
            LIMIT 50
            """)
        for r in byDay {
            let (b, c) = try names(r["box"], r["category"])
            out.append(.dayBalanceDiffers(box: b, category: c, day: r["day"], kept: r["kept"], ledger: r["ledger"]))
        }
        // When `balance_day` agrees with the ledger day by day, its sums are
        // the ledger's: no need to sum the whole ledger a second time.
        let perDay = byDay.isEmpty ? "SELECT box_id, category_id, quantity, grams FROM balance_day" : Self.ledgerDeltas
        let now = try Row.fetchAll(db, sql: """
            WITH d AS (SELECT box_id, category_id, SUM(quantity) AS quantity, SUM(grams) AS grams
                       FROM (\(perDay)) GROUP BY box_id, category_id)
            SELECT COALESCE(d.box_id, k.box_id) AS box, COALESCE(d.category_id, k.category_id) AS category,
                   COALESCE(k.quantity, 0) AS kept, COALESCE(d.quantity, 0) AS ledger
            FROM d FULL OUTER JOIN balance k ON k.box_id = d.box_id AND k.category_id = d.category_id
            WHERE COALESCE(k.quantity, 0) <> COALESCE(d.quantity, 0) OR COALESCE(k.grams, 0) <> COALESCE(d.grams, 0)
            LIMIT 50
            """)
        for r in now {
            let (b, c) = try names(r["box"], r["category"])
            out.append(.balanceDiffers(box: b, category: c, kept: r["kept"], ledger: r["ledger"]))
        }
        return out
    }

    /// The tables kept for reports against the same sums made afresh from
    /// the ledger.
    private func reportTableFindings() throws -> [Finding] {
        let checks: [(table: String, fresh: String, kept: String)] = [
            ("flow_month", "SELECT * FROM (\(Migrations.flowMonthFromLedger)) WHERE \(Self.nonZeroFlow)",
             "SELECT * FROM flow_month WHERE \(Self.nonZeroFlow)"),
            ("recipient_visit", Migrations.recipientVisitsFromLedger, "SELECT recipient_id, day, handouts FROM recipient_visit"),
            ("volunteer_month", "SELECT * FROM (\(Migrations.volunteerMonthsFromLedger)) WHERE movements <> 0",
             "SELECT month, volunteer_id, movements FROM volunteer_month WHERE movements <> 0"),
            ("recipient_month", Migrations.recipientMonthsFromVisits, "SELECT month, recipient_id, visits FROM recipient_month"),
            ("recipient_first", Migrations.recipientFirstsFromVisits, "SELECT recipient_id, first_day FROM recipient_first"),
        ]
        return try checks.compactMap { check in
            let rows = try Int.fetchOne(db, sql: """
                WITH a AS (\(check.fresh)), b AS (\(check.kept))
                SELECT (SELECT COUNT(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b))
                     + (SELECT COUNT(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a))
                """) ?? 0
            return rows > 0 ? .reportTableDiffers(table: check.table, rows: rows) : nil
        }
    }

    /// Flows that net to nothing (a movement and its undo) may stay as rows of zeros.
    private static let nonZeroFlow = "items <> 0 OR grams <> 0 OR movements <> 0 OR weighed <> 0 OR estimated <> 0"

    private func negativeStockFindings() throws -> [Finding] {
        try Row.fetchAll(db, sql: """
            SELECT box_id, category_id, day, running FROM (
                SELECT box_id, category_id, day,
                       SUM(quantity) OVER (PARTITION BY box_id, category_id ORDER BY day) AS running
                FROM balance_day)
            WHERE running < 0 LIMIT 50
            """).map { r in
                let (b, c) = try names(r["box_id"], r["category_id"])
                return .negativeStock(box: b, category: c, day: r["day"], quantity: r["running"])
            }
    }

    private func reversalFindings() throws -> [Finding] {
        var out: [Finding] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT u.id, u.reverses_id, o.id AS original, o.reverses_id AS original_reverses,
                   u.kind = o.kind AND u.occurred_on = o.occurred_on
                   AND u.from_box_id IS o.from_box_id AND u.to_box_id IS o.to_box_id AS same_shape,
                   (SELECT group_concat(category_id || ':' || quantity || ':' || COALESCE(grams, ''), ',') FROM
                       (SELECT * FROM movement_line WHERE movement_id = u.id ORDER BY category_id, quantity, grams)) AS undo_lines,
                   (SELECT group_concat(category_id || ':' || quantity || ':' || COALESCE(grams, ''), ',') FROM
                       (SELECT * FROM movement_line WHERE movement_id = o.id ORDER BY category_id, quantity, grams)) AS original_lines
            FROM movement u LEFT JOIN movement o ON o.id = u.reverses_id
            WHERE u.reverses_id IS NOT NULL
            """) {
            let id: Int64 = r["id"], target: Int64 = r["reverses_id"]
            if r["original"] as Int64? == nil {
                out.append(.badReversal(id: id, reverses: target, why: "no such movement"))
            } else if r["original_reverses"] as Int64? != nil {
                out.append(.badReversal(id: id, reverses: target, why: "it is itself an undo"))
            } else if !(r["same_shape"] as Bool) {
                out.append(.badReversal(id: id, reverses: target, why: "kind, date or boxes differ"))
            } else if r["undo_lines"] as String? != r["original_lines"] as String? {
                out.append(.badReversal(id: id, reverses: target, why: "lines differ"))
            }
        }
        return out
    }
}
