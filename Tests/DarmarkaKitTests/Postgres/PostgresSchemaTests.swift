import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// schema-postgresql.sql against the PostgreSQL migrations, on a real
/// server, as SchemaTests holds schema.sql against SQLite's.
@Suite("PostgreSQL schema", .enabled(if: PostgresTestServer.configured))
struct PostgresSchemaTests {
    /// Every fact of the schema that matters, one line each, whitespace
    /// folded: relations, columns (type, NOT NULL, default, identity,
    /// position), constraints, indexes, triggers, functions, comments, and
    /// the marker row. The migrations' own table is left out.
    static let factsSQL = """
        SELECT 'relation ' || c.relkind::text || ' ' || c.relname || COALESCE(' comment ' || obj_description(c.oid, 'pg_class'), '')
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname NOT LIKE 'darmarka\\_migration%'
        UNION ALL
        SELECT 'column ' || c.relname || '.' || a.attname || ' #' || a.attnum || ' ' || format_type(a.atttypid, a.atttypmod)
            || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
            || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
            || CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> 'darmarka_migration'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text <> 'darmarka_migration'
        UNION ALL
        SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename <> 'darmarka_migration'
        UNION ALL
        SELECT 'trigger ' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
        UNION ALL
        SELECT 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid)
        FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
        UNION ALL
        SELECT 'row darmarka_application ' || application_id FROM darmarka_application
        """

    static func facts(_ link: PostgresLink) async throws -> [String] {
        try await link.texts(factsSQL).map { row in
            (row.first ?? nil).map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") } ?? "NULL"
        }.sorted()
    }

    @Test func migratedDatabaseHasExactlyTheSchemaInSchemaPostgreSQL() async throws {
        let file = repositoryRoot.appendingPathComponent("schema-postgresql.sql").path
        let want = try await PostgresTestServer.withDatabase("file") { a in
            try PostgresTestServer.psql(file: file, into: a)
            return try await PostgresLink.with(a, Self.facts)
        }
        let got = try await PostgresTestServer.withLink("migrated") { link in
            try await PostgresLedger.migrateEmpty(link)
            return try await Self.facts(link)
        }
        // Tables, columns, constraints, indexes and triggers: hundreds of facts.
        #expect(want.count > 300)
        #expect(want.filter { $0.hasPrefix("trigger ") }.count == 12)
        #expect(Set(got).subtracting(want).sorted() == [], "in the migrations but not in schema-postgresql.sql")
        #expect(Set(want).subtracting(got).sorted() == [], "in schema-postgresql.sql but not in the migrations")
        #expect(got.contains("row darmarka_application \(PostgresMigrations.applicationID)"))
    }

    /// The same tables as SQLite's schema: a table added to one and not the
    /// other fails here.
    @Test func hasTheSameTablesAsTheSQLiteSchema() async throws {
        let sqlite = try DatabaseQueue()
        try Migrations.migrator.migrate(sqlite)
        let sqliteTables = try await sqlite.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        }
        let pgTables = try await PostgresTestServer.withLink("tables") { link in
            try await PostgresLedger.migrateEmpty(link)
            return try await link.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()").compactMap { $0.first ?? nil }
        }
        #expect(Set(pgTables).subtracting(sqliteTables) == ["darmarka_application", "darmarka_migration"])
        #expect(Set(sqliteTables).subtracting(pgTables) == [])
    }

    @Test func seedsTheSameTaxonomyAsSQLite() async throws {
        let sqlite = try DatabaseQueue()
        try Migrations.migrator.migrate(sqlite)
        let categories = "SELECT code || '|' || name_ru || '|' || name_en FROM category ORDER BY code"
        let categoryAliases = "SELECT a.alias || '|' || c.code FROM category_alias a JOIN category c ON c.id = a.category_id ORDER BY a.alias"
        let groups = "SELECT code || '|' || name_ru || '|' || name_en FROM recipient_group ORDER BY code"
        let groupAliases = "SELECT a.alias || '|' || g.code FROM group_alias a JOIN recipient_group g ON g.id = a.group_id ORDER BY a.alias"
        let queries = [categories, categoryAliases, groups, groupAliases]
        let want = try await sqlite.read { db in try queries.map { try String.fetchAll(db, sql: $0) } }
        let got = try await PostgresTestServer.withLink("seed") { link in
            try await PostgresLedger.migrateEmpty(link)
            var result: [[String]] = []
            // PostgreSQL sorts text by the database's collation; SQLite by bytes.
            for q in queries { result.append(try await link.texts(q + " COLLATE \"C\"").compactMap { $0.first ?? nil }) }
            return result
        }
        #expect(want[0].count == 20)
        #expect(got == want)
    }

    @Test func tellsEmptyDarmarkaAndForeignDatabasesApart() async throws {
        try await PostgresTestServer.withLink("contents") { link in
            #expect(try await PostgresLedger.contents(link) == .empty)
            try await PostgresLedger.migrateEmpty(link)
            #expect(try await PostgresLedger.contents(link) == .darmarka(applied: PostgresMigrations.steps.map(\.identifier).sorted()))
            // Migrating again applies nothing and changes nothing.
            try await PostgresLedger.migrate(link)
            #expect(try await link.texts("SELECT count(*)::text FROM darmarka_migration").first?.first == "\(PostgresMigrations.steps.count)")
        }
        try await PostgresTestServer.withLink("foreign") { link in
            try await link.execute("CREATE TABLE invoice (id integer PRIMARY KEY)")
            #expect(try await PostgresLedger.contents(link) == .foreign)
            await #expect(throws: LedgerProblem.notDarmarkaDatabase(link.address.description)) { try await PostgresLedger.migrate(link) }
        }
        try await PostgresTestServer.withLink("lookalike") { link in
            // A table of the same name with another number is not Darmarka's.
            try await link.execute("CREATE TABLE darmarka_application (application_id integer)")
            try await link.execute("CREATE TABLE darmarka_migration (identifier text)")
            try await link.execute("INSERT INTO darmarka_application VALUES (7)")
            #expect(try await PostgresLedger.contents(link) == .foreign)
        }
    }

    @Test func refusesADatabaseANewerDarmarkaUpgraded() async throws {
        try await PostgresTestServer.withLink("newer") { link in
            try await PostgresLedger.migrateEmpty(link)
            try await link.execute("INSERT INTO darmarka_migration (identifier) VALUES ('v99-future')")
            await #expect(throws: LedgerProblem.newerDatabase(link.address.description)) { try await PostgresLedger.migrate(link) }
        }
    }
}
