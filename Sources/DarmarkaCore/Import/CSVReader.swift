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

    /// Reads the beginning of the source to detect what `options` leave open.
    public init(source: any ByteSource, options: CSVOptions = CSVOptions()) throws {
        self.source = source
        chunkSize = options.chunkSize
        chunk = []
        chunk.reserveCapacity(max(options.chunkSize, options.sniffSize))
        // The sample stays in `chunk` and is parsed like any other bytes.
        let sampleSize = options.encoding != nil && options.delimiter != nil ? 3 : options.sniffSize
        while chunk.count < sampleSize {
            let n = try self.source.read(into: &chunk, max: chunkSize)
            if n == 0 { atEnd = true; break }
            bytesRead += n
        }
        // Only the sample decides, even when the first read brought more: a
        // late line in another encoding is then an error of that line rather
        // than a reason to read the whole file in the wrong encoding.
        let sniffSize = options.sniffSize
        format = chunk.withUnsafeBufferPointer { CSVSniffer.detect(UnsafeBufferPointer(rebasing: $0.prefix(sniffSize)), options: options) }
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

    /// Calls `body` with a view of the current record. Reading several fields
    /// through one view is faster than one call per field; the view must not
    /// be kept after `body` returns.
    public func withCurrentRecord<R>(_ body: (CSVRecordView) throws -> R) rethrows -> R {
        let line = scanner.recordLine, encoding = format.encoding
        return try scanner.fieldBytes.withUnsafeBufferPointer { bytes in
            try scanner.fieldEnds.withUnsafeBufferPointer { ends in
                try body(CSVRecordView(line: line, encoding: encoding, bytes: bytes, ends: ends))
            }
        }
    }

    /// The text of field `index`, trimmed unless asked otherwise; nil when its
    /// bytes are not valid in the file's encoding.
    public func text(ofField index: Int, trimmed: Bool = true) -> String? {
        withCurrentRecord { $0.text(ofField: index, trimmed: trimmed) }
    }

    /// All fields of the current record, as `text(ofField:)` gives them.
    public func texts(trimmed: Bool = true) -> [String?] {
        withCurrentRecord { record in (0 ..< record.count).map { record.text(ofField: $0, trimmed: trimmed) } }
    }

    /// Whether every field of the current record is blank, as in the rows of
    /// semicolons Excel writes for rows that were cleared.
    public var recordIsBlank: Bool {
        withCurrentRecord(\.isBlank)
    }

    /// Reads whatever is left of the source without parsing it, so that a
    /// source that sums up its bytes (the importer's file, for its SHA-256)
    /// has seen every one. Records not yet read are skipped.
    public func readToEnd() throws {
        position = chunk.count
        while try refill() { position = chunk.count }
    }

    private func refill() throws -> Bool {
        guard !atEnd else { return false }
        chunk.removeAll(keepingCapacity: true)
        position = 0
        let n = try source.read(into: &chunk, max: chunkSize)
        if n == 0 { atEnd = true; return false }
        bytesRead += n
        return true
    }
}

/// The fields of one record, as bytes, until the reader moves on.
public struct CSVRecordView {
    /// The physical line the record starts on.
    public let line: Int
    public let encoding: CSVEncoding
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>

    init(line: Int, encoding: CSVEncoding, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.line = line
        self.encoding = encoding
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    /// The unescaped bytes of field `index`, without surrounding spaces, tabs
    /// and no-break spaces when `trimmed`; an absent field is empty.
    public func bytes(ofField index: Int, trimmed: Bool = true) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < ends.count else { return UnsafeBufferPointer(rebasing: bytes[0 ..< 0]) }
        var lower = index == 0 ? 0 : ends[index - 1]
        var upper = ends[index]
        if trimmed {
            // A no-break space is 0xA0 in Windows-1251 and C2 A0 in UTF-8;
            // spreadsheets leave them around numbers and names.
            let utf8 = encoding == .utf8
            while lower < upper {
                let b = bytes[lower]
                if b == 0x20 || b == 0x09 { lower += 1 }
                else if !utf8 && b == 0xA0 { lower += 1 }
                else if utf8 && b == 0xC2 && lower + 1 < upper && bytes[lower + 1] == 0xA0 { lower += 2 }
                else { break }
            }
            while upper > lower {
                let b = bytes[upper - 1]
                if b == 0x20 || b == 0x09 { upper -= 1 }
                else if b == 0xA0 && !utf8 { upper -= 1 }
                else if b == 0xA0 && utf8 && upper - 2 >= lower && bytes[upper - 2] == 0xC2 { upper -= 2 }
                else { break }
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[lower ..< upper])
    }

    /// The text of field `index` (trimmed unless asked otherwise), or nil when
    /// its bytes are not valid in the file's encoding.
    public func text(ofField index: Int, trimmed: Bool = true) -> String? {
        encoding.decode(bytes(ofField: index, trimmed: trimmed))
    }

    /// Whether field `index` is absent or blank.
    public func isBlank(field index: Int) -> Bool {
        bytes(ofField: index).isEmpty
    }

    /// Whether every field is blank.
    public var isBlank: Bool {
        (0 ..< count).allSatisfy(isBlank(field:))
    }
}
