import GRDB

extension Migrations {
    /// Version 11: day passes. A pass is an account of its own, a volunteer
    /// of one centre that no password opens (`user_id`), so its phone's
    /// session, role, idempotency keys and revocation are those of every
    /// user. The pass keeps the hash of its one-time token, when it ends,
    /// when it was opened and the name its holder gave, which movements
    /// carry as their volunteer.
    static let v11 = """
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
        """
}
