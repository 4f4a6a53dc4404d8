import GRDB

extension Migrations {
    /// Version 9, "v9-seal": a sealed ledger, and notes a forget can redact.
    ///
    /// - `movement` gets `seal`, the SHA-256 chain over the ledger (see
    ///   `LedgerSeal` and `docs/ledger-seal.md`), built here for the
    ///   movements there are, in id order; its `note` goes.
    /// - Notes move to `movement_note` with a salt and a digest: the seal
    ///   covers the digest, so a note naming a forgotten person can be
    ///   replaced by «[удалено]» (recorded in `redaction`) and the chain
    ///   still verifies.
    /// - `import_fingerprint_person` keeps the fingerprints of journal rows
    ///   that named a recipient apart, per recipient, so a forget can drop them.
    ///
    /// SQLite cannot drop a column the triggers refuse to update, so
    /// `movement` is made anew (as version 5 did) and its guards made again.
    static func v9(_ db: Database) throws {
        try db.execute(sql: v9Tables)
        try LedgerSeal.sealExisting(db)
        try db.execute(sql: """
            DROP TABLE movement;
            ALTER TABLE movement_v9 RENAME TO movement;
            CREATE INDEX movement_day ON movement(occurred_on);
            CREATE INDEX movement_from_box ON movement(from_box_id, occurred_on) WHERE from_box_id IS NOT NULL;
            CREATE INDEX movement_to_box ON movement(to_box_id, occurred_on) WHERE to_box_id IS NOT NULL;
            CREATE UNIQUE INDEX movement_reverses ON movement(reverses_id) WHERE reverses_id IS NOT NULL;
            """)
        try AppendOnly.migrate(db, AppendOnly.triggers)
    }

    static let v9Tables = """
        CREATE TABLE movement_v9 (
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
            reverses_id INTEGER REFERENCES movement(id),
            import_id INTEGER REFERENCES import_batch(id),
            seal BLOB NOT NULL,
            CHECK (from_box_id IS NOT NULL OR to_box_id IS NOT NULL),
            CHECK (from_box_id IS NULL OR to_box_id IS NULL OR from_box_id <> to_box_id)
        );
        CREATE TABLE movement_note (
            movement_id INTEGER PRIMARY KEY REFERENCES movement(id),
            salt BLOB,
            note TEXT NOT NULL,
            digest BLOB NOT NULL
        );
        CREATE TABLE redaction (
            movement_id INTEGER NOT NULL REFERENCES movement(id),
            at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TABLE import_fingerprint_person (
            batch_id INTEGER NOT NULL REFERENCES import_batch(id),
            recipient_id INTEGER NOT NULL REFERENCES recipient(id),
            chunk INTEGER NOT NULL,
            prints BLOB NOT NULL,
            anonymous BLOB NOT NULL,
            PRIMARY KEY (batch_id, recipient_id, chunk)
        ) WITHOUT ROWID;
        """
}
