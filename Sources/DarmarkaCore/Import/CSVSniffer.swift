/// Guesses a file's encoding and delimiter from its first bytes.
enum CSVSniffer {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The format of a file beginning with `sample`; what `options` force is
    /// taken as given.
    static func detect(_ sample: UnsafeBufferPointer<UInt8>, options: CSVOptions) -> CSVFormat {
        let hasBOM = sample.starts(with: byteOrderMark)
        let encoding = options.encoding ?? detectEncoding(sample, hasBOM: hasBOM)
        let body = UnsafeBufferPointer(rebasing: sample[(hasBOM && encoding == .utf8 ? 3 : 0)...])
        let delimiter = options.delimiter ?? detectDelimiter(body, encoding: encoding)
        return CSVFormat(encoding: encoding, delimiter: delimiter, hasByteOrderMark: hasBOM)
    }

    /// UTF-8 when there is a byte order mark or when the bytes are valid UTF-8;
    /// otherwise Windows-1251. Russian text in Windows-1251 is practically never
    /// valid UTF-8, so the guess is safe in both directions.
    static func detectEncoding(_ sample: UnsafeBufferPointer<UInt8>, hasBOM: Bool) -> CSVEncoding {
        if hasBOM { return .utf8 }
        return isValidUTF8Prefix(sample) ? .utf8 : .cp1251
    }

    /// The candidate that occurs most often in the header line outside quotes;
    /// a tie goes to the one that gives the following lines the same number of
    /// separators, then to the usual one for the encoding (Excel in Russian
    /// writes `;`, everything else `,`).
    static func detectDelimiter(_ body: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding) -> CSVDelimiter {
        let lines = countPerLine(body, maxLines: 21)
        guard let header = lines.first else { return encoding == .cp1251 ? .semicolon : .comma }
        let preferred: [CSVDelimiter] = encoding == .cp1251 ? [.semicolon, .comma, .tab] : [.comma, .semicolon, .tab]
        var best: (delimiter: CSVDelimiter, score: (Int, Int, Int))?
        for (rank, d) in preferred.enumerated() {
            let inHeader = header[d] ?? 0
            guard inHeader > 0 else { continue }
            let consistent = lines.dropFirst().filter { ($0[d] ?? 0) == inHeader }.count
            let score = (inHeader, consistent, -rank)
            if best == nil || score > (best?.score ?? (0, 0, 0)) { best = (d, score) }
        }
        return best?.delimiter ?? preferred[0]
    }

    /// How often each candidate occurs outside quotes in each non-empty line.
    private static func countPerLine(_ bytes: UnsafeBufferPointer<UInt8>, maxLines: Int) -> [[CSVDelimiter: Int]] {
        var lines: [[CSVDelimiter: Int]] = []
        var counts: [CSVDelimiter: Int] = [:]
        var quoted = false
        var nonEmpty = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); nonEmpty = true; continue }
            if quoted { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if nonEmpty { lines.append(counts) }
                if lines.count == maxLines { return lines }
                counts = [:]; nonEmpty = false
                continue
            }
            nonEmpty = true
            if let d = CSVDelimiter(rawValue: b) { counts[d, default: 0] += 1 }
        }
        // The last line may be cut off by the end of the sample; only a line
        // that is also the first one counts then.
        if nonEmpty && lines.isEmpty { lines.append(counts) }
        return lines
    }
}
