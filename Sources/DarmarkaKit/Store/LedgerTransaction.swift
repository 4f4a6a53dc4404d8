import DarmarkaCore
import Foundation

/// What can be read and written inside one transaction of a `Store`.
///
/// This is the store seam. The command line, the reports, the labels and
/// the web app read and write through it, in the core's values (`Box`,
/// `MovementDraft`, `LocalDate` …); the SQL stays with the back end behind
/// it (`LedgerBackend`): `SQLiteLedger` today, PostgreSQL next. The rules
/// that every back end must keep alike are written here, once, over the
/// back end's primitives (see `LedgerTransaction+Recording.swift`).
public struct LedgerTransaction {
    let backend: any LedgerBackend

    init(_ backend: any LedgerBackend) {
        self.backend = backend
    }

    // MARK: Settings

    /// A setting of the organisation (`organisation`, `timezone` …), if set.
    public func setting(_ key: String) throws -> String? {
        try backend.setting(key)
    }

    /// The organisation's time zone: "today" is a day at the centres, not on the server.
    public func timeZone() throws -> TimeZone { try backend.timeZone() }

    /// The day it is now at the centres.
    public func today() throws -> LocalDate { try backend.today() }
}
