import DarmarkaCore
import Foundation

/// Files the program writes for people: reports, labels, exports, backups.
///
/// Every one is written under a temporary name beside the file asked for and
/// then renamed into place, so a failed write never leaves half a file under
/// the name the user gave, and `--force` replaces a file in one step.
public enum OutputFile {
    /// Writes `bytes` to `path`; see `check` for what is refused.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws {
        try check(path, force: force)
        let temporary = temporaryPath(for: path)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LedgerProblem.cannotWrite(path, error.systemReason)
        }
        try moveIntoPlace(temporary, path)
    }

    /// Refuses early, before any work: a folder that is not there; a folder
    /// in the file's place always, since a file cannot take it without
    /// deleting what is in it, `--force` or not; an existing file unless
    /// `force`.
    public static func check(_ path: String, force: Bool) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var parentIsFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsFolder), parentIsFolder.boolValue else {
            throw LedgerProblem.noSuchFolder(parent)
        }
        if try exists(path), !force { throw LedgerProblem.outputExists(path) }
    }

    /// Whether a file is at `path`, which output may replace only when told;
    /// a folder there is refused outright, since a file cannot take its
    /// place without deleting what is in it.
    public static func exists(_ path: String) throws -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return false }
        if isFolder.boolValue { throw LedgerProblem.outputIsFolder(path) }
        return true
    }

    /// Where a file for `path` is written before it is moved into place:
    /// beside it, so that the move is a rename within one file system.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    }

    /// Puts the finished `temporary` file in place of `path` with rename(2),
    /// which replaces an old file in one step and never a folder.
    /// FileManager.replaceItemAt on Linux deleted the old file and then
    /// failed, so `--force` lost the file it was to replace. On failure the
    /// temporary file is removed.
    public static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        guard rename(temporary, path) != 0 else { return }
        let code = errno
        try? FileManager.default.removeItem(atPath: temporary)
        if code == EISDIR || code == ENOTEMPTY || code == EEXIST { throw LedgerProblem.outputIsFolder(path) }
        throw LedgerProblem.cannotWrite(path, String(cString: strerror(code)))
    }
}
