import DarmarkaCore
import GRDB

extension Migrations {
    /// The seeded taxonomy, written once by the first migration.
    static func seedCatalogue(_ db: Database) throws {
        for c in Seed.categories {
            try db.execute(sql: "INSERT INTO category(code, name_ru, name_en, seeded) VALUES (?, ?, ?, 1)",
                           arguments: [c.code, c.ru, c.en])
            let id = db.lastInsertedRowID
            for alias in c.aliases {
                try db.execute(sql: "INSERT OR IGNORE INTO category_alias(alias, category_id) VALUES (?, ?)",
                               arguments: [TextKey.normalise(alias), id])
            }
        }
        for g in Seed.groups {
            try db.execute(sql: "INSERT INTO recipient_group(code, name_ru, name_en) VALUES (?, ?, ?)",
                           arguments: [g.code, g.ru, g.en])
            let id = db.lastInsertedRowID
            for alias in g.aliases {
                try db.execute(sql: "INSERT OR IGNORE INTO group_alias(alias, group_id) VALUES (?, ?)",
                               arguments: [TextKey.normalise(alias), id])
            }
        }
    }
}
