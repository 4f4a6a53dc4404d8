import DarmarkaCore
import GRDB

extension SQLiteLedger {
    func history(box: Box?, centre: Centre?, from: LocalDate?, to: LocalDate?,
                        limit: Int) throws -> [HistoryEntry] {
        try history(box: box, centre: centre, from: from, to: to, id: nil, limit: limit)
    }

    func movement(_ id: RowID) throws -> HistoryEntry? {
        try history(id: id, limit: 1).first
    }

    private func history(box: Box? = nil, centre: Centre? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
                         id: RowID?, limit: Int) throws -> [HistoryEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.kind, m.occurred_on, m.occurred_at, m.recorded_at, fb.code AS from_box, tb.code AS to_box,
                   r.code AS recipient, e.name AS event, v.name AS volunteer, (SELECT n.note FROM movement_note n WHERE n.movement_id = m.id) AS note, m.reverses_id,
                   (SELECT x.id FROM movement x WHERE x.reverses_id = m.id) AS reversed_by
            FROM movement m
            LEFT JOIN box fb ON fb.id = m.from_box_id
            LEFT JOIN box tb ON tb.id = m.to_box_id
            LEFT JOIN recipient r ON r.id = m.recipient_id
            LEFT JOIN event e ON e.id = m.event_id
            LEFT JOIN volunteer v ON v.id = m.volunteer_id
            WHERE (? IS NULL OR m.from_box_id = ? OR m.to_box_id = ?)
              AND (? IS NULL OR fb.centre_id = ? OR tb.centre_id = ?)
              AND (? IS NULL OR m.occurred_on >= ?) AND (? IS NULL OR m.occurred_on <= ?)
              AND (? IS NULL OR m.id = ?)
            ORDER BY m.occurred_on DESC, m.id DESC
            LIMIT ?
            """, arguments: [box?.id, box?.id, box?.id, centre?.id, centre?.id, centre?.id,
                             from?.description, from?.description, to?.description, to?.description, id, id, limit])
        var entries = rows.compactMap { r -> HistoryEntry? in
            guard let kind = MovementKind(rawValue: r["kind"]), let date = LocalDate.parse(r["occurred_on"]) else { return nil }
            return HistoryEntry(id: r["id"], kind: kind, date: date, time: (r["occurred_at"] as String?).flatMap(LocalTime.parse),
                                recordedAt: r["recorded_at"], fromBox: r["from_box"], toBox: r["to_box"],
                                recipient: r["recipient"], event: r["event"], volunteer: r["volunteer"], note: r["note"],
                                reverses: r["reverses_id"], reversedBy: r["reversed_by"], lines: [])
        }
        guard !entries.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
        let ids = entries.map { String($0.id) }.joined(separator: ",")
        for r in try Row.fetchAll(db, sql: """
            SELECT l.movement_id, k.code, k.name_ru, k.name_en, l.quantity, l.grams, l.condition
            FROM movement_line l JOIN category k ON k.id = l.category_id
            WHERE l.movement_id IN (\(ids)) ORDER BY l.movement_id, l.line
            """) {
            guard let i = index[r["movement_id"]] else { continue }
            entries[i].lines.append(.init(category: r["code"], categoryName: .stored(r["name_ru"], r["name_en"]),
                                          quantity: r["quantity"], grams: (r["grams"] as Int64?).map(Grams.init),
                                          condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:))))
        }
        return entries
    }
}
