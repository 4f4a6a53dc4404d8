import DarmarkaCore
import GRDB

// Reference data brought in from files, and written out for them.
extension SQLiteLedger {
    /// The box that has this code, with its centre's code.
    func boxWithCode(_ code: BoxCode) throws -> Box? {
        try Row.fetchOne(db, sql: Self.boxSelect + " WHERE b.code = ?", arguments: [code.description]).flatMap(Self.box)
    }

    /// Whether the code was issued here, to a box or pre-printed.
    func isIssued(_ code: BoxCode) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM issued_code WHERE code = ? OR serial = ?",
                          arguments: [code.description, code.serial]) == true
    }

    /// Takes in a code issued by another database, for a box that moved
    /// here with its label. The serial is the code's own, so the codes this
    /// database issues later (after the largest serial) never repeat it.
    func adoptCode(_ code: BoxCode, centre: Centre) throws {
        try db.execute(sql: "INSERT INTO issued_code(serial, code, centre_id, issued_at, purpose) VALUES (?, ?, ?, ?, 'box')",
                       arguments: [code.serial, code.description, centre.id, recordedAt])
    }

    /// The event of that name (compared as `TextKey` does) on that day.
    func event(named name: String, on date: LocalDate) throws -> Event? {
        let key = TextKey.normalise(name)
        return try Row.fetchAll(db, sql: Self.eventSelect + " WHERE e.held_on = ? ORDER BY e.id", arguments: [date.description])
            .map(Self.event).first { TextKey.normalise($0.name) == key }
    }
}

// What `darmarka export` writes.
extension SQLiteLedger {
    func forEachJournalRow(from: LocalDate?, to: LocalDate?, centre: Centre?,
                                  _ body: (JournalRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: Self.journalSelect + """
            WHERE \(LedgerSQL.standing("m"))
              AND (?1 IS NULL OR m.occurred_on >= ?1) AND (?2 IS NULL OR m.occurred_on <= ?2)
              AND (?3 IS NULL OR fb.centre_id = ?3 OR tb.centre_id = ?3)
            ORDER BY m.occurred_on, m.id, l.line
            """, arguments: [from?.description, to?.description, centre?.id])
        while let r = try rows.next() { try body(try Self.journalRow(r)) }
    }

    func exportedRows(movement id: RowID) throws -> [JournalRow] {
        try Row.fetchAll(db, sql: Self.journalSelect + " WHERE m.id = ? AND m.reverses_id IS NULL ORDER BY l.line",
                         arguments: [id]).map(Self.journalRow)
    }

    private static let journalSelect = """
        SELECT m.id, m.kind, m.occurred_on, m.occurred_at, fb.code AS from_code, tb.code AS to_code,
               k.code AS category, l.quantity, l.grams, l.condition, r.code AS recipient, g.code AS grp,
               e.name AS event, v.name AS volunteer, (SELECT n.note FROM movement_note n WHERE n.movement_id = m.id) AS note
        FROM movement m
        JOIN movement_line l ON l.movement_id = m.id
        JOIN category k ON k.id = l.category_id
        LEFT JOIN box fb ON fb.id = m.from_box_id
        LEFT JOIN box tb ON tb.id = m.to_box_id
        LEFT JOIN recipient r ON r.id = m.recipient_id
        LEFT JOIN recipient_group g ON g.id = r.group_id
        LEFT JOIN event e ON e.id = m.event_id
        LEFT JOIN volunteer v ON v.id = m.volunteer_id

        """

    private static func journalRow(_ r: Row) throws -> JournalRow {
        guard let kind = MovementKind(rawValue: r["kind"]), let date = LocalDate.parse(r["occurred_on"]) else {
            throw LedgerProblem.unexpected("movement \(r["id"] as Int64): kind or date")
        }
        let from = (r["from_code"] as String?).flatMap { try? BoxCode.parse($0).get() }
        let to = (r["to_code"] as String?).flatMap { try? BoxCode.parse($0).get() }
        let side: AdjustmentSide? = kind == .adjustment ? (to != nil ? .surplus : .shortage) : nil
        let (box, toBox): (BoxCode?, BoxCode?) = switch kind {
        case .intake: (to, nil)
        case .handout, .writeoff: (from, nil)
        case .transfer: (from, to)
        case .adjustment: (to ?? from, nil)
        }
        guard let box else { throw LedgerProblem.unexpected("movement \(r["id"] as Int64): box") }
        return JournalRow(
            date: date, time: (r["occurred_at"] as String?).flatMap(LocalTime.parse), operation: kind,
            adjustment: side, box: box, toBox: toBox, category: r["category"], quantity: r["quantity"],
            weight: (r["grams"] as Int64?).map(Grams.init),
            condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:)),
            recipient: r["recipient"], group: r["grp"], event: r["event"], volunteer: r["volunteer"],
            note: r["note"], movement: String(r["id"] as Int64))
    }

}
