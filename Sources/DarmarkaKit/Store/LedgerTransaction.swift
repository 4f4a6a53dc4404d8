import DarmarkaCore
import Foundation
import GRDB

/// What can be read and written inside one transaction of a `Store`.
///
/// This is the store's whole interface: it speaks in the core's values
/// (`Box`, `MovementDraft`, `LocalDate` …) and keeps SQL to itself, so that
/// another back end can stand in its place.
public struct LedgerTransaction {
    let db: Database
    let now: Date

    init(db: Database, now: Date = Date()) {
        self.db = db
        self.now = now
    }

    var recordedAt: String { Timestamp.utc(now) }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    /// The organisation's time zone: "today" is a day at the centres, not on the server.
    public func timeZone() throws -> TimeZone {
        try setting("timezone").flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "Asia/Yekaterinburg") ?? .current
    }

    public func today() throws -> LocalDate { LocalDate.today(in: try timeZone(), now: now) }
}
