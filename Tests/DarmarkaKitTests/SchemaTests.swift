import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

@Suite("Schema")
struct SchemaTests {
    /// Tables, indexes and triggers with whitespace folded, sorted by name.
    static func objects(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name
            """).map { r in
                let sql = (r["sql"] as String?) ?? ""
                var folded = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                // A table made anew and renamed (version 5) is stored as `CREATE TABLE "name"`.
                let name = r["name"] as String
                folded = folded.replacingOccurrences(of: "CREATE TABLE \"\(name)\"", with: "CREATE TABLE \(name)")
                return "\(r["type"] as String) \(r["name"] as String) ON \(r["tbl_name"] as String): \(folded)"
            }
    }

    @Test func migratedDatabaseHasExactlyTheSchemaInSchemaSQL() throws {
        let schema = try String(contentsOf: repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        let expected = try DatabaseQueue()
        try expected.write { try $0.execute(sql: schema) }
        let migrated = try DatabaseQueue()
        try Migrations.migrator.migrate(migrated)

        let want = try expected.read(Self.objects)
        let got = try migrated.read(Self.objects)
        #expect(want.count > 20)
        #expect(Set(got).subtracting(want).sorted() == [], "in the migrations but not in schema.sql")
        #expect(Set(want).subtracting(got).sorted() == [], "in schema.sql but not in the migrations")
        let appID = { (q: DatabaseQueue) in try q.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } }
        let (e, m) = (try appID(expected), try appID(migrated))
        #expect(e == m)
        #expect(try appID(migrated) == Migrations.applicationID)
    }

    @Test func seedsTheTaxonomy() throws {
        let f = try Fixture()
        let categories = try f.store.read { try $0.categories() }
        #expect(categories.count == 20)
        #expect(categories.map(\.code).contains("babygear"))
        #expect(try f.store.read { try $0.groups() }.map(\.code) == ["large-family", "low-income", "pensioner", "refugee", "homeless", "hardship", "other"])
    }

    @Test func findsCategoriesAndGroupsByAnyName() throws {
        let f = try Fixture()
        try f.store.read { (tx: LedgerTransaction) throws in
            #expect(try tx.category("shoes").code == "shoes")
            #expect(try tx.category("  ОБУВЬ ").code == "shoes")
            #expect(try tx.category("Одежда для новорожденных").code == "baby") // ё typed as е
            #expect(try tx.category("women's clothing").code == "womens")
            #expect(try tx.category("посуда").code == "kitchen") // alias
            #expect(try tx.group("Многодетная семья").code == "large-family")
            #expect(try tx.group("многодетные").code == "large-family")
            #expect(try tx.group("ТЖС").code == "hardship")
            let underwear = try tx.category("носки")
            #expect(throws: CatalogueWordProblem.unknown(.category, "носки-2", suggestions: [underwear])) { try tx.category("носки-2") }
        }
    }

    @Test func newFileIsReadableByItsOwnerOnly() throws {
        let f = try Fixture()
        let attributes = try FileManager.default.attributesOfItem(atPath: f.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
