import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new file written with `write(2)` and `fsync(2)`, so that a write that
/// returns has put its bytes on the disk, and a full disk is an error at the
/// moment it happens rather than a short file found later.
///
/// Foundation's `Data.write` and stdio buffer what they write and may report
/// a failed flush nowhere (cairo's own file stream did exactly that: a PDF
/// of 0 bytes on a full disk, reported as done). Every file Darmarka makes
/// for people goes through this type before it is renamed into place.
final class DurableFile {
    /// The file being written, and the name the user knows it by (for messages).
    let path: String
    private let shownAs: String
    private var descriptor: Int32

    /// Creates `path`, which must not exist yet. `mode` is filtered by the
    /// user's umask as usual.
    init(creating path: String, shownAs: String, mode: mode_t) throws {
        self.path = path
        self.shownAs = shownAs
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw LedgerProblem.cannotWrite(shownAs, String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes all of `bytes`, however many calls the kernel needs.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = Descriptor.writeAll(descriptor, bytes)
        if code != 0 { throw failure(code) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Puts everything on the disk and closes the file.
    func finish() throws {
        let synced = fsync(descriptor) == 0 ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        descriptor = -1
        if synced != 0 { throw failure(synced) }
        if closed != 0 { throw failure(closed) }
    }

    /// Removes the file after a failure; the error already says why.
    func abandon() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(path)
    }

    private func failure(_ code: Int32) -> LedgerProblem {
        LedgerProblem.cannotWrite(shownAs, String(cString: strerror(code)))
    }

    /// Writes `bytes` as the new file `path` in one go, removing it again on
    /// any failure.
    static func create(_ path: String, with bytes: [UInt8], shownAs: String, mode: mode_t) throws {
        let file = try DurableFile(creating: path, shownAs: shownAs, mode: mode)
        do {
            try file.write(bytes)
            try file.finish()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Makes a rename in `folder` survive a power cut: the folder's own
    /// entry list is flushed too. A folder that cannot be opened for it (some
    /// network file systems) is no reason to fail a write that succeeded.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
