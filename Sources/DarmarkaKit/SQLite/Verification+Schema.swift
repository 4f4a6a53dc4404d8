import DarmarkaCore
import GRDB

// `darmarka check`: the schema itself, triggers included, against what the
// migrations make. Integrity and foreign key checks pass after a
// `DROP TRIGGER` or an edit through `writable_schema`; this does not.
extension SQLiteLedger {
    /// Tables, indexes and triggers that differ from a database made afresh
    /// by the migrations, by name.
    func schemaFindings() throws -> [Finding] {
        let reference = try DatabaseQueue()
        try Migrations.migrator.migrate(reference)
        let want = try reference.read(Self.schemaObjects)
        let got = try Self.schemaObjects(db)
        var findings: [Finding] = []
        for (name, sql) in want.sorted(by: { $0.key < $1.key }) {
            guard let live = got[name] else { findings.append(.schemaDiffers(object: name, change: .missing)); continue }
            if live != sql { findings.append(.schemaDiffers(object: name, change: .changed)) }
        }
        for name in got.keys.sorted() where want[name] == nil {
            findings.append(.schemaDiffers(object: name, change: .extra))
        }
        return findings
    }

    /// "type name" → its SQL with whitespace folded. A table that version 5
    /// made anew and renamed is stored as `CREATE TABLE "name"`: the same table.
    static func schemaObjects(_ db: Database) throws -> [String: String] {
        var objects: [String: String] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            """) {
            let name: String = r["name"]
            let sql = AppendOnly.folded(r["sql"] ?? "")
                .replacingOccurrences(of: "CREATE TABLE \"\(name)\"", with: "CREATE TABLE \(name)")
            objects["\(r["type"] as String) \(name)"] = sql
        }
        return objects
    }
}
