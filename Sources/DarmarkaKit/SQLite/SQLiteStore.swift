import DarmarkaCore
import Foundation
import GRDB

/// A Darmarka database in one SQLite file: the back end of `Store` for an
/// organisation with a few centres, and the default.
///
/// All reading and writing goes through `read` and `write`, which hand a
/// `SQLiteLedger` to the caller: every operation is one transaction, and
/// SQL never leaves the store.
final class SQLiteStore: Sendable {
    let path: String
    /// One connection (`DatabaseQueue`) for the command line; a
    /// `DatabasePool` for the web server, whose WAL readers run beside the
    /// one writer (`open(path:concurrentReads:)`).
    let queue: any DatabaseWriter

    /// What "now" is: the time movements are recorded at, and the day that
    /// "today" means in the organisation's time zone. Tests set it.
    let clock: @Sendable () -> Date

    private init(path: String, queue: any DatabaseWriter, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.path = path
        self.queue = queue
        self.clock = clock
    }

    /// The same database seen at another moment (for tests of time zones).
    func at(_ instant: Date) -> any StoreBackend { SQLiteStore(path: path, queue: queue, clock: { instant }) }

    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readonly
        // Several volunteers may log at once on a shared laptop: wait for the
        // other writer instead of failing with "database is locked".
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Reports read wide ranges of a large file: map it rather than copy it page by page.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return config
    }

    /// Opens an existing database, upgrading its schema when it is older.
    /// Before an upgrade the file is copied to `PATH.before-MIGRATION`, so
    /// an upgrade can never lose a centre's journal.
    ///
    /// With `concurrentReads` the store keeps a pool of connections: reads
    /// run at once on several threads beside the one writer (the file is in
    /// WAL mode), which a server answering many phones needs; the command
    /// line, one operation at a time, keeps a single connection.
    static func open(path: String, backupBeforeMigrating: Bool = true, concurrentReads: Bool = false) throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerProblem.noDatabase(path) }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            let appID = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
            guard appID == Migrations.applicationID else { throw LedgerProblem.notDarmarkaDatabase(path) }
            let migrator = Migrations.migrator
            let (superseded, complete) = try queue.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw LedgerProblem.newerDatabase(path) }
            if !complete {
                if backupBeforeMigrating {
                    let applied = try queue.read { try migrator.appliedIdentifiers($0) }
                    let from = migrator.migrations.last { applied.contains($0) } ?? "empty"
                    let copy = "\(path).before-upgrade-from-\(from)"
                    if !FileManager.default.fileExists(atPath: copy) { try SQLiteStore(path: path, queue: queue).backup(to: copy) }
                }
                try migrator.migrate(queue)
            }
            if concurrentReads {
                // Checked and upgraded on one connection above; the pool opens only a sound, current file.
                try queue.close()
                return SQLiteStore(path: path, queue: try DatabasePool(path: path, configuration: configuration()))
            }
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
        return SQLiteStore(path: path, queue: queue)
    }

    /// Whether the file at `path` is a Darmarka database, read without
    /// changing it.
    static func isDarmarkaDatabase(_ path: String) -> Bool {
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration(readonly: true)) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }) == Migrations.applicationID
    }

    /// Creates a new database file readable by its owner only (it holds
    /// recipients' codes: 152-ФЗ asks for care with anything about people).
    static func create(path: String, organisation: String?, timeZone: TimeZone,
                              now: Date = Date()) throws -> SQLiteStore {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            throw Self.isDarmarkaDatabase(path) ? LedgerProblem.alreadyInitialised(path) : LedgerProblem.fileInTheWay(path)
        }
        let dir = (path as NSString).deletingLastPathComponent
        do {
            if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw LedgerProblem.cannotWrite(path, "permission denied")
            }
        } catch let problem as LedgerProblem {
            throw problem
        } catch {
            throw LedgerProblem.cannotWrite(path, error.systemReason)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            // WAL lets readers go on while one volunteer writes; it is a
            // property of the file, so it is set once here.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try Migrations.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('timezone', ?), ('created_at', ?)",
                               arguments: [timeZone.identifier, Timestamp.utc(now)])
                if let organisation {
                    try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('organisation', ?)", arguments: [organisation])
                }
            }
            return SQLiteStore(path: path, queue: queue)
        } catch let error as DatabaseError {
            try? fm.removeItem(atPath: path)
            throw SQLiteStore.problem(error, path: path)
        }
    }

    /// Runs `body` in one read-only transaction.
    func read<T>(_ body: (SQLiteLedger) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(SQLiteLedger(db: db, now: clock())) }
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
    }

    /// Runs `body` in one write transaction (`immediateTransaction`); any
    /// error rolls everything back.
    func write<T>(_ body: (SQLiteLedger) throws -> T) throws -> T {
        try write(body, keep: { _ in true })
    }

    /// Runs `body` in one write transaction like `write`, but keeps what it
    /// did only when `keep` says so of its result: a trial run and a refused
    /// import roll everything back, and so does any error.
    func write<T>(_ body: (SQLiteLedger) throws -> T, keep: (T) -> Bool, mode: Store.WriteMode = .normal) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                // Both pragmas must be set before the transaction begins.
                if mode == .bulk { try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY") }
                let outcome = Result { try immediateTransaction(db, body, keep: keep) }
                if mode == .bulk {
                    // Whatever happened: the connection must not go on without its checks.
                    try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA temp_store = DEFAULT")
                    guard try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true else {
                        throw LedgerProblem.unexpected("foreign key checks could not be turned back on")
                    }
                }
                return try outcome.get()
            }
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
    }

    /// Whether a `-shm` file beside the database is one this user cannot
    /// write: left by a read-only open of another user (root at a backup,
    /// say), it turns every later write into "readonly database".
    static func staleSharedMemory(_ path: String) -> Bool {
        let shm = path + "-shm"
        return FileManager.default.fileExists(atPath: shm) && access(shm, W_OK) != 0 && access(path, W_OK) == 0
    }

    /// A database error as the problem a user is told: the command line
    /// knows nothing of GRDB, so none may leave the store as it came.
    static func problem(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_NOTADB: return LedgerProblem.notDarmarkaDatabase(path)
        case .SQLITE_CORRUPT: return LedgerProblem.damaged(path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return LedgerProblem.databaseBusy(path)
        // SQLite's message for a full disk in the backup API is "not an
        // error": the reason is said by the code, not the text.
        case .SQLITE_FULL: return LedgerProblem.cannotWrite(path, "no space left on device")
        case .SQLITE_IOERR: return LedgerProblem.cannotWrite(path, "input/output error")
        case .SQLITE_READONLY where staleSharedMemory(path):
            return LedgerProblem.staleSharedMemory(path + "-shm")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return LedgerProblem.cannotOpen(path, error.message ?? "\(error.resultCode)")
        default: return LedgerProblem.unexpected(error.message ?? "\(error.resultCode)")
        }
    }

    /// One write transaction on `db`, taken at once (BEGIN IMMEDIATE) so
    /// that two writers queue up on the busy timeout instead of failing
    /// when a read lock cannot be upgraded; refused outright on a ledger
    /// whose guards are gone (`AppendOnly.guardWrites`). Kept when `keep`
    /// says so of the result; any error rolls everything back.
    func immediateTransaction<T>(_ db: Database, _ body: (SQLiteLedger) throws -> T, keep: (T) -> Bool) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            try AppendOnly.guardWrites(db, path: path)
            let r = try body(SQLiteLedger(db: db, now: clock()))
            result = r
            return keep(r) ? .commit : .rollback
        }
        guard let result else { throw LedgerProblem.cannotWrite(path, "transaction returned nothing") }
        return result
    }
}

