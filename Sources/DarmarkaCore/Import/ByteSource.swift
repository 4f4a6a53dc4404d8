/// Where the importer's bytes come from: a file, a pipe, or memory in tests.
///
/// A source hands out bytes in pieces so that a journal of any length is read
/// in bounded memory.
public protocol ByteSource {
    /// Appends at most `max` bytes to the end of `buffer` and returns how many
    /// it appended. Returns 0 only at the end of the data.
    mutating func read(into buffer: inout [UInt8], max: Int) throws -> Int
}

/// Bytes already in memory, handed out in pieces of at most `pieceSize`
/// bytes, so that tests can make every boundary case happen.
public struct MemoryByteSource: ByteSource, Sendable {
    private let bytes: [UInt8]
    private var offset = 0
    private let pieceSize: Int

    public init(_ bytes: [UInt8], pieceSize: Int = .max) {
        self.bytes = bytes
        self.pieceSize = Swift.max(1, pieceSize)
    }

    public init(_ text: String, pieceSize: Int = .max) {
        self.init(Array(text.utf8), pieceSize: pieceSize)
    }

    public mutating func read(into buffer: inout [UInt8], max: Int) throws -> Int {
        let n = Swift.min(max, pieceSize, bytes.count - offset)
        guard n > 0 else { return 0 }
        buffer.append(contentsOf: bytes[offset ..< offset + n])
        offset += n
        return n
    }
}
