import GRDB

extension Migrations {
    /// Version 3: what makes an import happen exactly once. Each batch keeps
    /// the fingerprints of the journal rows it brought in, as blobs of 8-byte
    /// numbers (a few blobs per million rows): a file that grew, or was saved
    /// again in another encoding, brings in only rows that no batch has yet.
    static let v3 = """
        CREATE TABLE import_fingerprint (
            batch_id INTEGER NOT NULL REFERENCES import_batch(id),
            chunk INTEGER NOT NULL,
            prints BLOB NOT NULL,
            PRIMARY KEY (batch_id, chunk)
        ) WITHOUT ROWID;
        """
}
