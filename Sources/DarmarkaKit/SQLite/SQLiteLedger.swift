import DarmarkaCore
import Foundation
import GRDB

/// One transaction of a `SQLiteStore`: the SQLite back end of
/// `LedgerTransaction` (see `LedgerBackend`).
struct SQLiteLedger {
    let db: Database
    let now: Date

    init(db: Database, now: Date = Date()) {
        self.db = db
        self.now = now
    }

    var recordedAt: String { Timestamp.utc(now) }

    // MARK: Settings

    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }
}
