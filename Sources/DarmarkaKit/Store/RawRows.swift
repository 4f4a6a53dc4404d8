import GRDB
import GRDBSQLite

extension LedgerTransaction {
    /// Steps through a query's rows with SQLite's own column getters, for the
    /// few scans where decoding GRDB rows would cost more than the query.
    func forEachRow(_ sql: String, _ arguments: StatementArguments, _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let step = sqlite3_step(handle)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
            }
            try body(handle)
        }
    }
}
