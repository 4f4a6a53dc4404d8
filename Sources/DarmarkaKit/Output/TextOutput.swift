import DarmarkaCore
import Foundation

/// Text written piece by piece, in bounded memory: to standard output, or
/// to a file the user named. A file is written under a temporary name beside
/// it and moved into place by `finish`, so a failed or interrupted export
/// never leaves half a file under the name given; it is readable by its
/// owner only, since exports hold recipients' codes.
public final class TextOutput {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false
    /// How many bytes are gathered before a write.
    private let flushSize = 1 << 20

    /// `path` nil means standard output. Refuses an existing file unless `force`.
    public init(path: String?, force: Bool) throws {
        self.path = path
        guard let path else {
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        try OutputFile.check(path, force: force)
        let temporary = OutputFile.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw LedgerProblem.cannotWrite(path, "cannot create \(temporary)")
        }
        self.temporary = temporary
        self.handle = handle
        buffer.reserveCapacity(flushSize)
    }

    deinit {
        if !finished, let temporary {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// Adds `text`, writing once a megabyte has gathered.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw LedgerProblem.cannotWrite(path ?? "stdout", error.systemReason)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, moves it into place.
    public func finish() throws {
        try flush()
        finished = true
        guard let path, let temporary else { return }
        do {
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LedgerProblem.cannotWrite(path, error.systemReason)
        }
        try OutputFile.moveIntoPlace(temporary, path)
    }
}
