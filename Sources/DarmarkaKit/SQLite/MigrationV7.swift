import DarmarkaCore
import GRDB

extension Migrations {
    /// Version 7: a recipient is found by `code_key`, the code folded as
    /// `RecipientCodes.key` folds it (case, dashes and spaces, leading zeros,
    /// letters in Latin), so that `тд42` is the person registered as `ТД-042`.
    ///
    /// The key is made by Swift, so the rows are copied one by one into the
    /// table made anew with the column where it belongs. The index is not
    /// unique: a database may already hold two codes with one key (`ТД-042`
    /// and `ТД42`, registered before codes were compared so). Nothing is
    /// merged behind anyone's back; `check` names them, and a code that fits
    /// both is refused until it is typed exactly.
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE recipient_v7 (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE COLLATE NOCASE,
                code_key TEXT NOT NULL,
                group_id INTEGER REFERENCES recipient_group(id),
                household_size INTEGER NOT NULL DEFAULT 1 CHECK (household_size >= 1),
                registered_on TEXT NOT NULL,
                contact TEXT,
                consent_on TEXT,
                forgotten_at TEXT,
                CHECK (contact IS NULL OR consent_on IS NOT NULL)
            );
            """)
        let insert = try db.makeStatement(sql: """
            INSERT INTO recipient_v7(id, code, code_key, group_id, household_size, registered_on, contact, consent_on, forgotten_at)
            SELECT id, code, ?, group_id, household_size, registered_on, contact, consent_on, forgotten_at FROM recipient WHERE id = ?
            """)
        for r in try Row.fetchAll(db, sql: "SELECT id, code FROM recipient ORDER BY id") {
            try insert.execute(arguments: [RecipientCodes.key(r["code"]), r["id"]])
        }
        try db.execute(sql: """
            DROP TABLE recipient;
            ALTER TABLE recipient_v7 RENAME TO recipient;
            CREATE INDEX recipient_code_key ON recipient(code_key);
            """)
    }
}
