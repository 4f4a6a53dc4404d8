import DarmarkaCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Copies the database with SQLite's online backup API: a consistent
    /// copy even while volunteers keep writing. The copy is owner-only and
    /// one self-contained file (rollback journal, not WAL), so that it opens
    /// and restores from a read-only USB stick or share, where a WAL file
    /// would need a `-shm` file beside it.
    func backup(to path: String, force: Bool = false) throws {
        try OutputFile.check(path, force: force)
        let temporary = OutputFile.temporaryPath(for: path)
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw LedgerProblem.cannotWrite(path, "permission denied")
            }
            let destination = try DatabaseQueue(path: temporary, configuration: SQLiteStore.configuration())
            try queue.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
            try OutputFile.moveIntoPlace(temporary, path)
        } catch let problem as LedgerProblem {
            try? FileManager.default.removeItem(atPath: temporary)
            throw problem
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SQLiteStore.problem(error, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LedgerProblem.cannotWrite(path, error.systemReason)
        }
    }

    /// Puts a backup in place of the database at `path`, after proving the
    /// backup is a sound Darmarka database (older ones are upgraded first).
    ///
    /// This is the way out when the database is damaged, so it must not
    /// need to open it: a database that opens is replaced through the
    /// backup API (other programs that have it open see the new content)
    /// after its content is copied to `PATH.before-restore-…`; a damaged one
    /// is renamed to that name with its `-wal` and `-shm`, and the checked
    /// copy is renamed into its place. The backup itself is only read, and
    /// nothing is created beside it (it may be on a read-only stick).
    static func restore(into path: String, from source: String, now: Date = Date()) throws -> Store.Restored {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else { throw LedgerProblem.noBackup(source) }
        guard !isFolder.boolValue else { throw LedgerProblem.backupIsFolder(source) }
        let staging = path + ".restoring"
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: staging + suffix) }
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: staging + suffix) } }
        do {
            // A plain copy of the file (and of a WAL beside it, from a backup
            // made before 0.7): opening the backup itself, even read-only,
            // would make SQLite create a -shm beside a WAL file.
            try fm.copyItem(atPath: source, toPath: staging)
            if fm.fileExists(atPath: source + "-wal") { try fm.copyItem(atPath: source + "-wal", toPath: staging + "-wal") }
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: staging)
        } catch {
            throw LedgerProblem.cannotWrite(staging, error.systemReason)
        }
        let checked: SQLiteStore
        do {
            checked = try SQLiteStore.open(path: staging, backupBeforeMigrating: false)
        } catch LedgerProblem.notDarmarkaDatabase, LedgerProblem.damaged {
            throw LedgerProblem.notABackup(source)
        }
        let findings = try checked.read { try $0.verify() }
        if let first = findings.first { throw LedgerProblem.backupFailsCheck(source, first.phrase) }
        let stamp = Timestamp.utc(now).replacingOccurrences(of: ":", with: "-")
        let keep = path + ".before-restore-" + stamp

        guard fm.fileExists(atPath: path) else {
            try checked.becomeWorkingDatabase(at: path)
            return .created
        }
        let current: SQLiteStore
        do {
            current = try SQLiteStore.open(path: path, backupBeforeMigrating: false)
            // SQLite reads a damaged file lazily: only a full read proves it sound.
            let sound = try current.read { try String.fetchOne($0.db, sql: "PRAGMA quick_check") == "ok" }
            guard sound else { throw LedgerProblem.damaged(path) }
        } catch LedgerProblem.damaged, LedgerProblem.notDarmarkaDatabase {
            for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, keep + suffix) == 0 else { throw LedgerProblem.cannotWrite(keep + suffix, String(cString: strerror(errno))) }
            }
            guard rename(path, keep) == 0 else { throw LedgerProblem.cannotWrite(keep, String(cString: strerror(errno))) }
            try checked.becomeWorkingDatabase(at: path)
            return .replacedDamaged(kept: keep)
        }
        try current.backup(to: keep)
        do {
            try checked.queue.backup(to: current.queue)
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
        return .replaced(kept: keep)
    }

    /// Makes this checked copy the working database at `path` (where
    /// nothing is now): in WAL mode again, so volunteers can read while one
    /// writes, and renamed into place in one step.
    private func becomeWorkingDatabase(at path: String) throws {
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
        guard rename(self.path, path) == 0 else { throw LedgerProblem.cannotWrite(path, String(cString: strerror(errno))) }
        DurableFile.syncFolder(of: path)
        let working = try SQLiteStore.open(path: path, backupBeforeMigrating: false)
        do {
            try working.queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try working.queue.close()
        } catch let error as DatabaseError {
            throw SQLiteStore.problem(error, path: path)
        }
    }
}

extension SQLiteLedger {
    func forget(recipient: Recipient) throws -> String {
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
