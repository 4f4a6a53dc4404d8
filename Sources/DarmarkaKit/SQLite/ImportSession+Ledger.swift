import DarmarkaCore
import Foundation
import GRDB

// The import's own rows of the ledger: movements and lines many to a
// statement, sealed on the way, handed to the connection's thread.
extension ImportSession {
    /// Seals the last pending movement: its lines are all in.
    func sealOpenMovement() {
        guard formOpen, !pendingMovements.isEmpty else { return }
        let seal = LedgerSeal.seal(previous: previousSeal, form: form.bytes)
        pendingMovements[pendingMovements.count - 1].seal = seal
        previousSeal = seal
        formOpen = false
    }

    /// Appends a movement of this batch and returns its id. It reaches the
    /// table with the next `flushLedger`, at the latest.
    func insertMovement(kind: MovementKind, date: LocalDate, time: String?, from: RowID?, to: RowID?,
                        recipient: RowID?, event: RowID?, volunteer: RowID?, note: String?) throws -> RowID {
        if pendingMovements.capacity < batchSize {
            pendingMovements.reserveCapacity(batchSize)
            pendingLines.reserveCapacity(batchSize)
        }
        sealOpenMovement()
        let id = nextMovementID
        nextMovementID += 1
        let salted = note.map(LedgerSeal.SaltedNote.init)
        pendingMovements.append(PendingMovement(id: id, kind: kind, date: date, time: time, from: from, to: to,
                                                recipient: recipient, event: event, volunteer: volunteer, note: salted))
        if date != formDay.date { formDay = (date, date.description) }
        form.movement(id: id, kind: kind.rawValue, occurredOn: formDay.text, occurredAt: time, recordedAt: recordedAt,
                      from: from, to: to, recipient: recipient, event: event, volunteer: volunteer, reverses: nil,
                      importID: batchID, noteDigest: salted?.digest)
        formOpen = true
        return id
    }

    /// Appends a line to the movement and returns its number in it.
    @discardableResult
    func insertLine(movement: RowID, category: RowID, quantity: Int, grams: Grams?, condition: Condition?) throws -> Int {
        let line = lastLine.movement == movement ? lastLine.line + 1 : 1
        lastLine = (movement, line)
        // A line goes into the movement being sealed, the last one appended.
        guard formOpen, pendingMovements.last?.id == movement else {
            throw LedgerProblem.unexpected("import: line of movement \(movement) after its seal")
        }
        form.line(Int64(line), category: category, quantity: Int64(quantity), grams: grams?.value, condition: condition?.rawValue)
        pendingLines.append(PendingLine(movement: movement, line: line, category: category, quantity: quantity,
                                        grams: grams?.value, condition: condition))
        if pendingLines.count >= batchSize { try flushLedger(keepingOpen: true) }
        return line
    }

    /// The day of the ledger's latest movement before this import, if any.
    func lastLedgerDay() throws -> LocalDate? {
        try String.fetchOne(db, sql: "SELECT MAX(occurred_on) FROM movement").flatMap(LocalDate.parse)
    }

    /// The stock of a box and category now, kilograms as valued.
    func valuedStock(box: RowID, category: RowID) throws -> ValuedStock {
        let r = try Row.fetchOne(db, sql: "SELECT quantity, grams FROM balance WHERE box_id = ? AND category_id = ?", arguments: [box, category])
        return ValuedStock(quantity: r?["quantity"] ?? 0, grams: r?["grams"] ?? 0)
    }

    /// Keeps the grams outflow lines of this import took, where they are not
    /// the lines' own weights (see `line_valuation`).
    func addValuations(_ lines: [(movement: RowID, line: Int, grams: Int64)]) throws {
        let insert = try valuationStatement ?? RawStatement(db, "INSERT INTO line_valuation(movement_id, line, grams) VALUES (?1, ?2, ?3)")
        valuationStatement = insert
        for l in lines {
            insert.bind(1, l.movement); insert.bind(2, l.line); insert.bind(3, l.grams)
            try insert.run()
        }
    }


    /// Runs `body`, which uses the connection, on the connection's thread:
    /// after the writes handed over before it, when a pump runs.
    func onConnection<T>(_ body: @escaping () throws -> T) throws -> T {
        guard let pump else { return try body() }
        return try pump.sync(body)
    }

    /// Runs `body`, a write, on the connection's thread without waiting for
    /// it, when a pump runs; else now.
    func writeLater(_ body: @escaping () throws -> Void) throws {
        guard let pump else { return try body() }
        try pump.async(body)
    }

