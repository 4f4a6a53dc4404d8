import GRDB

extension Migrations {
    /// Version 5: fewer B-trees for every row a large import writes.
    ///
    /// - `movement_line` is keyed by its movement and its place in it
    ///   (`line`, from 1) and has no rowid of its own, so a line is one
    ///   B-tree entry instead of a row and an index entry.
    /// - The undo link on `movement` had a UNIQUE constraint, whose index
    ///   took an entry for every movement although only undos have one; a
    ///   partial unique index keeps the rule for undos alone.
    /// - `recipient_visit` is keyed by day first: visits arrive in date
    ///   order, and reports read them by day. Its second index goes.
    ///
    /// SQLite cannot change a table's key or drop a column constraint, so
    /// the three tables are made anew and their rows copied.
    static let v5 = """
        CREATE TABLE movement_v5 (
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
            reverses_id INTEGER REFERENCES movement(id),
            import_id INTEGER REFERENCES import_batch(id),
            CHECK (from_box_id IS NOT NULL OR to_box_id IS NOT NULL),
            CHECK (from_box_id IS NULL OR to_box_id IS NULL OR from_box_id <> to_box_id)
        );
        INSERT INTO movement_v5 SELECT id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id,
            recipient_id, event_id, volunteer_id, note, reverses_id, import_id FROM movement ORDER BY id;

        CREATE TABLE movement_line_v5 (
            movement_id INTEGER NOT NULL REFERENCES movement(id),
            line INTEGER NOT NULL CHECK (line >= 1),
            category_id INTEGER NOT NULL REFERENCES category(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            grams INTEGER CHECK (grams IS NULL OR grams >= 0),
            condition TEXT CHECK (condition IS NULL OR condition IN ('new', 'good', 'repair', 'recycle')),
            PRIMARY KEY (movement_id, line)
        ) WITHOUT ROWID;
        INSERT INTO movement_line_v5
        SELECT movement_id, ROW_NUMBER() OVER (PARTITION BY movement_id ORDER BY id), category_id, quantity, grams, condition
        FROM movement_line;

        CREATE TABLE recipient_visit_v5 (
            day TEXT NOT NULL,
            recipient_id INTEGER NOT NULL REFERENCES recipient(id),
            handouts INTEGER NOT NULL CHECK (handouts > 0),
            PRIMARY KEY (day, recipient_id)
        ) WITHOUT ROWID;
        INSERT INTO recipient_visit_v5 SELECT day, recipient_id, handouts FROM recipient_visit ORDER BY day, recipient_id;

        DROP TABLE recipient_visit;
        DROP TABLE movement_line;
        DROP TABLE movement;
        ALTER TABLE movement_v5 RENAME TO movement;
        ALTER TABLE movement_line_v5 RENAME TO movement_line;
        ALTER TABLE recipient_visit_v5 RENAME TO recipient_visit;

        CREATE INDEX movement_day ON movement(occurred_on);
        CREATE INDEX movement_from_box ON movement(from_box_id, occurred_on) WHERE from_box_id IS NOT NULL;
        CREATE INDEX movement_to_box ON movement(to_box_id, occurred_on) WHERE to_box_id IS NOT NULL;
        CREATE UNIQUE INDEX movement_reverses ON movement(reverses_id) WHERE reverses_id IS NOT NULL;
        CREATE TRIGGER movement_is_append_only BEFORE UPDATE ON movement
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_is_never_deleted BEFORE DELETE ON movement
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_line_is_append_only BEFORE UPDATE ON movement_line
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        CREATE TRIGGER movement_line_is_never_deleted BEFORE DELETE ON movement_line
        BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
        """
}
