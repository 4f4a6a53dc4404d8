-- Darmarka: the true schema of a current database.
-- A test migrates an empty database and requires exactly these tables,
-- indexes and triggers (Tests/DarmarkaKitTests/SchemaTests.swift).

-- Marks the file as Darmarka's ('DRMK'), so other files are refused.
PRAGMA application_id = 1146244427;

-- Settings of the organisation: its name, its time zone.
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Neighbourhood centres (соседские центры).
CREATE TABLE centre (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    address TEXT,
    created_at TEXT NOT NULL
);

-- Every box code ever issued, assigned or pre-printed: a code is issued once.
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

-- Other names people use for a category; stored normalised (lower case, ё→е).
CREATE TABLE category_alias (
    alias TEXT PRIMARY KEY NOT NULL,
    category_id INTEGER NOT NULL REFERENCES category(id)
) WITHOUT ROWID;

-- Target groups of recipients (многодетные, пенсионеры …).
CREATE TABLE recipient_group (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL
);

-- Other names for a recipient group, normalised like category aliases.
CREATE TABLE group_alias (
    alias TEXT PRIMARY KEY NOT NULL,
    group_id INTEGER NOT NULL REFERENCES recipient_group(id)
) WITHOUT ROWID;

-- Recipients are pseudonymous codes (152-ФЗ): a contact is kept only with
-- the date consent was given, and `forgotten_at` marks a person forgotten.
-- `code_key` is the code folded (case, dashes, leading zeros, letters in
-- Latin: RecipientCodes.key); a recipient is found by it. Not unique: a
-- database from before version 7 may hold two codes with one key.
CREATE TABLE recipient (
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
CREATE INDEX recipient_code_key ON recipient(code_key);

-- Free-market days and other events; an event is its name and date.
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

-- Files brought in by `darmarka import`, so a file is imported once.
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);

-- The fingerprints of the journal rows each batch brought in (see
-- JournalRow.fingerprint): 8-byte numbers, little-endian, in blobs of up to
-- 65536, in file order. A row of a later file that matches one uses it up,
-- so a file that grew imports only its new rows, and identical rows still
-- count as many times as they occur.
CREATE TABLE import_fingerprint (
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    chunk INTEGER NOT NULL,
    prints BLOB NOT NULL,
    PRIMARY KEY (batch_id, chunk)
) WITHOUT ROWID;

-- The fingerprints of journal rows that named a recipient, kept per
-- recipient so that `recipient forget` can drop them: `prints` as in
-- import_fingerprint, and `anonymous` the same rows fingerprinted without
-- the recipient and the note. A forget empties `prints` and keeps
-- `anonymous`, so a file imported again still brings in none of that
-- person's rows, and no fingerprint left can test a guessed code.
CREATE TABLE import_fingerprint_person (
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    recipient_id INTEGER NOT NULL REFERENCES recipient(id),
    chunk INTEGER NOT NULL,
    prints BLOB NOT NULL,
    anonymous BLOB NOT NULL,
    PRIMARY KEY (batch_id, recipient_id, chunk)
) WITHOUT ROWID;

-- The ledger. Append-only: the triggers below refuse UPDATE and DELETE.
-- A movement with `reverses_id` undoes that movement: same kind, boxes and
-- lines, same date, and it counts with the opposite sign; a movement is
-- undone at most once (movement_reverses).
-- `seal` chains the ledger (docs/ledger-seal.md): SHA-256 over the previous
-- movement's seal and this movement's canonical form (its fields, its lines
-- and its note's digest), so `check` finds any change made behind its back.
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
    reverses_id INTEGER REFERENCES movement(id),
    import_id INTEGER REFERENCES import_batch(id),
    seal BLOB NOT NULL,
    CHECK (from_box_id IS NOT NULL OR to_box_id IS NOT NULL),
    CHECK (from_box_id IS NULL OR to_box_id IS NULL OR from_box_id <> to_box_id)
);
CREATE INDEX movement_day ON movement(occurred_on);
-- Partial: an intake has no source box and a handout no target, so each
-- movement goes into one of these two, which keeps bulk imports fast.
CREATE INDEX movement_from_box ON movement(from_box_id, occurred_on) WHERE from_box_id IS NOT NULL;
CREATE INDEX movement_to_box ON movement(to_box_id, occurred_on) WHERE to_box_id IS NOT NULL;
-- Partial: only undos have a `reverses_id`, so other movements cost it nothing.
CREATE UNIQUE INDEX movement_reverses ON movement(reverses_id) WHERE reverses_id IS NOT NULL;

