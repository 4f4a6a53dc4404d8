#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import DarmarkaCore

/// A file read with plain `read(2)` in the chunks the importer asks for, so a
/// journal of any size goes through a buffer of fixed size; it keeps the
/// SHA-256 of every byte it hands out, by which an import knows a file it
/// has seen before.
///
/// A class, because it owns a file descriptor and closes it once.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let closesWhenDone: Bool
    private var sha = SHA256()

    /// The SHA-256 of the bytes read so far, as 64 lower-case hex digits:
    /// of the whole file once a reader has read it to the end.
    public var sha256: String {
        sha.finalize().reduce(into: "") { text, byte in
            text += String(repeating: "0", count: byte < 16 ? 1 : 0) + String(byte, radix: 16)
        }
    }

    /// Opens `path` for reading. Throws `ImportError` with the system's
    /// reason when it cannot.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ImportError(line: nil, .readFailed(Self.reason(errno))) }
        descriptor = fd
        closesWhenDone = true
    }

    /// Reads an already open descriptor, such as standard input (0), which it
    /// leaves open.
    public init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        closesWhenDone = false
    }

    deinit {
        if closesWhenDone { close(descriptor) }
    }

    public func read(into buffer: inout [UInt8], max: Int) throws -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: max))
        while true {
            let n = buffer.withUnsafeMutableBytes { bytes in
                // The bytes were appended just above, so the base address exists.
                systemRead(descriptor, bytes.baseAddress.map { $0 + start }, max)
            }
            if n >= 0 {
                buffer.removeLast(max - n)
                buffer.withUnsafeBytes { sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[start ..< start + n])) }
                return n
            }
            if errno == EINTR { continue }
            let reason = Self.reason(errno)
            buffer.removeLast(max)
            throw ImportError(line: nil, .readFailed(reason))
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