    /// Writes the movements and lines waiting. With `keepingOpen`, the
    /// last movement waits for the rest of its lines (its seal covers
    /// them); its lines so far go in before it, which the bulk write's
    /// foreign keys, checked at the end, allow. With a pump the write is
    /// handed over and this returns at once.
    func flushLedger(keepingOpen: Bool = false) throws {
        if !keepingOpen { sealOpenMovement() }
        var movements = pendingMovements
        let held = keepingOpen && formOpen ? movements.popLast() : nil
        let lines = pendingLines
        guard !movements.isEmpty || !lines.isEmpty else { return }
        pendingMovements.removeAll(keepingCapacity: true)
        pendingLines.removeAll(keepingCapacity: true)
        if let held { pendingMovements.append(held) }
        if let pump {
            try pump.async { [self] in try write(movements, lines) }
        } else {
            try write(movements, lines)
        }
    }

    /// Inserts movements and lines, many rows a statement.
    func write(_ movements: [PendingMovement], _ lines: [PendingLine]) throws {
        if !movements.isEmpty {
            let statement = try movementStatement(rows: movements.count)
            var p: Int32 = 1
            for m in movements {
                guard let seal = m.seal else { throw LedgerProblem.unexpected("import: movement \(m.id) unsealed") }
                statement.bind(p, m.id)
                statement.bind(p + 1, Self.text(of: m.kind))
                statement.bind(p + 2, dates.text(m.date.dayNumber) { LocalDate(dayNumber: $0).description })
                statement.bind(p + 3, m.time)
                statement.bind(p + 4, m.from)
                statement.bind(p + 5, m.to)
                statement.bind(p + 6, m.recipient)
                statement.bind(p + 7, m.event)
                statement.bind(p + 8, m.volunteer)
                statement.bind(p + 9, seal)
                p += 10
            }
            try statement.run()
            for m in movements {
                guard let note = m.note else { continue }
                let insert = try noteStatement ?? RawStatement(db, "INSERT INTO movement_note(movement_id, salt, note, digest) VALUES (?1, ?2, ?3, ?4)")
                noteStatement = insert
                insert.bind(1, m.id); insert.bind(2, note.salt); insert.bind(3, note.note); insert.bind(4, note.digest)
                try insert.run()
            }
        }
        if !lines.isEmpty {
            let statement = try lineStatement(rows: lines.count)
            var p: Int32 = 1
            for l in lines {
                statement.bind(p, l.movement)
                statement.bind(p + 1, l.line)
                statement.bind(p + 2, l.category)
                statement.bind(p + 3, l.quantity)
                statement.bind(p + 4, l.grams)
                statement.bind(p + 5, l.condition.map(Self.text(of:)))
                p += 6
            }
            try statement.run()
        }
    }


    static func text(of kind: MovementKind) -> StableText {
        switch kind {
        case .intake: StableText("intake")
        case .handout: StableText("handout")
        case .transfer: StableText("transfer")
        case .writeoff: StableText("writeoff")
        case .adjustment: StableText("adjustment")
        }
    }

    static func text(of condition: Condition) -> StableText {
        switch condition {
        case .new: StableText("new")
        case .good: StableText("good")
        case .repair: StableText("repair")
        case .recycle: StableText("recycle")
        }
    }

    /// `INSERT INTO movement … VALUES (…), (…) …` for so many rows. The
    /// time of recording and the batch are the same in every row: written
    /// into the statement, not bound. Parameters are plain `?`: SQLite
    /// looks each numbered one (`?7`) up in a list of all of them while it
    /// prepares the statement, which for ten thousand is slower than
    /// writing a thousand rows.
    func movementStatement(rows: Int) throws -> RawStatement {
        if let known = movementStatements[rows] { return known }
        let recorded = "'" + tx.recordedAt.replacingOccurrences(of: "'", with: "''") + "'"
        let row = "(?, ?, ?, ?, \(recorded), ?, ?, ?, ?, ?, ?, \(batchID))"
        let values = Array(repeating: row, count: rows)
        let statement = try RawStatement(db, """
            INSERT INTO movement(id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id,
                                 recipient_id, event_id, volunteer_id, seal, import_id)
            VALUES \(values.joined(separator: ", "))
            """)
        movementStatements[rows] = statement
        return statement
    }

    func lineStatement(rows: Int) throws -> RawStatement {
        if let known = lineStatements[rows] { return known }
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows)
        let statement = try RawStatement(db, """
            INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition)
            VALUES \(values.joined(separator: ", "))
            """)
        lineStatements[rows] = statement
        return statement
    }
}
