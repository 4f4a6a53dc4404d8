import DarmarkaCore
import Foundation
import GRDB
import GRDBSQLite

/// A box as the importer needs it: looked up by code for every row.
struct ImportBox: Sendable {
    let id: RowID
    let code: BoxCode
    let centreID: RowID
    let retired: Bool
}

/// The SQL of an import, inside the one transaction of a `Store.write`.
///
/// It starts an `import_batch` row at once, so movements can point at it,
/// and completes it at the end; a refused or trial import rolls it back with
/// everything else. Movements and lines go in through raw statements of many
/// rows each; the tables derived from them (`balance`, `balance_day`,
/// `flow_month`, `recipient_visit`) get the importer's sums, as `record`
/// would have left them.
final class ImportSession {
    let tx: LedgerTransaction
    let batchID: RowID
    /// The last movement of the ledger before this import, read once: new
    /// movements are numbered after it, and journal rows that name one of
    /// these movements may be lines already in the ledger.
    let ledgerEnd: RowID
    private var db: Database { tx.db }

    init(tx: LedgerTransaction, kind: ImportKind, fileName: String) throws {
        self.tx = tx
        // The digest is known only after the last byte; "pending" never
        // outlives the transaction, which replaces or rolls it back.
        try tx.db.execute(sql: """
            INSERT INTO import_batch(file_name, sha256, kind, rows, imported_at) VALUES (?, 'pending', ?, 0, ?)
            """, arguments: [fileName, kind.rawValue, tx.recordedAt])
        batchID = tx.db.lastInsertedRowID
        let last = try LedgerSeal.last(tx.db)
        ledgerEnd = last.id
        previousSeal = last.seal
        nextMovementID = ledgerEnd + 1
        // As many rows per statement as SQLite takes parameters for.
        let parameters = tx.db.sqliteConnection.map { Int(sqlite3_limit($0, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) } ?? 999
        batchSize = max(1, min(1024, parameters / 10))
    }

    private var cacheSize: Int?

    /// A larger page cache keeps the ends of the ledger's indexes in memory
    /// while a large file goes in; 8 MiB keeps a whole import well under
    /// 64 MiB. `close` gives the connection its own size back.
    func enlargeCache() throws {
        cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -8192")
    }

    /// Gives the connection its own page cache size back, and finalizes the
    /// ledger's statements before the dates bound to them without a copy go.
    func close() throws {
        movementStatements.removeAll()
        lineStatements.removeAll()
        noteStatement = nil
        valuationStatement = nil
        if let cacheSize { try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
    }

    // MARK: Exactly once

    /// The batch that brought in a file with this digest, if any.
    static func batch(_ db: Database, digest: String) throws -> ImportBatchInfo? {
        try Row.fetchOne(db, sql: "SELECT id, file_name, kind, rows, imported_at FROM import_batch WHERE sha256 = ?",
                         arguments: [digest]).map {
            ImportBatchInfo(id: $0["id"], fileName: $0["file_name"], kind: $0["kind"], rows: $0["rows"], importedAt: $0["imported_at"])
        }
    }

    func batch(digest: String) throws -> ImportBatchInfo? { try Self.batch(db, digest: digest) }

    /// The fingerprints of every journal row imported before (of people
    /// forgotten since, none: see `forgottenRows`).
    func earlierRows() throws -> EarlierRows {
        try Self.prints(db, sql: """
            SELECT f.prints FROM import_fingerprint f JOIN import_batch b ON b.id = f.batch_id WHERE b.kind = ?1
            UNION ALL
            SELECT f.prints FROM import_fingerprint_person f JOIN import_batch b ON b.id = f.batch_id
            WHERE b.kind = ?1 AND length(f.prints) > 0
            """)
    }

    /// The rows of people forgotten since they were imported, fingerprinted
    /// without the person and the note: all a forget leaves of them.
    func forgottenRows() throws -> EarlierRows {
        try Self.prints(db, sql: """
            SELECT f.anonymous FROM import_fingerprint_person f JOIN import_batch b ON b.id = f.batch_id
            WHERE b.kind = ?1 AND length(f.prints) = 0
            """)
    }

    private static func prints(_ db: Database, sql: String) throws -> EarlierRows {
        var prints: [UInt64] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [ImportKind.journal.rawValue])
        while let row = try cursor.next() {
            let data: Data = row[0]
            guard let batch = FingerprintBlob.decode([UInt8](data)) else {
                throw LedgerProblem.unexpected("import_fingerprint: \(data.count) bytes")
            }
            prints += batch
        }
        return EarlierRows(prints)
    }

    private var chunks = 0

    /// Keeps fingerprints of rows this batch brings in, for the imports that
    /// come after it; called with at most `FingerprintBlob.chunk` at a time.
    func addPrints(_ prints: [UInt64]) throws {
        guard !prints.isEmpty else { return }
        let insert = try RawStatement(db, "INSERT INTO import_fingerprint(batch_id, chunk, prints) VALUES (?1, ?2, ?3)")
        insert.bind(1, batchID)
        insert.bind(2, chunks)
        insert.bind(3, FingerprintBlob.encode(prints))
        try insert.run()
        chunks += 1
    }

    private var personChunks: [RowID: Int] = [:]

    /// Keeps fingerprints of rows this batch brings in that name a
    /// recipient, apart so that a forget can drop them; `anonymous` are the
    /// same rows fingerprinted without the recipient and the note.
    func addPersonPrints(recipient: RowID, prints: [UInt64], anonymous: [UInt64]) throws {
        guard !prints.isEmpty else { return }
        let insert = try RawStatement(db, """
            INSERT INTO import_fingerprint_person(batch_id, recipient_id, chunk, prints, anonymous) VALUES (?1, ?2, ?3, ?4, ?5)
            """)
        let chunk = personChunks[recipient, default: 0]
        insert.bind(1, batchID)
        insert.bind(2, recipient)
        insert.bind(3, chunk)
        insert.bind(4, FingerprintBlob.encode(prints))
        insert.bind(5, FingerprintBlob.encode(anonymous))
        try insert.run()
        personChunks[recipient] = chunk + 1
    }

    /// Completes the batch: its digest and how many rows it brought in.
    func finish(digest: String, rows: Int) throws {
        try db.execute(sql: "UPDATE import_batch SET sha256 = ?, rows = ? WHERE id = ?", arguments: [digest, rows, batchID])
    }

    // MARK: References

    /// Proves that each of these ids is a row of its table. The importer
    /// writes with SQLite's per-row foreign key checks off (six lookups a
    /// journal row, most of the time SQLite spent): every id it writes is
    /// one it holds in these lists, so checking each list once covers them.
    func checkReferences(_ lists: [(table: ReferencedTable, ids: [RowID])]) throws {
        for (table, ids) in lists where !ids.isEmpty {
            let distinct = Set(ids)
            let json = "[" + distinct.map(String.init).joined(separator: ",") + "]"
            let found = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM \(table.rawValue) WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [json]) ?? 0
            guard found == distinct.count else {
                throw LedgerProblem.unexpected("import: \(distinct.count - found) ids missing from \(table.rawValue)")
            }
        }
    }

