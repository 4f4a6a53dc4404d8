import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped with SQLite's own functions.
///
/// The importer writes a million rows in one go; GRDB's `StatementArguments`
/// box every value, which costs more than the insert itself. Bindings stay
/// between steps until they are bound again.
final class RawStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection?

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// A statement kept by the connection for reuse: a web server records
    /// one movement per request, and preparing the derived tables' upserts
    /// anew each time cost more than running them.
    init(cached db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// A statement kept by the connection for reuse, bound to `arguments`:
    /// for queries a report runs again for each of its periods.
    init(cached db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// SQLite copies the bytes at once: Swift strings do not stay put.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    @inline(__always)
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    @inline(__always)
    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    @inline(__always)
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    @inline(__always)
    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), Self.transient)
        }
    }

    /// Binds text that outlives the statement's use of it, without a copy.
    @inline(__always)
    func bind(_ index: Int32, _ text: StableText) {
        sqlite3_bind_text(handle, index, text.start, text.count, nil)
    }

    @inline(__always)
    func bind(_ index: Int32, _ text: StableText?) {
        if let text { bind(index, text) } else { sqlite3_bind_null(handle, index) }
    }

    @inline(__always)
    func bind(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// Runs the statement to its end and makes it ready for the next values.
    func run() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
    }

    /// Whether the query gives at least one row; ready for the next values after.
    func hasRow() throws -> Bool {
        defer { sqlite3_reset(handle) }
        return try step()
    }

    /// Hands each row to `body`, to read with SQLite's column getters.
    func forEachRow(_ body: (SQLiteStatement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while try step() { try body(handle) }
    }

    /// One step: true for a row, false at the end.
    private func step() throws -> Bool {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: statement.sql)
        }
        return code == SQLITE_ROW
    }

    /// How many rows the last statement on this connection changed.
    var changes: Int32 {
        connection.map { sqlite3_changes($0) } ?? 0
    }

    /// The row id the last insert on this connection gave.
    var lastInsertedRowID: Int64 {
        connection.map { sqlite3_last_insert_rowid($0) } ?? 0
    }
}

/// UTF-8 text at an address that stays put for as long as statements use
/// it, so SQLite may take it without a copy (SQLITE_STATIC): a literal, or
/// text kept by `StableTexts`.
struct StableText {
    let start: UnsafePointer<CChar>
    let count: Int32

    init(_ literal: StaticString) {
        start = UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
        count = Int32(literal.utf8CodeUnitCount)
    }

    fileprivate init(start: UnsafePointer<CChar>, count: Int32) {
        self.start = start
        self.count = count
    }
}

/// Texts made once and kept until this is released: the dates of an
/// import, which repeat row after row.
final class StableTexts<Key: Hashable> {
    private var texts: [Key: StableText] = [:]
    private var buffers: [UnsafeMutablePointer<CChar>] = []

    func text(_ key: Key, _ make: (Key) -> String) -> StableText {
        if let known = texts[key] { return known }
        let utf8 = Array(make(key).utf8)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, utf8.count))
        for (i, byte) in utf8.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        buffers.append(buffer)
        let text = StableText(start: UnsafePointer(buffer), count: Int32(utf8.count))
        texts[key] = text
        return text
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
