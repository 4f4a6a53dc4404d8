/// Reads CSV records one at a time from a byte source, in memory bounded by
/// the chunk size and the largest record, whatever the length of the file.
///
/// Fields stay bytes until asked for: `text(ofField:)` decodes only the
/// fields that are used. A record's fields are valid until the next call of
/// `nextRecord()`. It is a class because it owns a position in a stream:
/// copies of it could not both go on reading.
public final class CSVReader {
    /// The encoding and delimiter in use, detected or forced.
    public let format: CSVFormat
    /// How many bytes have been read from the source so far, for progress.
    public private(set) var bytesRead = 0

    private var source: any ByteSource
    private var chunk: [UInt8]
    private var position: Int
    private var atEnd = false
    private let chunkSize: Int
    private var scanner: CSVScanner
    private var hasher: SHA256?

    /// Reads the beginning of the source to detect what `options` leave open.
    public init(source: any ByteSource, options: CSVOptions = CSVOptions()) throws {
        self.source = source
        chunkSize = options.chunkSize
        hasher = options.computesDigest ? SHA256() : nil
        chunk = []
        chunk.reserveCapacity(max(options.chunkSize, options.sniffSize))
        // The sample stays in `chunk` and is parsed like any other bytes.
        let sampleSize = options.encoding != nil && options.delimiter != nil ? 3 : options.sniffSize
        while chunk.count < sampleSize {
            let n = try self.source.read(into: &chunk, max: chunkSize)
            if n == 0 { atEnd = true; break }
            hasher?.update(chunk[(chunk.count - n)...])
            bytesRead += n
        }
        format = chunk.withUnsafeBufferPointer { CSVSniffer.detect($0, options: options) }
        position = format.hasByteOrderMark && format.encoding == .utf8 ? 3 : 0
        scanner = CSVScanner(delimiter: format.delimiter.rawValue,
                             maxFieldBytes: options.maxFieldBytes, maxFields: options.maxFields)
    }

    /// Moves to the next record; false at the end of the input. Empty lines
    /// are skipped. Throws `ImportError` for an unterminated quote, a field
    /// that is too long, or a failed read.
    public func nextRecord() throws -> Bool {
        scanner.startRecord()
        while true {
            if position == chunk.count {
                guard try refill() else {
                    try scanner.finish()
                    return scanner.inRecord
                }
            }
            // At most a chunk at a time, so that the sample read for detection
            // is split into pieces like everything after it.
            let windowEnd = min(chunk.count, position + chunkSize)
            let from = position
            let step = try chunk.withUnsafeBufferPointer { buf in
                try scanner.scan(UnsafeBufferPointer(rebasing: buf[..<windowEnd]), from: from)
            }
            position = step.next
            if step.complete { return true }
        }
    }

    /// The physical line (from 1) the current record starts on.
    public var recordLine: Int { scanner.recordLine }

    /// How many fields the current record has.
    public var fieldCount: Int { scanner.fieldEnds.count }

    /// Calls `body` with the unescaped bytes of field `index` of the current
    /// record, with surrounding spaces and tabs left out when `trimmed`; an
    /// absent field is empty.
    public func withBytes<R>(ofField index: Int, trimmed: Bool = true,
                             _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let ends = scanner.fieldEnds
        guard index >= 0, index < ends.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        var lower = index == 0 ? 0 : ends[index - 1]
        var upper = ends[index]
        return try scanner.fieldBytes.withUnsafeBufferPointer { all in
            if trimmed {
                while lower < upper, isSpaceOrTab(all[lower]) { lower += 1 }
                while upper > lower, isSpaceOrTab(all[upper - 1]) { upper -= 1 }
            }
            return try body(UnsafeBufferPointer(rebasing: all[lower ..< upper]))
        }
    }

    /// Whether field `index` is absent or holds only spaces and tabs.
    public func isBlank(field index: Int) -> Bool {
        withBytes(ofField: index) { $0.isEmpty }
    }

    /// Whether every field of the current record is blank, as in the rows of
    /// semicolons Excel writes for rows that were cleared.
    public var recordIsBlank: Bool {
        scanner.fieldBytes.allSatisfy(isSpaceOrTab)
    }

    /// The text of field `index`, trimmed unless asked otherwise; nil when its
    /// bytes are not valid in the file's encoding.
    public func text(ofField index: Int, trimmed: Bool = true) -> String? {
        let encoding = format.encoding
        guard let text = withBytes(ofField: index, trimmed: trimmed, { encoding.decode($0) }) else { return nil }
        guard trimmed, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !first.isASCII || !last.isASCII else { return text }
        // Rare: a no-break space or the like around the value.
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(Substring(scalars[start ... end]))
    }

    /// All fields of the current record, as `text(ofField:)` gives them.
    public func texts(trimmed: Bool = true) -> [String?] {
        (0 ..< fieldCount).map { text(ofField: $0, trimmed: trimmed) }
    }

    /// Reads whatever is left of the source and returns the SHA-256 of all
    /// its bytes, or nil if `computesDigest` was off. Call it after the last
    /// record: records not yet read are skipped.
    public func contentDigest() throws -> SHA256Digest? {
        while try refill() { position = chunk.count }
        return hasher?.finalize()
    }

    private func refill() throws -> Bool {
        guard !atEnd else { return false }
        chunk.removeAll(keepingCapacity: true)
        position = 0
        let n = try source.read(into: &chunk, max: chunkSize)
        if n == 0 { atEnd = true; return false }
        hasher?.update(chunk[...])
        bytesRead += n
        return true
    }
}

@inline(__always)
func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
