/// The RFC 4180 state machine: splits bytes into records of fields, one piece
/// of input at a time, so that a record may span any number of pieces.
///
/// The fields of the current record are kept unescaped, one after another, in
/// `fieldBytes`; `fieldEnds` says where each ends. Both are reused from record
/// to record, so reading allocates nothing once they have grown to the largest
/// record.
struct CSVScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    let delimiter: UInt8
    let maxFieldBytes: Int
    let maxFields: Int

    private(set) var fieldBytes: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    /// The physical line (from 1) the current record starts on; 0 before any byte of it.
    private(set) var recordLine = 0
    /// The physical line of the next byte.
    private(set) var line = 1
    private var state = State.fieldStart
    /// Whether the last byte was a CR, so that the LF of a CRLF is not a second line break.
    private var afterCR = false
    private var fieldStart = 0

    init(delimiter: UInt8, maxFieldBytes: Int, maxFields: Int) {
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
    }

    /// Whether a record has begun and not yet ended.
    var inRecord: Bool { recordLine != 0 }
    /// Whether the input stopped inside quotes.
    var inQuotes: Bool { state == .quoted }

    /// Forgets the last record before scanning the next one.
    mutating func startRecord() {
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordLine = 0
        fieldStart = 0
        state = .fieldStart
    }

    /// Scans `buf` from `start` until a record ends or the bytes do. Returns
    /// where to go on from and whether a record is complete. Empty lines
    /// between records are skipped.
    mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) throws(ImportError) -> (next: Int, complete: Bool) {
        var i = start
        let end = buf.count
        let delimiter = self.delimiter
        while i < end {
            switch state {
            case .fieldStart:
                let b = buf[i]
                if recordLine == 0 {
                    if b == Self.lf {
                        if !afterCR { line += 1 }
                        afterCR = false
                        i += 1
                        continue
                    }
                    if b == Self.cr { line += 1; afterCR = true; i += 1; continue }
                    recordLine = line
                }
                afterCR = false
                if b == Self.quote { state = .quoted; i += 1 } else { state = .unquoted }

            case .unquoted:
                var j = i
                while j < end {
                    let b = buf[j]
                    if b == delimiter || b == Self.lf || b == Self.cr { break }
                    j += 1
                }
                try append(buf, i, j)
                if j == end { return (end, false) }
                let b = buf[j]
                i = j + 1
                try endField()
                if b == delimiter {
                    state = .fieldStart
                } else {
                    endLine(b)
                    return (i, true)
                }

            case .quoted:
                var j = i
                while j < end {
                    let b = buf[j]
                    if b == Self.quote { break }
                    // Line breaks inside quotes are part of the field but still
                    // move the physical line on, for later messages.
                    if b == Self.lf {
                        if !afterCR { line += 1 }
                        afterCR = false
                    } else if b == Self.cr {
                        line += 1; afterCR = true
                    } else {
                        afterCR = false
                    }
                    j += 1
                }
                try append(buf, i, j)
                if j == end { return (end, false) }
                afterCR = false
                state = .quoteInQuoted
                i = j + 1

            case .quoteInQuoted:
                // The quote just seen either doubles a quote or closes the field.
                let b = buf[i]
                if b == Self.quote {
                    try append(Self.quote)
                    state = .quoted
                    i += 1
                } else if b == delimiter {
                    try endField()
                    state = .fieldStart
                    i += 1
                } else if b == Self.lf || b == Self.cr {
                    try endField()
                    endLine(b)
                    return (i + 1, true)
                } else {
                    // Text after a closing quote (`"a"b`) is kept, as
                    // spreadsheets do, instead of failing the whole file.
                    state = .unquoted
                }
            }
        }
        return (end, false)
    }

    /// Ends the record at the end of the input.
    mutating func finish() throws(ImportError) {
        guard inRecord else { return }
        if state == .quoted { throw ImportError(line: recordLine, .unterminatedQuote) }
        try endField()
    }

    private mutating func endLine(_ b: UInt8) {
        line += 1
        afterCR = b == Self.cr
        state = .fieldStart
    }

    private mutating func endField() throws(ImportError) {
        guard fieldEnds.count < maxFields else { throw ImportError(line: recordLine, .tooManyFields(limit: maxFields)) }
        fieldEnds.append(fieldBytes.count)
        fieldStart = fieldBytes.count
    }

    private mutating func append(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws(ImportError) {
        guard to > from else { return }
        guard fieldBytes.count - fieldStart + (to - from) <= maxFieldBytes else {
            throw ImportError(line: recordLine, .fieldTooLong(limit: maxFieldBytes))
        }
        fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from ..< to]))
    }

    private mutating func append(_ byte: UInt8) throws(ImportError) {
        guard fieldBytes.count - fieldStart < maxFieldBytes else {
            throw ImportError(line: recordLine, .fieldTooLong(limit: maxFieldBytes))
        }
        fieldBytes.append(byte)
    }
}
