import DarmarkaCore
import Foundation

/// Text written piece by piece, in bounded memory: to standard output, or
/// to a file the user named. A file is written under a temporary name beside
/// it, put on the disk and moved into place by `finish`, so a failed or
/// interrupted export never leaves half a file under the name given; it is
/// readable by its owner only, since exports hold recipients' codes.
public final class TextOutput {
    private let path: String?
    private let file: DurableFile?
    private var buffer: [UInt8] = []
    private var finished = false
    /// How many bytes are gathered before a write.
    private let flushSize = 1 << 20

    /// `path` nil means standard output. Refuses an existing file unless `force`.
    public init(path: String?, force: Bool) throws {
        self.path = path
        guard let path else {
            file = nil
            return
        }
        try OutputFile.check(path, force: force)
        let temporary = OutputFile.temporaryPath(for: path)
        unlink(temporary)
        file = try DurableFile(creating: temporary, shownAs: path, mode: OutputFile.Audience.ownerOnly.mode)
        buffer.reserveCapacity(flushSize)
    }

    deinit {
        if !finished { file?.abandon() }
    }

    /// Adds `text`, writing once a megabyte has gathered.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if let file { try file.write(buffer) } else { try StandardOutput.write(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, moves it into place.
    public func finish() throws {
        try flush()
        finished = true
        guard let path, let file else { return }
        do {
            try file.finish()
        } catch {
            file.abandon()
            throw error
        }
        try OutputFile.moveIntoPlace(file.path, path)
    }
}