/// Timestamps as stored: UTC, ISO 8601 with milliseconds.
enum Timestamp {
    static func utc(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        func p(_ v: Int?, _ w: Int = 2) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(p(c.year, 4))-\(p(c.month))-\(p(c.day))T\(p(c.hour)):\(p(c.minute)):\(p(c.second)).\(p((c.nanosecond ?? 0) / 1_000_000, 3))Z"
    }
}

extension SQLiteStore: StoreBackend {
    func inReadTransaction<T>(_ body: (any LedgerBackend) throws -> T) throws -> T {
        try read { try body($0) }
    }

    func inWriteTransaction<T>(_ body: (any LedgerBackend) throws -> T, keep: (T) -> Bool, mode: Store.WriteMode) throws -> T {
        try write({ try body($0) }, keep: keep, mode: mode)
    }

    func inErasingTransaction<T>(_ body: (any LedgerBackend) throws -> T) throws -> T {
        try erasing { try body($0) }
    }
}

extension Store {
    /// The SQLite file behind this store, for what is written for SQLite
    /// alone so far (the journal importer's bulk path); a store of another
    /// kind says in one line that the command is not ready for it.
    func sqlite(for command: String) throws -> SQLiteStore {
        guard let store = backend as? SQLiteStore else { throw DatabaseLocationProblem.notYetOnPostgres(command: command) }
        return store
    }
}
