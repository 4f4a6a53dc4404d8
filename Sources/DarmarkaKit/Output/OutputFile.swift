import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files the program writes for people: reports, labels, exports, backups.
///
/// Every one is written under a temporary name beside the file asked for,
/// put on the disk (`fsync`), and then renamed into place, so a failed write
/// never leaves half a file under the name the user gave, and `--force`
/// replaces a file in one step.
///
/// Only a regular file is ever replaced. A rename puts a new regular file
/// where the old entry was, so "replacing" a device, a FIFO or a symbolic
/// link would silently turn it into a file: a root user's `--force` onto
/// `/dev/sda`'s name or a link to a shared folder must be refused instead.
public enum OutputFile {
    /// Who may read what is written. Reports and labels are for printing
    /// and passing on, so they follow the user's umask; exports and backups
    /// hold recipients' codes (152-ФЗ) and are readable by their owner only.
    public enum Audience: Sendable {
        case people
        case ownerOnly

        var mode: mode_t { self == .people ? 0o666 : 0o600 }
    }

    /// Writes `bytes` to `path`; see `check` for what is refused.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool, audience: Audience = .people) throws {
        try check(path, force: force)
        let temporary = temporaryPath(for: path)
        unlink(temporary)
        try DurableFile.create(temporary, with: bytes, shownAs: path, mode: audience.mode)
        try moveIntoPlace(temporary, path)
    }

    /// Refuses early, before any work: a folder that is not there; anything
    /// but a regular file in the file's place (see `exists`); an existing
    /// file unless `force`.
    public static func check(_ path: String, force: Bool) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var parentIsFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsFolder), parentIsFolder.boolValue else {
            throw LedgerProblem.noSuchFolder(parent)
        }
        if try exists(path), !force { throw LedgerProblem.outputExists(path) }
    }

    /// Whether a regular file is at `path`, which output may replace only
    /// when told. Anything else there is refused outright, `--force` or not:
    /// a folder (a file cannot take its place without deleting what is in
    /// it), a symbolic link (named with what it points at, since writing
    /// through it silently would write somewhere the user did not say, and
    /// replacing it would break it), a device, a FIFO or a socket.
    public static func exists(_ path: String) throws -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw LedgerProblem.cannotWrite(path, String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFDIR: throw LedgerProblem.outputIsFolder(path)
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw LedgerProblem.outputIsLink(path, target: target)
        case S_IFCHR, S_IFBLK: throw LedgerProblem.outputIsSpecial(path, .device)
        case S_IFIFO: throw LedgerProblem.outputIsSpecial(path, .fifo)
        default: throw LedgerProblem.outputIsSpecial(path, .socket)
        }
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
        // What is at `path` may have changed since `check`: never rename over
        // anything but a regular file.
        do {
            _ = try exists(path)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) != 0 else {
            DurableFile.syncFolder(of: path)
            return
        }
        let code = errno
        unlink(temporary)
        if code == EISDIR || code == ENOTEMPTY || code == EEXIST { throw LedgerProblem.outputIsFolder(path) }
        throw LedgerProblem.cannotWrite(path, String(cString: strerror(code)))
    }
}
