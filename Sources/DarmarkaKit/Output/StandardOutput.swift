import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output, written with `write(2)` so that every failure is seen.
///
/// `print` and `FileHandle.standardOutput` lose a write error (a full disk
/// behind `> file`, `/dev/full`) or crash on it inside Foundation; a report
/// that was not written must not exit 0.
public enum StandardOutput {
    /// The reader went away (`darmarka history | head`): not an error; the
    /// command ends quietly, as Unix tools do.
    public struct Closed: Error {}

    /// Writes all of `text` to standard output.
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes` to standard output.
    public static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(STDOUT_FILENO, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw Closed() }
                throw LedgerProblem.cannotWriteOutput(String(cString: strerror(errno)))
            }
            left -= n
            next += n
        }
    }
}