-- The lines of a movement, numbered from 1 in the order they were given:
-- keyed by movement and number, without a rowid, one B-tree in all.
CREATE TABLE movement_line (
    movement_id INTEGER NOT NULL REFERENCES movement(id),
    line INTEGER NOT NULL CHECK (line >= 1),
    category_id INTEGER NOT NULL REFERENCES category(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    grams INTEGER CHECK (grams IS NULL OR grams >= 0),
    condition TEXT CHECK (condition IS NULL OR condition IN ('new', 'good', 'repair', 'recycle')),
    PRIMARY KEY (movement_id, line)
) WITHOUT ROWID;

-- INSERT too: `INSERT OR REPLACE` deletes a row without firing a DELETE
-- trigger, so a row whose key is taken is refused before it is written.
CREATE TRIGGER movement_is_append_only BEFORE UPDATE ON movement
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
CREATE TRIGGER movement_is_never_deleted BEFORE DELETE ON movement
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
CREATE TRIGGER movement_is_never_replaced BEFORE INSERT ON movement
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM movement WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
CREATE TRIGGER movement_line_is_append_only BEFORE UPDATE ON movement_line
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
CREATE TRIGGER movement_line_is_never_deleted BEFORE DELETE ON movement_line
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;
CREATE TRIGGER movement_line_is_never_replaced BEFORE INSERT ON movement_line
WHEN EXISTS (SELECT 1 FROM movement_line WHERE movement_id = NEW.movement_id AND line = NEW.line)
BEGIN SELECT RAISE(ABORT, 'darmarka: the ledger is append-only; correct a movement with darmarka undo'); END;

-- A movement's free-text note, apart from the ledger so that a forget can
-- redact it: `digest` is SHA-256 over `salt` and the note, and the seal
-- covers the digest. A redaction makes the note «[удалено]» and deletes the
-- salt (the digest then tests no guess), keeps the digest, and is recorded
-- in `redaction`; nothing else may change a note.
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

CREATE TRIGGER movement_note_is_only_redacted BEFORE UPDATE ON movement_note
WHEN NOT (NEW.movement_id = OLD.movement_id AND NEW.note = '[удалено]' AND NEW.salt IS NULL AND NEW.digest = OLD.digest)
BEGIN SELECT RAISE(ABORT, 'darmarka: a note is only ever redacted, by darmarka recipient forget'); END;
CREATE TRIGGER movement_note_is_never_deleted BEFORE DELETE ON movement_note
BEGIN SELECT RAISE(ABORT, 'darmarka: a note is only ever redacted, by darmarka recipient forget'); END;
CREATE TRIGGER movement_note_is_never_replaced BEFORE INSERT ON movement_note
WHEN EXISTS (SELECT 1 FROM movement_note WHERE movement_id = NEW.movement_id)
BEGIN SELECT RAISE(ABORT, 'darmarka: a note is only ever redacted, by darmarka recipient forget'); END;
CREATE TRIGGER redaction_is_append_only BEFORE UPDATE ON redaction
BEGIN SELECT RAISE(ABORT, 'darmarka: a note is only ever redacted, by darmarka recipient forget'); END;
CREATE TRIGGER redaction_is_never_deleted BEFORE DELETE ON redaction
BEGIN SELECT RAISE(ABORT, 'darmarka: a note is only ever redacted, by darmarka recipient forget'); END;

-- Stock derived from the ledger, kept up to date in the same transaction as
-- each movement so that reading it never means summing all history.
-- `balance` is the stock now; `balance_day` the net change on each day.
-- Grams are valued by moving average (see line_valuation), never below 0.
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

-- What each kind of movement moved in a month, per box, category and
-- condition, kept in the same transaction as each movement so that monthly
-- and yearly reports never read the whole ledger. Box 0 means none.
-- `weighed` counts the items whose lines had a weight; `movements` counts
-- movements (on their first line only). `grams` is what was weighed;
-- `estimated` the grams outflows took beyond it by moving average (see
-- line_valuation), so outflows weigh `grams + estimated`.
CREATE TABLE flow_month (
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_box_id INTEGER NOT NULL,
    to_box_id INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    condition TEXT NOT NULL,
    at_event INTEGER NOT NULL,
    with_recipient INTEGER NOT NULL,
    items INTEGER NOT NULL,
    grams INTEGER NOT NULL,
    weighed INTEGER NOT NULL,
    movements INTEGER NOT NULL,
    estimated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient)
) WITHOUT ROWID;

