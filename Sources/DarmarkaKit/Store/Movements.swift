import DarmarkaCore
import Foundation
import GRDB

// Recording movements, undoing them, and the stock they leave.
extension LedgerTransaction {
    /// Records a movement and updates the stock it changes, refusing it when
    /// any box and category would fall below zero on any day from its date on.
    @discardableResult
    public func record(_ draft: MovementDraft) throws -> RowID {
        if let problem = Ledger.check(draft) { throw problem }
        // An undo is dated as what it undoes, which was checked when it was recorded.
        if draft.reverses == nil {
            let today = try today()
            if draft.date > today { throw LedgerProblem.futureDate(draft.date, today: today) }
            // A person forgotten under 152-ФЗ keeps only the figures they were in.
            if let recipientID = draft.recipientID,
               let r = try Row.fetchOne(db, sql: "SELECT code, forgotten_at FROM recipient WHERE id = ?", arguments: [recipientID]),
               (r["forgotten_at"] as String?) != nil {
                throw LedgerProblem.recipientForgotten(r["code"])
            }
            // What is handed out at an event counts in the report as handed
            // out at events: only on the event's own day.
            if let eventID = draft.eventID,
               let event = try Row.fetchOne(db, sql: "SELECT name, held_on FROM event WHERE id = ?", arguments: [eventID]),
               let held = LocalDate.parse(event["held_on"]), held != draft.date {
                throw LedgerProblem.eventOnAnotherDay(event: event["name"], held: held, date: draft.date)
            }
        }
        if draft.reverses == nil, draft.kind == .intake || draft.kind == .transfer, let to = draft.toBox,
           let box = try box(id: to), box.status == .retired {
            throw LedgerProblem.boxRetired(box.code.description)
        }
        let deltas = Ledger.deltas(of: draft)
        for delta in deltas where delta.quantity < 0 {
            try ensureStock(for: delta, on: draft.date)
        }
        // Kilograms are valued in the ledger's order (see `KilogramValuation`):
        // a movement after everything its boxes hold is valued from their
        // stock now; one dated before later movements values them again.
        let touched = Set(deltas.map { KilogramValuation.Key(box: $0.box, category: $0.category) })
        let before = try valuedStock(touched, after: draft.date)
        // Sealed as it goes in (the ledger never changes afterwards): the
        // id is the next one, since the write transaction holds the lock.
        let last = try LedgerSeal.last(db)
        let id = last.id + 1
        let note = draft.note.map(LedgerSeal.SaltedNote.init)
        var form = SealForm()
        form.movement(id: id, kind: draft.kind.rawValue, occurredOn: draft.date.description, occurredAt: draft.time?.description,
                      recordedAt: recordedAt, from: draft.fromBox, to: draft.toBox, recipient: draft.recipientID,
                      event: draft.eventID, volunteer: draft.volunteerID, reverses: draft.reverses, importID: draft.importID,
                      noteDigest: note?.digest)
        for (n, l) in draft.lines.enumerated() {
            form.line(Int64(n + 1), category: l.categoryID, quantity: Int64(l.quantity), grams: l.grams?.value, condition: l.condition?.rawValue)
        }
        try db.cachedStatement(sql: """
            INSERT INTO movement(id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id,
                                 recipient_id, event_id, volunteer_id, reverses_id, import_id, seal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id, draft.kind.rawValue, draft.date.description, draft.time?.description, recordedAt,
                draft.fromBox, draft.toBox, draft.recipientID, draft.eventID, draft.volunteerID,
                draft.reverses, draft.importID, Data(LedgerSeal.seal(previous: last.seal, form: form.bytes)),
            ])
        if let note { try LedgerSeal.insertNote(db, movement: id, note) }
        let line = try db.cachedStatement(sql: """
            INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (n, l) in draft.lines.enumerated() {
            try line.execute(arguments: [id, n + 1, l.categoryID, l.quantity, l.grams?.value, l.condition?.rawValue])
        }
        try apply(deltas, on: draft.date)
        try applyFlows(of: draft)
        var changes = ValuationChanges()
        if let original = draft.reverses {
            try unvalue(original, undo: draft, changes: &changes)
            try revalue(from: draft.date, categories: Set(touched.map(\.category)), changes: &changes)
        } else if before.later {
            try revalue(from: draft.date, categories: Set(touched.map(\.category)), changes: &changes)
        } else {
            valueNewest(draft, id: id, before: before.stock, changes: &changes)
        }
        try write(changes)
        return id
    }

    /// Adds a movement to the monthly flows and recipients' visits that
    /// reports read (see `flow_month` in schema.sql).
    func applyFlows(of draft: MovementDraft) throws {
        let flow = try db.cachedStatement(sql: """
            INSERT INTO flow_month(month, kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient,
                                   items, grams, weighed, movements)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET items = items + excluded.items, grams = grams + excluded.grams,
                weighed = weighed + excluded.weighed, movements = movements + excluded.movements
            """)
        let month = YearMonth(draft.date).description
        let sign = draft.sign
        for (i, line) in draft.lines.enumerated() {
            try flow.execute(arguments: [
                month, draft.kind.rawValue, draft.fromBox ?? 0, draft.toBox ?? 0, line.categoryID,
                line.condition?.rawValue ?? "", draft.eventID != nil, draft.recipientID != nil,
                sign * line.quantity, Int64(sign) * (line.grams?.value ?? 0),
                line.grams == nil ? 0 : sign * line.quantity, i == 0 ? sign : 0,
            ])
        }
        if let volunteer = draft.volunteerID {
            try db.cachedStatement(sql: """
                INSERT INTO volunteer_month(month, volunteer_id, movements) VALUES (?, ?, ?)
                ON CONFLICT DO UPDATE SET movements = movements + excluded.movements
                """).execute(arguments: [month, volunteer, sign])
        }
        if draft.kind == .handout, let recipient = draft.recipientID {
            try applyVisit(recipient: recipient, day: draft.date, change: sign)
        }
    }

    /// A handout to a recipient makes a visit; its undo may take one away.
    /// Keeps `recipient_visit`, `recipient_month` and `recipient_first` in step.
    func applyVisit(recipient: RowID, day: LocalDate, change: Int) throws {
        let before = try Int.fetchOne(db, sql: "SELECT handouts FROM recipient_visit WHERE recipient_id = ? AND day = ?",
                                      arguments: [recipient, day.description]) ?? 0
        let after = before + change
        if after > 0 {
            try db.cachedStatement(sql: """
                INSERT INTO recipient_visit(recipient_id, day, handouts) VALUES (?, ?, ?)
                ON CONFLICT DO UPDATE SET handouts = excluded.handouts
                """).execute(arguments: [recipient, day.description, after])
        } else {
            try db.execute(sql: "DELETE FROM recipient_visit WHERE recipient_id = ? AND day = ?", arguments: [recipient, day.description])
        }
        let month = YearMonth(day).description
        if before <= 0 && after > 0 {
            try db.cachedStatement(sql: """
                INSERT INTO recipient_month(month, recipient_id, visits) VALUES (?, ?, 1)
                ON CONFLICT DO UPDATE SET visits = visits + 1
                """).execute(arguments: [month, recipient])
            try db.cachedStatement(sql: """
                INSERT INTO recipient_first(recipient_id, first_day) VALUES (?, ?)
                ON CONFLICT DO UPDATE SET first_day = min(first_day, excluded.first_day)
                """).execute(arguments: [recipient, day.description])
        } else if before > 0 && after <= 0 {
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

    /// Adds stock changes to the balances kept beside the ledger.
    func apply(_ deltas: [StockDelta], on date: LocalDate) throws {
        let balance = try db.cachedStatement(sql: """
            INSERT INTO balance(box_id, category_id, quantity, grams) VALUES (?, ?, ?, ?)
            ON CONFLICT(box_id, category_id) DO UPDATE
            SET quantity = quantity + excluded.quantity, grams = grams + excluded.grams
            """)
        let day = try db.cachedStatement(sql: """
            INSERT INTO balance_day(box_id, category_id, day, quantity, grams) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(box_id, category_id, day) DO UPDATE
            SET quantity = quantity + excluded.quantity, grams = grams + excluded.grams
            """)
        for d in deltas {
            try balance.execute(arguments: [d.box, d.category, d.quantity, d.grams])
            try day.execute(arguments: [d.box, d.category, date.description, d.quantity, d.grams])
        }
    }

    private func ensureStock(for delta: StockDelta, on date: LocalDate) throws {
        let current = try Int.fetchOne(db, sql: "SELECT quantity FROM balance WHERE box_id = ? AND category_id = ?",
                                       arguments: [delta.box, delta.category]) ?? 0
        let later = try Row.fetchAll(db, sql: """
            SELECT day, quantity FROM balance_day WHERE box_id = ? AND category_id = ? AND day >= ? ORDER BY day
            """, arguments: [delta.box, delta.category, date.description]).compactMap { r -> (day: LocalDate, quantity: Int)? in
                guard let day = LocalDate.parse(r["day"]) else { return nil }
                return (day, r["quantity"])
            }
        let lowest = Ledger.lowestBalance(current: current, delta: delta.quantity, date: date, later: later)
        guard lowest.quantity < 0 else { return }
        let box = try box(id: delta.box)
        let category = try categories().first { $0.id == delta.category }
        throw LedgerProblem.insufficientStock(
            box: box?.code.description ?? "#\(delta.box)",
            category: .stored(category?.nameRu ?? "?", category?.nameEn ?? "?"),
            available: lowest.quantity - delta.quantity, asked: -delta.quantity, on: lowest.day)
    }

    /// Undoes a movement by recording its reverse, dated as the original, so
    /// that stock and every report read as if it had never happened.
    @discardableResult
    public func undo(_ id: RowID, volunteer: RowID? = nil) throws -> RowID {
        guard let m = try Row.fetchOne(db, sql: "SELECT * FROM movement WHERE id = ?", arguments: [id]) else {
            throw LedgerProblem.unknownMovement(String(id))
        }
        if m["reverses_id"] as RowID? != nil { throw LedgerProblem.cannotUndoReversal(id) }
        if let by = try RowID.fetchOne(db, sql: "SELECT id FROM movement WHERE reverses_id = ?", arguments: [id]) {
            throw LedgerProblem.alreadyUndone(id, by: by)
        }
        let lines = try Row.fetchAll(db, sql: "SELECT * FROM movement_line WHERE movement_id = ? ORDER BY line", arguments: [id]).map { r in
            LineDraft(categoryID: r["category_id"], quantity: r["quantity"],
                      grams: (r["grams"] as Int64?).map(Grams.init), condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:)))
        }
        guard let kind = MovementKind(rawValue: m["kind"]), let date = LocalDate.parse(m["occurred_on"]) else {
            throw LedgerProblem.unknownMovement(String(id))
        }
        let draft = MovementDraft(kind: kind, date: date, time: (m["occurred_at"] as String?).flatMap(LocalTime.parse),
                                  fromBox: m["from_box_id"], toBox: m["to_box_id"], recipientID: m["recipient_id"],
                                  eventID: m["event_id"], volunteerID: volunteer, note: nil, lines: lines, reverses: id)
        do {
            return try record(draft)
        } catch LedgerProblem.insufficientStock(let box, let category, let available, let asked, let on) {
            // Undoing an intake takes its things back out of the box: the
            // usual advice (record an intake first) would be wrong here.
            throw LedgerProblem.undoWouldShort(id, box: box, category: category, available: available, asked: asked, on: on)
        }
    }

    /// Stock of one box and category at the end of a day.
    public func stock(box: RowID, category: RowID, on date: LocalDate) throws -> (quantity: Int, grams: Grams) {
        let r = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(quantity), 0) AS q, COALESCE(SUM(grams), 0) AS g
            FROM balance_day WHERE box_id = ? AND category_id = ? AND day <= ?
            """, arguments: [box, category, date.description])
        return (r?["q"] ?? 0, Grams(r?["g"] ?? 0))
    }

    /// What is in stock, per box and category: now, or at the end of a day.
    public func stock(box: Box? = nil, centre: Centre? = nil, on date: LocalDate? = nil) throws -> [StockLine] {
        let source = date == nil
            ? "SELECT box_id, category_id, quantity, grams FROM balance"
            : "SELECT box_id, category_id, SUM(quantity) AS quantity, SUM(grams) AS grams FROM balance_day WHERE day <= ? GROUP BY box_id, category_id"
        var arguments: StatementArguments = date.map { [$0.description] } ?? []
        arguments += [box?.id, box?.id, centre?.id, centre?.id]
        let rows = try Row.fetchAll(db, sql: """
            SELECT b.code AS box, c.code AS centre, k.code AS category, k.name_ru, k.name_en, s.quantity, s.grams
            FROM (\(source)) s
            JOIN box b ON b.id = s.box_id JOIN centre c ON c.id = b.centre_id JOIN category k ON k.id = s.category_id
            WHERE s.quantity <> 0 -- weights left over without items mean nothing to show
              AND (? IS NULL OR s.box_id = ?) AND (? IS NULL OR b.centre_id = ?)
            ORDER BY c.code, b.code, k.id
            """, arguments: arguments)
        return rows.map { r in
            StockLine(box: r["box"], centre: r["centre"], category: r["category"],
                      categoryName: .stored(r["name_ru"], r["name_en"]),
                      quantity: r["quantity"], grams: Grams(r["grams"]))
        }
    }
}

