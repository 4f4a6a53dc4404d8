import DarmarkaCore
import Foundation
import GRDB

extension Store {
    /// Copies the database with SQLite's online backup API: a consistent
    /// copy even while volunteers keep writing. The copy is owner-only.
    public func backup(to path: String, force: Bool = false) throws {
        try OutputFile.check(path, force: force)
        let temporary = OutputFile.temporaryPath(for: path)
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw LedgerProblem.cannotWrite(path, "permission denied")
            }
            let destination = try DatabaseQueue(path: temporary)
            try queue.backup(to: destination)
            try destination.close()
            try OutputFile.moveIntoPlace(temporary, path)
        } catch let problem as LedgerProblem {
            try? FileManager.default.removeItem(atPath: temporary)
            throw problem
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Store.problem(error, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LedgerProblem.cannotWrite(path, error.systemReason)
        }
    }

    /// Replaces this database's content with a backup's, after proving the
    /// backup is a sound Darmarka database (older ones are upgraded first).
    /// What was here is kept beside it as `PATH.before-restore-…` first.
    /// Returns that file's path.
    @discardableResult
    public func restore(from source: String, now: Date = Date()) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else { throw LedgerProblem.noBackup(source) }
        guard !isFolder.boolValue else { throw LedgerProblem.backupIsFolder(source) }
        let staging = path + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            let candidate = try DatabaseQueue(path: source, configuration: Store.configuration(readonly: true))
            let appID = try candidate.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
            guard appID == Migrations.applicationID else { throw LedgerProblem.notABackup(source) }
            let copy = try DatabaseQueue(path: staging)
            try candidate.backup(to: copy)
            try copy.close()
            try candidate.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LedgerProblem.notABackup(source)
        } catch let error as DatabaseError {
            throw Store.problem(error, path: source)
        }
        let checked = try Store.open(path: staging, backupBeforeMigrating: false)
        let findings = try checked.read { try $0.verify() }
        if let first = findings.first { throw LedgerProblem.backupFailsCheck(source, first.phrase) }
        let stamp = Timestamp.utc(now).replacingOccurrences(of: ":", with: "-")
        let keep = path + ".before-restore-" + stamp
        try backup(to: keep)
        do {
            try checked.queue.backup(to: queue)
        } catch let error as DatabaseError {
            throw Store.problem(error, path: path)
        }
        return keep
    }
}

extension LedgerTransaction {
    /// Forgets a person (152-ФЗ): the code, contact and consent date go; the
    /// group and household size stay, so every past report keeps its figures.
    ///
    /// The code becomes `FORGOTTEN-<id>`, or `FORGOTTEN-<id>-2` and so on when
    /// that is taken: a recipients file exported from another database
    /// brings in the placeholders of people forgotten there, and a request
    /// to forget someone must never fail for it.
    public func forget(recipient: Recipient) throws -> String {
        var placeholder = "FORGOTTEN-\(recipient.id)"
        var n = 1
        // Another's key counts too: `FORGOTTEN-7-2` and `FORGOTTEN-72` are one key.
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM recipient WHERE (code = ?1 OR code_key = ?2) AND id <> ?3",
                                arguments: [placeholder, RecipientCodes.key(placeholder), recipient.id]) == true {
            n += 1
            placeholder = "FORGOTTEN-\(recipient.id)-\(n)"
        }
        try db.execute(sql: """
            UPDATE recipient SET code = ?, code_key = ?, contact = NULL, consent_on = NULL, forgotten_at = ? WHERE id = ?
            """, arguments: [placeholder, RecipientCodes.key(placeholder), recordedAt, recipient.id])
        return placeholder
    }
}