-- Kilograms by moving average: the grams an outflow line (handout, transfer,
-- write-off, shortage) took from its box and category, where they differ
-- from the line's own weight, or 0 when it was not weighed. Lines are valued
-- in the order (date, movement id, line); an undone movement and its undo
-- are left out. `balance`, `balance_day` and `flow_month` count these grams;
-- `darmarka check` values the ledger afresh and compares.
CREATE TABLE line_valuation (
    movement_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    grams INTEGER NOT NULL CHECK (grams >= 0),
    PRIMARY KEY (movement_id, line)
) WITHOUT ROWID;

-- Visits: a recipient's handouts on a day, net of undos. A row exists
-- only while there is at least one handout; with the two tables after it,
-- it makes unique, new and returning recipients cheap to count. Keyed by
-- day first: reports read days, and a journal brings them in date order.
CREATE TABLE recipient_visit (
    day TEXT NOT NULL,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id),
    handouts INTEGER NOT NULL CHECK (handouts > 0),
    PRIMARY KEY (day, recipient_id)
) WITHOUT ROWID;

-- Days with a visit, per recipient and month.
CREATE TABLE recipient_month (
    month TEXT NOT NULL,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id),
    visits INTEGER NOT NULL CHECK (visits > 0),
    PRIMARY KEY (month, recipient_id)
) WITHOUT ROWID;

-- The day of each recipient's first visit ever: who is new in a period.
CREATE TABLE recipient_first (
    recipient_id INTEGER PRIMARY KEY REFERENCES recipient(id),
    first_day TEXT NOT NULL
);
CREATE INDEX recipient_first_day ON recipient_first(first_day);

-- Movements each volunteer logged in a month (net of undos).
CREATE TABLE volunteer_month (
    month TEXT NOT NULL,
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    movements INTEGER NOT NULL,
    PRIMARY KEY (month, volunteer_id)
) WITHOUT ROWID;

-- What the grant application promised: a metric's target for a period.
CREATE TABLE target (
    metric TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value >= 0),
    set_at TEXT NOT NULL,
    PRIMARY KEY (metric, period_from, period_to)
);

-- Accounts of `darmarka serve` (v10): users, their centres, sessions (by the
-- hash of their id), idempotency keys of recorded forms, failed sign-ins.
CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'manager', 'volunteer', 'viewer')),
    lang TEXT CHECK (lang IN ('ru', 'en')),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE app_user_centre (
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    centre_id INTEGER NOT NULL REFERENCES centre(id),
    PRIMARY KEY (user_id, centre_id)
) WITHOUT ROWID;

CREATE TABLE app_session (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX app_session_user ON app_session(user_id);

CREATE TABLE idempotency_key (
    key TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    movement_id INTEGER REFERENCES movement(id),
    response TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

CREATE TABLE login_failure (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL COLLATE NOCASE,
    address TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failure_login ON login_failure(login, at);
CREATE INDEX login_failure_address ON login_failure(address, at);

-- Day passes (v11): a one-time link that signs one phone in as a volunteer
-- of one centre until it expires. Each pass is an account of its own
-- (`user_id`, a volunteer no password opens); the name its holder gives
-- is the volunteer of what they record.
CREATE TABLE day_pass (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL UNIQUE REFERENCES app_user(id),
    centre_id INTEGER NOT NULL REFERENCES centre(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    volunteer_name TEXT,
    revoked INTEGER NOT NULL DEFAULT 0
);
