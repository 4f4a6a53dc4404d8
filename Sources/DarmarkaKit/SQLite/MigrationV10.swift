import GRDB

extension Migrations {
    /// Version 10: the accounts of `darmarka serve`. Users with a bcrypt
    /// hash, a role and their centres; sessions kept by the hash of their
    /// random id (a copied database gives no one a way in); the idempotency
    /// keys of recorded forms; and failed sign-ins, to throttle guessing.
    /// None of these is the ledger: `AppendOnly` does not guard them.
    static let v10 = """
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
        """
}
