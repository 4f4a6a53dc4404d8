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
        switch Descriptor.writeAll(STDOUT_FILENO, bytes) {
        case 0: return
        case EPIPE: throw Closed()
        case let code: throw LedgerProblem.cannotWriteOutput(String(cString: strerror(code)))
        }
    }
}

/// Standard error: messages and progress. A failure to write there has
/// nowhere to be told, and must not stop the work.
public enum StandardError {
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Descriptor.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}

/// `write(2)` until every byte is written, for files, standard output and
/// standard error alike.
enum Descriptor {
    /// 0 when all of `bytes` went out, else the `errno` that stopped it.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(descriptor, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            left -= n
            next += n
        }
        return 0
    }
}