    /// The tables the ledger and its derived tables point into.
    enum ReferencedTable: String {
        case box, category, centre, recipient, recipientGroup = "recipient_group", event, volunteer
        case importBatch = "import_batch"
    }

    // MARK: Names

    func boxes() throws -> [BoxCode: ImportBox] {
        var boxes: [BoxCode: ImportBox] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, code, centre_id, status FROM box") {
            guard case .success(let code) = BoxCode.parse(r["code"]) else { continue }
            boxes[code] = ImportBox(id: r["id"], code: code, centreID: r["centre_id"], retired: (r["status"] as String) == "retired")
        }
        return boxes
    }

    /// A recipient registered by this import turned up on an earlier date
    /// further down the file: registered on the first day they came.
    func register(recipient: RowID, on date: LocalDate) throws {
        try db.execute(sql: "UPDATE recipient SET registered_on = ? WHERE id = ?", arguments: [date.description, recipient])
    }

    /// The event of that name (compared as `TextKey` does) on that day.
    func eventID(named name: String, on date: LocalDate) throws -> RowID? {
        let key = TextKey.normalise(name)
        return try Row.fetchAll(db, sql: "SELECT id, name FROM event WHERE held_on = ? ORDER BY id", arguments: [date.description])
            .first { TextKey.normalise($0["name"]) == key }?["id"]
    }

    func addEvent(named name: String, on date: LocalDate, centre: RowID) throws -> RowID {
        try db.execute(sql: "INSERT INTO event(name, held_on, centre_id, participants) VALUES (?, ?, ?, 0)",
                       arguments: [name.trimmingCharacters(in: .whitespaces), date.description, centre])
        return db.lastInsertedRowID
    }

    /// The volunteer of that name, and whether they were added now.
    func volunteer(named name: String) throws -> (id: RowID, added: Bool) {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let id = try RowID.fetchOne(db, sql: "SELECT id FROM volunteer WHERE name = ?", arguments: [name]) { return (id, false) }
        try db.execute(sql: "INSERT INTO volunteer(name) VALUES (?)", arguments: [name])
        return (db.lastInsertedRowID, true)
    }

    // MARK: The ledger

    /// Rows waiting to go in together: one statement of many rows opens the
    /// tables and their indexes once instead of once a row, which is most
    /// of what an insert costs. Ids are given here, as SQLite would give
    /// them (one more than the largest), so lines can point at movements
    /// before they are written.
    private struct PendingMovement {
        let id: RowID
        let kind: MovementKind
        let date: LocalDate
        let time: String?
        let from: RowID?
        let to: RowID?
        let recipient: RowID?
        let event: RowID?
        let volunteer: RowID?
        let note: LedgerSeal.SaltedNote?
        /// Set when its last line is in: the seal needs them all.
        var seal: [UInt8]?
    }

    private struct PendingLine {
        let movement: RowID
        /// The line's place in its movement, from 1.
        let line: Int
        let category: RowID
        let quantity: Int
        let grams: Int64?
        let condition: Condition?
    }

    /// How many rows one statement inserts. Fewer, larger statements also
    /// keep SQLite from writing the same index pages out again and again
    /// between statements: 128 rows a statement wrote more than twice as
    /// many WAL frames as 1024 in the benchmark.
    private let batchSize: Int
    private var pendingMovements: [PendingMovement] = []
    private var pendingLines: [PendingLine] = []
    private var nextMovementID: RowID
    /// The movement the last line went into, and how many lines it has.
    private var lastLine: (movement: RowID, line: Int) = (0, 0)
    private var movementStatements: [Int: RawStatement] = [:]
    private var lineStatements: [Int: RawStatement] = [:]
    /// The seal of the last movement sealed, and the form of the one
    /// whose lines are still coming (the last pending), if any.
    private var previousSeal: [UInt8]
    private var form = SealForm()
    private var formOpen = false
    private var noteStatement: RawStatement?
    private var valuationStatement: RawStatement?
    /// The time of recording, made once: every movement of a batch has it.
    private lazy var recordedAt = tx.recordedAt
    /// The last day sealed and its text: a journal comes day by day.
    private var formDay: (date: LocalDate?, text: String) = (nil, "")

    /// Seals the last pending movement: its lines are all in.
    private func sealOpenMovement() {
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

    /// The pump that takes the ledger's writes to the connection's thread
    /// while the rows are checked on another (see `ConnectionPump`); nil
    /// when everything runs on the connection's thread.
    var pump: ConnectionPump?

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
    private func write(_ movements: [PendingMovement], _ lines: [PendingLine]) throws {
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

    /// Dates as stored, made once per day and bound without a copy.
    private let dates = StableTexts<Int>()

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
    private func movementStatement(rows: Int) throws -> RawStatement {
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

    private func lineStatement(rows: Int) throws -> RawStatement {
        if let known = lineStatements[rows] { return known }
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows)
        let statement = try RawStatement(db, """
            INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition)
            VALUES \(values.joined(separator: ", "))
            """)
        lineStatements[rows] = statement
        return statement
    }

    // MARK: Corrections

    /// A movement of the ledger as a correction undoes it, and the movement
    /// that undid it already, if one did; nil for a reversal or a number
    /// the ledger does not have.
    func movementToReverse(_ id: RowID) throws -> MovementToReverse? {
        guard let m = try Row.fetchOne(db, sql: """
            SELECT m.*, (SELECT x.id FROM movement x WHERE x.reverses_id = m.id) AS reversed_by
            FROM movement m WHERE m.id = ? AND m.reverses_id IS NULL
            """, arguments: [id]),
              let kind = MovementKind(rawValue: m["kind"]), let date = LocalDate.parse(m["occurred_on"]) else { return nil }
        let lines = try Row.fetchAll(db, sql: """
            SELECT l.category_id, l.quantity, l.grams, l.condition, v.grams AS valued
            FROM movement_line l LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
            WHERE l.movement_id = ? ORDER BY l.line
            """, arguments: [id]).map { r in
            MovementToReverse.Line(category: r["category_id"], quantity: r["quantity"], grams: (r["grams"] as Int64?).map(Grams.init),
                                   condition: (r["condition"] as String?).flatMap(Condition.init(rawValue:)), valued: r["valued"])
        }
        return MovementToReverse(id: id, kind: kind, date: date, time: m["occurred_at"], from: m["from_box_id"], to: m["to_box_id"],
                                 recipient: m["recipient_id"], event: m["event_id"], lines: lines, reversedBy: m["reversed_by"])
    }

    /// Writes the reversal of `m`, as `undo` records it (no volunteer, no
    /// note), numbered after the movements waiting, which go in first. As
    /// `undo` does, `m` is then valued as if it had never been: its lines
    /// keep no moving-average grams (see `line_valuation`).
    func insertReversal(of m: MovementToReverse) throws {
        try flushLedger()
        try onConnection { [self] in try writeReversal(of: m) }
    }

    private func writeReversal(of m: MovementToReverse) throws {
        let id = nextMovementID
        nextMovementID += 1
        var form = SealForm()
        form.movement(id: id, kind: m.kind.rawValue, occurredOn: m.date.description, occurredAt: m.time, recordedAt: tx.recordedAt,
                      from: m.from, to: m.to, recipient: m.recipient, event: m.event, volunteer: nil, reverses: m.id,
                      importID: batchID, noteDigest: nil)
        for (n, l) in m.lines.enumerated() {
            form.line(Int64(n + 1), category: l.category, quantity: Int64(l.quantity), grams: l.grams?.value, condition: l.condition?.rawValue)
        }
        let seal = LedgerSeal.seal(previous: previousSeal, form: form.bytes)
        previousSeal = seal
        try db.execute(sql: """
            INSERT INTO movement(id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id,
                                 recipient_id, event_id, volunteer_id, reverses_id, import_id, seal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
            """, arguments: [id, m.kind.rawValue, m.date.description, m.time, tx.recordedAt, m.from, m.to,
                             m.recipient, m.event, m.id, batchID, Data(seal)])
        for (n, l) in m.lines.enumerated() {
            try db.execute(sql: """
                INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, n + 1, l.category, l.quantity, l.grams?.value, l.condition?.rawValue])
        }
        try db.execute(sql: "DELETE FROM line_valuation WHERE movement_id = ?", arguments: [m.id])
    }

    // MARK: Derived tables

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
        let day = try RawStatement(db, """
            INSERT INTO balance_day(box_id, category_id, day, quantity, grams) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT(box_id, category_id, day) DO UPDATE
            SET quantity = quantity + excluded.quantity, grams = grams + excluded.grams
            """)
        let balance = try RawStatement(db, """
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

    /// Adds to `flow_month` what `applyFlows` adds for each movement.
    func addFlows(_ flows: some Sequence<(key: FlowKey, sums: FlowSums)>) throws {
        let flow = try RawStatement(db, """
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
        let visit = try RawStatement(db, """
            INSERT INTO recipient_visit(day, recipient_id, handouts) VALUES (?1, ?2, ?3)
            ON CONFLICT(day, recipient_id) DO NOTHING
            """)
        let more = try RawStatement(db, "UPDATE recipient_visit SET handouts = handouts + ?3 WHERE day = ?1 AND recipient_id = ?2")
        let month = try RawStatement(db, """
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
        let first = try RawStatement(db, """
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
        let add = try RawStatement(db, """
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
}

/// A movement a correction undoes: what its reversal repeats.
struct MovementToReverse {
    struct Line {
        let category: RowID
        let quantity: Int
        let grams: Grams?
        let condition: Condition?
        /// The grams the line took from its box by moving average, where
        /// they are not its own weight (`line_valuation`).
        let valued: Int64?
    }
    let id: RowID
    let kind: MovementKind
    let date: LocalDate
    let time: String?
    let from: RowID?
    let to: RowID?
    let recipient: RowID?
    let event: RowID?
    let lines: [Line]
    /// The movement that undid it, if one did.
    let reversedBy: RowID?
}

/// A row of `volunteer_month`.
struct VolunteerMonth: Hashable, Sendable {
    let month: YearMonth
    let volunteer: RowID
}

/// A row of `recipient_month`.
struct RecipientMonth: Hashable, Sendable {
    let month: YearMonth
    let recipient: RowID
}

/// A row of `flow_month`, as the importer sums it.
struct FlowKey: Hashable, Sendable {
    let month: YearMonth
    let kind: MovementKind
    /// 0 for none, as in the table.
    let from: RowID
    let to: RowID
    let category: RowID
    let condition: Condition?
    let atEvent: Bool
    let withRecipient: Bool
}

struct FlowSums: Sendable {
    var items = 0
    var grams: Int64 = 0
    var weighed = 0
    var movements = 0
    /// Grams estimated by moving average (`flow_month.estimated`).
    var estimated: Int64 = 0

    mutating func add(items: Int, grams: Int64, weighed: Int, movements: Int, estimated: Int64 = 0) {
        self.items += items
        self.grams += grams
        self.weighed += weighed
        self.movements += movements
        self.estimated += estimated
    }
}

/// A row of `recipient_visit`.
struct VisitKey: Hashable, Sendable {
    let recipient: RowID
    /// `LocalDate.dayNumber`.
    let day: Int
}
