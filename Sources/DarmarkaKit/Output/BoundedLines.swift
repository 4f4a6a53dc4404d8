import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lines of standard input, each at most `limit` bytes.
///
/// `readLine()` keeps reading until a newline comes, so 50 MB with none
/// grew `scan` past a gigabyte. Here a line that grows past the limit is
/// read on to its end without being kept, and comes back as `.tooLong`.
public struct BoundedLines {
    public enum Line: Equatable {
        case text(String)
        /// A line longer than the limit; `length` is how many bytes it had.
        case tooLong(length: Int)
    }

    public let limit: Int
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 65536)
    private var start = 0, end = 0
    private var atEnd = false

    public init(descriptor: Int32 = STDIN_FILENO, limit: Int = 4096) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// The next line without its line ending, or nil at the end of input.
    public mutating func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                if atEnd { break }
                let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { atEnd = true; break }
                start = 0
                end = n
            }
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                length += newline - start
                if length <= limit { line += buffer[start..<newline] }
                start = newline + 1
                return result(line, length)
            }
            length += end - start
            if length <= limit { line += buffer[start..<end] } else { line = [] }
            start = end
        }
        return length == 0 && line.isEmpty ? nil : result(line, length)
    }

    private func result(_ line: [UInt8], _ length: Int) -> Line {
        guard length <= limit else { return .tooLong(length: length) }
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return .text(text)
    }
}
