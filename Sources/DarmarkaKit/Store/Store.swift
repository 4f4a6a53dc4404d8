import DarmarkaCore
import Foundation

/// A Darmarka database, whichever kind: the one door through which the
/// command line, the importer, the reports, the labels and `darmarka serve`
/// reach a ledger.
///
/// Every operation is one transaction: `read` and `write` hand a
/// `LedgerTransaction` to the caller, and everything is read and written
/// through it. Behind the door is a back end (`StoreBackend`): one SQLite
/// file (`SQLiteStore`) today, the default; a PostgreSQL database next.
public final class Store: Sendable {
    let backend: any StoreBackend

    init(_ backend: any StoreBackend) {
        self.backend = backend
    }

    /// Where the ledger is, as messages name it: the file's path.
    public var path: String { backend.path }

    /// Opens an existing database file, upgrading its schema when it is
    /// older. Before an upgrade the file is copied to
    /// `PATH.before-upgrade-from-MIGRATION`, so an upgrade can never lose a
    /// centre's journal.
    ///
    /// With `concurrentReads` the store keeps a pool of connections: reads
    /// run at once on several threads beside the one writer, which a server
    /// answering many phones needs; the command line, one operation at a
    /// time, keeps a single connection.
    public static func open(path: String, backupBeforeMigrating: Bool = true, concurrentReads: Bool = false) throws -> Store {
        Store(try SQLiteStore.open(path: path, backupBeforeMigrating: backupBeforeMigrating, concurrentReads: concurrentReads))
    }

    /// Creates a new database file readable by its owner only (it holds
    /// recipients' codes: 152-ФЗ asks for care with anything about people).
    public static func create(path: String, organisation: String?, timeZone: TimeZone, now: Date = Date()) throws -> Store {
        Store(try SQLiteStore.create(path: path, organisation: organisation, timeZone: timeZone, now: now))
    }

    /// The same database seen at another moment (for tests of time zones).
    func at(_ instant: Date) -> Store { Store(backend.at(instant)) }

    /// Runs `body` in one read-only transaction.
    public func read<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try backend.inReadTransaction { try body(LedgerTransaction($0)) }
    }

    /// Runs `body` in one write transaction; any error rolls everything
    /// back. Two writers queue up rather than fail.
    public func write<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try backend.inWriteTransaction({ try body(LedgerTransaction($0)) }, keep: { _ in true }, mode: .normal)
    }

    /// Runs `body` in one write transaction like `write`, but keeps what it
    /// did only when `keep` says so of its result: a trial run and a refused
    /// import roll everything back, and so does any error.
    public func write<T>(_ body: (LedgerTransaction) throws -> T, keep: (T) -> Bool, mode: WriteMode = .normal) throws -> T {
        try backend.inWriteTransaction({ try body(LedgerTransaction($0)) }, keep: keep, mode: mode)
    }

    /// Runs `body` in one write transaction like `write`, so that what it
    /// deletes or overwrites leaves no trace in the database's storage, for
    /// `recipient forget`. A backup made before still holds the person;
    /// that is what a backup is for.
    public func erasing<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try backend.inErasingTransaction { try body(LedgerTransaction($0)) }
    }

    /// Writes a consistent copy of the whole database to `path`, even while
    /// volunteers keep writing: one owner-only file that opens and restores
    /// from a read-only USB stick or share.
    public func backup(to path: String, force: Bool = false) throws {
        try backend.backup(to: path, force: force)
    }

    /// Puts a backup file in place of the database file at `path`, after
    /// proving the backup is a sound Darmarka database (older ones are
    /// upgraded first). This is the way out when the database is damaged,
    /// so it does not open it: what was there is kept aside, renamed,
    /// never deleted, and the backup is only read.
    public static func restore(into path: String, from source: String, now: Date = Date()) throws -> Restored {
        try SQLiteStore.restore(into: path, from: source, now: now)
    }

    /// What `restore` found where the backup was to go, and did with it.
    public enum Restored: Sendable, Equatable {
        /// A sound database was there; its content is kept in `kept`.
        case replaced(kept: String)
        /// A damaged file (or one SQLite cannot read) was there; it was
        /// renamed to `kept`, never deleted.
        case replacedDamaged(kept: String)
        /// Nothing was there: a new laptop, or a deleted file.
        case created
    }

    /// How a transaction writes.
    public enum WriteMode: Sendable {
        /// Every reference of every row is checked as it is written.
        case normal
        /// For writing a large file at once. In SQLite the per-row foreign
        /// key checks are off for this one transaction: the caller must
        /// prove every reference it wrote before it returns, as
        /// `JournalImport` does once per distinct id (six lookups a journal
        /// row were most of the time SQLite spent). Statement journals stay
        /// in memory: on disk, the journal of statements of many rows was
        /// written more often than the database itself. Both are reset
        /// afterwards, and `darmarka check` runs SQLite's own foreign key
        /// check over all.
        case bulk
    }
}

/// What a database does for `Store`: its transactions, and copying it whole.
/// One implementation per kind of database (`SQLiteStore`; PostgreSQL next).
protocol StoreBackend: Sendable {
    /// Where the ledger is, as messages name it.
    var path: String { get }
    /// The same database seen at another moment.
    func at(_ instant: Date) -> any StoreBackend
    func inReadTransaction<T>(_ body: (any LedgerBackend) throws -> T) throws -> T
    func inWriteTransaction<T>(_ body: (any LedgerBackend) throws -> T, keep: (T) -> Bool, mode: Store.WriteMode) throws -> T
    func inErasingTransaction<T>(_ body: (any LedgerBackend) throws -> T) throws -> T
    func backup(to path: String, force: Bool) throws
}
