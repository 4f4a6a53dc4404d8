import GRDB

/// The schema's history. `schema.sql` at the top of the repository is the
/// schema these migrations produce; SchemaTests proves it.
enum Migrations {
    /// Written into the file header so a Darmarka database is recognised ('DRMK').
    static let applicationID: Int32 = 1_146_244_427

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
            try seedCatalogue(db)
        }
        migrator.registerMigration("v2-reports") { db in
            try db.execute(sql: v2)
            try db.execute(sql: v2Backfill)
        }
        migrator.registerMigration("v3-import") { db in
            try db.execute(sql: v3)
        }
        // Every movement paid for four box and recipient indexes; reports read
        // the tables kept beside the ledger instead, so two partial ones do.
        migrator.registerMigration("v4-leaner-indexes") { db in
            try db.execute(sql: """
                DROP INDEX movement_recipient;
                DROP INDEX movement_from_box;
                DROP INDEX movement_to_box;
                CREATE INDEX movement_from_box ON movement(from_box_id, occurred_on) WHERE from_box_id IS NOT NULL;
                CREATE INDEX movement_to_box ON movement(to_box_id, occurred_on) WHERE to_box_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("v5-keyed-lines") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6-moving-average") { db in
            try db.execute(sql: v6)
            try v6Revalue(db)
        }
        migrator.registerMigration("v7-recipient-keys") { db in
            try v7(db)
        }
        migrator.registerMigration("v8-no-replace") { db in
            try AppendOnly.migrate(db)
        }
        migrator.registerMigration("v9-seal") { db in
            try v9(db)
        }
        migrator.registerMigration("v10-accounts") { db in
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11-day-pass") { db in
            try db.execute(sql: v11)
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );

        CREATE TABLE centre (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            address TEXT,
            created_at TEXT NOT NULL
        );

        CREATE TABLE issued_code (
            serial INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            centre_id INTEGER NOT NULL REFERENCES centre(id),
            issued_at TEXT NOT NULL,
            purpose TEXT NOT NULL CHECK (purpose IN ('box', 'blank'))
        );

        CREATE TABLE box (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE REFERENCES issued_code(code),
            centre_id INTEGER NOT NULL REFERENCES centre(id),
            name TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('collection', 'storage', 'sorting')),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX box_centre ON box(centre_id);

        CREATE TABLE category (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name_ru TEXT NOT NULL,
            name_en TEXT NOT NULL,
            seeded INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE category_alias (
            alias TEXT PRIMARY KEY NOT NULL,
            category_id INTEGER NOT NULL REFERENCES category(id)
        ) WITHOUT ROWID;

        CREATE TABLE recipient_group (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name_ru TEXT NOT NULL,
            name_en TEXT NOT NULL
        );

        CREATE TABLE group_alias (
            alias TEXT PRIMARY KEY NOT NULL,
            group_id INTEGER NOT NULL REFERENCES recipient_group(id)
        ) WITHOUT ROWID;

        CREATE TABLE recipient (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            group_id INTEGER REFERENCES recipient_group(id),
            household_size INTEGER NOT NULL DEFAULT 1 CHECK (household_size >= 1),
            registered_on TEXT NOT NULL,
            contact TEXT,
            consent_on TEXT,
            forgotten_at TEXT,
            CHECK (contact IS NULL OR consent_on IS NOT NULL)
        );

        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            held_on TEXT NOT NULL,
            centre_id INTEGER REFERENCES centre(id),
            participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
            UNIQUE (name, held_on)
        );

        CREATE TABLE volunteer (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );

        CREATE TABLE import_batch (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            rows INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );

        CREATE TABLE movement (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('intake', 'handout', 'transfer', 'writeoff', 'adjustment')),
            occurred_on TEXT NOT NULL,
            occurred_at TEXT,
            recorded_at TEXT NOT NULL,
            from_box_id INTEGER REFERENCES box(id),
            to_box_id INTEGER REFERENCES box(id),
            recipient_id INTEGER REFERENCES recipient(id),
            event_id INTEGER REFERENCES event(id),
            volunteer_id INTEGER REFERENCES volunteer(id),
            note TEXT,
            reverses_id INTEGER UNIQUE REFERENCES movement(id),
            import_id INTEGER REFERENCES import_batch(id),
            CHECK (from_box_id IS NOT NULL OR to_box_id IS NOT NULL),
            CHECK (from_box_id IS NULL OR to_box_id IS NULL OR from_box_id <> to_box_id)
        );
        CREATE INDEX movement_day ON movement(occurred_on);
        CREATE INDEX movement_from_box ON movement(from_box_id, occurred_on);
        CREATE INDEX movement_to_box ON movement(to_box_id, occurred_on);
        CREATE INDEX movement_recipient ON movement(recipient_id, occurred_on);

        CREATE TABLE movement_line (
            id INTEGER PRIMARY KEY,
            movement_id INTEGER NOT NULL REFERENCES movement(id),
            category_id INTEGER NOT NULL REFERENCES category(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            grams INTEGER CHECK (grams IS NULL OR grams >= 0),
            condition TEXT CHECK (condition IS NULL OR condition IN ('new', 'good', 'repair', 'recycle'))
        );
        CREATE INDEX movement_line_movement ON movement_line(movement_id);

        CREATE TRIGGER movement_is_append_only BEFORE UPDATE ON movement
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_is_never_deleted BEFORE DELETE ON movement
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_line_is_append_only BEFORE UPDATE ON movement_line
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_line_is_never_deleted BEFORE DELETE ON movement_line
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;

        CREATE TABLE balance (
            box_id INTEGER NOT NULL REFERENCES box(id),
            category_id INTEGER NOT NULL REFERENCES category(id),
            quantity INTEGER NOT NULL,
            grams INTEGER NOT NULL,
            PRIMARY KEY (box_id, category_id)
        ) WITHOUT ROWID;

        CREATE TABLE balance_day (
            box_id INTEGER NOT NULL,
            category_id INTEGER NOT NULL,
            day TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            grams INTEGER NOT NULL,
            PRIMARY KEY (box_id, category_id, day)
        ) WITHOUT ROWID;
        """
}
