import DarmarkaCore
import Foundation
import PostgresNIO

/// A Darmarka ledger in a PostgreSQL database: telling it from other
/// databases, creating it, bringing its schema up to date. The store
/// itself (reading and writing the ledger) is to be a back end of the
/// store seam (`StoreBackend`, `LedgerBackend`).
public enum PostgresLedger {
    /// What a database holds, as `init` and opening need to know.
    public enum Contents: Sendable, Equatable {
        /// Nothing of anyone's: no tables, views, sequences or functions.
        case empty
        /// Darmarka's, with these steps applied.
        case darmarka(applied: [String])
        /// Something that is not Darmarka's.
        case foreign
    }

    /// Whether the database is empty, Darmarka's or another application's.
    /// Reads the catalogue only, so a foreign database is never changed.
    public static func contents(_ link: PostgresLink) async throws -> Contents {
        let marked = try await link.run("""
            SELECT to_regclass('darmarka_application') IS NOT NULL AND to_regclass('\(unescaped: PostgresMigrations.migrationTable)') IS NOT NULL
            """)
        if let row = marked.first, try row.decode(Bool.self) {
            let ids = try await link.run("SELECT application_id FROM darmarka_application")
            guard ids.count == 1, let first = ids.first, try first.decode(Int32.self) == PostgresMigrations.applicationID else {
                return .foreign
            }
            let applied = try await link.run("SELECT identifier FROM \(unescaped: PostgresMigrations.migrationTable) ORDER BY identifier")
            return .darmarka(applied: try applied.map { try $0.decode(String.self) })
        }
        // Anything a user made, in any schema but the system's, makes it not empty.
        let count = try await link.run("""
            SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
                      AND n.nspname NOT LIKE 'pg\\_temp\\_%')
                 + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema'))
            """)
        guard let row = count.first else { return .foreign }
        return try row.decode(Int64.self) == 0 ? .empty : .foreign
    }

    /// The steps not yet applied, in order.
    static func pending(applied: [String]) -> [PostgresMigrations.Step] {
        PostgresMigrations.steps.filter { !applied.contains($0.identifier) }
    }

    /// Applies `steps` inside the caller's transaction, recording each.
    static func apply(_ steps: [PostgresMigrations.Step], on link: PostgresLink) async throws {
        try await link.execute(PostgresMigrations.migrationTableSQL)
        for step in steps {
            for statement in step.statements { try await link.execute(statement) }
            try await link.run("INSERT INTO \(unescaped: PostgresMigrations.migrationTable) (identifier) VALUES (\(step.identifier))")
        }
    }

    /// Serialises `init` and upgrades of one database across processes and servers.
    static func lock(_ link: PostgresLink) async throws {
        try await link.run("SELECT pg_advisory_xact_lock(\(Int64(PostgresMigrations.applicationID)))")
    }

    /// Brings a Darmarka database's schema up to date, one step per
    /// transaction. Refuses a database that is not Darmarka's, and one
    /// that a newer Darmarka has upgraded.
    public static func migrate(_ link: PostgresLink) async throws {
        let shown = link.address.description
        for step in PostgresMigrations.steps {
            try await link.transaction { link in
                try await lock(link)
                switch try await contents(link) {
                case .empty: throw LedgerProblem.noDatabase(shown)
                case .foreign: throw LedgerProblem.notDarmarkaDatabase(shown)
                case .darmarka(let applied):
                    let known = Set(PostgresMigrations.steps.map(\.identifier))
                    if !Set(applied).isSubset(of: known) { throw LedgerProblem.newerDatabase(shown) }
                    if !applied.contains(step.identifier) { try await apply([step], on: link) }
                }
            }
        }
    }

    /// Every step, in the caller's transaction, into a database that must
    /// be empty; `create` and the schema tests use it.
    static func migrateEmpty(_ link: PostgresLink, inTransaction: Bool = false) async throws {
        guard inTransaction else {
            return try await link.transaction { try await migrateEmpty($0, inTransaction: true) }
        }
        let shown = link.address.description
        try await lock(link)
        switch try await contents(link) {
        case .darmarka: throw LedgerProblem.alreadyInitialised(shown)
        case .foreign: throw LedgerProblem.fileInTheWay(shown)
        case .empty: break
        }
        try await apply(PostgresMigrations.steps, on: link)
    }

    /// `darmarka init` on PostgreSQL: the whole schema and the settings in
    /// one transaction, into a database that must be empty. A Darmarka
    /// database is "already initialised"; anything else is another
    /// application's and is left alone — the messages SQLite's init gives.
    public static func create(_ link: PostgresLink, organisation: String?, timeZone: TimeZone, now: Date = Date()) async throws {
        try await link.transaction { link in
            try await migrateEmpty(link, inTransaction: true)
            try await link.run("INSERT INTO setting (key, value) VALUES ('timezone', \(timeZone.identifier)), ('created_at', \(Timestamp.utc(now)))")
            if let organisation {
                try await link.run("INSERT INTO setting (key, value) VALUES ('organisation', \(organisation))")
            }
        }
    }

    /// `create`, from a location, for the command line: connects, creates, closes.
    public static func create(at address: PostgresAddress, organisation: String?, timeZone: TimeZone) throws {
        try Blocking.run {
            try await PostgresLink.with(address) { try await create($0, organisation: organisation, timeZone: timeZone) }
        }
    }
}
