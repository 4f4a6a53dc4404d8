import GRDB

extension SQLiteLedger {
    /// Steps through a query's rows with SQLite's own column getters, for the
    /// few scans where decoding GRDB rows would cost more than the query.
    func forEachRow(_ sql: String, _ arguments: StatementArguments, _ body: (OpaquePointer) throws -> Void) throws {
        try RawStatement(cached: db, sql, arguments).forEachRow(body)
    }
}
