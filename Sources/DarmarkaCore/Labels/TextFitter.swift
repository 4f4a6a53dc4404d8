/// Text fitted into a box: the rows to draw and the size to draw them at.
public struct FittedText: Hashable, Sendable {
    public let rows: [String]
    /// Font size in points.
    public let size: Double
    /// Row pitch in millimetres.
    public let rowHeight: Double
    /// Whether the text was cut and ends in "…" (or left out entirely).
    public let truncated: Bool

    public var height: Double { rowHeight * Double(rows.count) }
}

/// Fits text into a box without ever overflowing it: word-wrap at the largest
/// size that fits, shrinking step by step down to the style's minimum; at the
/// minimum, cut the text and end it with "…".
///
/// Measuring is injected so this stays pure: `measure` gives a string's
/// advance width in ems (its width at a 1-point size, in points). Widths are
/// assumed to scale linearly with size, which holds with unhinted metrics.
public struct TextFitter {
    public static let ellipsis = "…"
    /// Sizes are tried in half-point steps: finer steps make no visible difference.
    public var step = 0.5
    private let measure: (String) -> Double

    public init(measure: @escaping (String) -> Double) { self.measure = measure }

    /// Fits `text` into a box of `width` × `height` millimetres. Runs of
    /// white space count as one space. With `allowTruncation` off, text that
    /// does not fit whole comes back with no rows and `truncated` set.
    public func fit(_ text: String, style: TextStyle, width: Double, height: Double,
                    allowTruncation: Bool = true) -> FittedText {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let empty = FittedText(rows: [], size: style.minimumSize,
                               rowHeight: style.rowHeight(size: style.minimumSize), truncated: !words.isEmpty)
        guard !words.isEmpty, width > 0, height > 0, style.maximumRows > 0 else { return empty }

        var size = style.maximumSize
        while size >= style.minimumSize - 1e-9 {
            let rowHeight = style.rowHeight(size: size)
            let rowsAllowed = min(style.maximumRows, Int(height / rowHeight + 1e-9))
            if rowsAllowed >= 1, let rows = wrap(words, widthEm: em(width, size), rows: rowsAllowed) {
                return FittedText(rows: rows, size: size, rowHeight: rowHeight, truncated: false)
            }
            size -= step
        }

        let size0 = style.minimumSize, rowHeight = style.rowHeight(size: size0)
        let rowsAllowed = min(style.maximumRows, Int(height / rowHeight + 1e-9))
        guard allowTruncation, rowsAllowed >= 1 else { return empty }
        let rows = cut(words, widthEm: em(width, size0), rows: rowsAllowed)
        return rows.isEmpty ? empty : FittedText(rows: rows, size: size0, rowHeight: rowHeight, truncated: true)
    }

    private func em(_ millimetres: Double, _ size: Double) -> Double {
        millimetres / (size * Length.millimetresPerPoint)
    }

    private func fits(_ text: String, _ widthEm: Double) -> Bool { measure(text) <= widthEm + 1e-9 }

    /// Greedy word wrap, or nil if a word is too wide or rows run out.
    private func wrap(_ words: [String], widthEm: Double, rows maxRows: Int) -> [String]? {
        var rows: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate, widthEm) { current = candidate; continue }
            guard !current.isEmpty, fits(word, widthEm) else { return nil }
            rows.append(current)
            guard rows.count < maxRows else { return nil }
            current = word
        }
        rows.append(current)
        return rows
    }

    /// Wraps into at most `maxRows` rows, breaking words that are too wide,
    /// and ends the last row in an ellipsis when text is left over.
    private func cut(_ words: [String], widthEm: Double, rows maxRows: Int) -> [String] {
        var rows: [String] = []
        var rest = words.joined(separator: " ")[...]
        while rows.count < maxRows - 1, !rest.isEmpty {
            let row = longestRow(in: rest, widthEm: widthEm)
            guard !row.isEmpty else { break }
            rows.append(String(row).trimmingTrailingSpaces())
            rest = rest[row.endIndex...].drop { $0 == " " }
        }
        if !rest.isEmpty {
            let last = fits(String(rest), widthEm) ? String(rest) : ellipsized(rest, widthEm: widthEm)
            if !last.isEmpty { rows.append(last) }
        }
        return rows
    }

    /// The longest prefix that fits, ending at a space when there is one, so
    /// words break only when a single word is wider than the box.
    private func longestRow(in text: Substring, widthEm: Double) -> Substring {
        let length = longestFittingPrefix(text, widthEm: widthEm) { String($0) }
        let prefix = text.prefix(length)
        guard length < text.count else { return prefix }
        if let space = prefix.lastIndex(of: " "), space > prefix.startIndex {
            return text[..<space]
        }
        return prefix
    }

    private func ellipsized(_ text: Substring, widthEm: Double) -> String {
        let length = longestFittingPrefix(text, widthEm: widthEm) {
            String($0).trimmingTrailingSpaces() + Self.ellipsis
        }
        guard length > 0 else { return fits(Self.ellipsis, widthEm) ? Self.ellipsis : "" }
        return String(text.prefix(length)).trimmingTrailingSpaces() + Self.ellipsis
    }

    /// Binary search on the number of characters; widths grow with length.
    private func longestFittingPrefix(_ text: Substring, widthEm: Double,
                                      render: (Substring) -> String) -> Int {
        let characters = Array(text)
        var low = 0, high = characters.count
        while low < high {
            let mid = (low + high + 1) / 2
            if fits(render(Substring(characters[0..<mid])), widthEm) { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
