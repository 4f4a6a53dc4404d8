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

/// The SQL of an import, inside the one transaction of a `SQLiteStore.write`.
///
/// It starts an `import_batch` row at once, so movements can point at it,
/// and completes it at the end; a refused or trial import rolls it back with
/// everything else. Movements and lines go in through raw statements of many
/// rows each; the tables derived from them (`balance`, `balance_day`,
/// `flow_month`, `recipient_visit`) get the importer's sums, as `record`
/// would have left them.
final class ImportSession {
    let tx: SQLiteLedger
    let batchID: RowID
    /// The last movement of the ledger before this import, read once: new
    /// movements are numbered after it, and journal rows that name one of
    /// these movements may be lines already in the ledger.
    let ledgerEnd: RowID
    var db: Database { tx.db }

    init(tx: SQLiteLedger, kind: ImportKind, fileName: String) throws {
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

    // MARK: The ledger

    /// Rows waiting to go in together: one statement of many rows opens the
    /// tables and their indexes once instead of once a row, which is most
    /// of what an insert costs. Ids are given here, as SQLite would give
    /// them (one more than the largest), so lines can point at movements
    /// before they are written.
    struct PendingMovement {
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

    struct PendingLine {
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
    let batchSize: Int
    var pendingMovements: [PendingMovement] = []
    var pendingLines: [PendingLine] = []
    var nextMovementID: RowID
    /// The movement the last line went into, and how many lines it has.
    var lastLine: (movement: RowID, line: Int) = (0, 0)
    var movementStatements: [Int: RawStatement] = [:]
    var lineStatements: [Int: RawStatement] = [:]
    /// The seal of the last movement sealed, and the form of the one
    /// whose lines are still coming (the last pending), if any.
    var previousSeal: [UInt8]
    var form = SealForm()
    var formOpen = false
    var noteStatement: RawStatement?
    var valuationStatement: RawStatement?
    /// The time of recording, made once: every movement of a batch has it.
    lazy var recordedAt = tx.recordedAt
    /// The last day sealed and its text: a journal comes day by day.
    var formDay: (date: LocalDate?, text: String) = (nil, "")

    /// Dates as stored, made once per day and bound without a copy.
    let dates = StableTexts<Int>()

    /// The pump that takes the ledger's writes to the connection's thread
    /// while the rows are checked on another (see `ConnectionPump`); nil
    /// when everything runs on the connection's thread.
    var pump: ConnectionPump?
}
