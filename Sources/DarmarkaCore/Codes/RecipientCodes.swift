/// Recipients' card codes are typed by hand, in a hurry, from a card. A card
/// printed `ТД-042` comes back as `TД-042` (a Latin T), `тд42`, `td-42` or
/// `ТД 042`; each is the same person, or the unduplicated count of people
/// helped, which the fund asks for, would count them twice.
///
/// Codes are kept as first registered; they are compared by their `key`.
public enum RecipientCodes {
    private static let pairs: [(latin: Character, cyrillic: Character)] = [
        ("A", "А"), ("B", "В"), ("C", "С"), ("E", "Е"), ("H", "Н"), ("K", "К"),
        ("M", "М"), ("O", "О"), ("P", "Р"), ("T", "Т"), ("X", "Х"), ("Y", "У"),
    ]
    private static let toLatin = Dictionary(uniqueKeysWithValues: pairs.map { ($0.cyrillic, $0.latin) })
    /// The Cyrillic letters with no Latin look-alike, as they are typed on a
    /// Latin keyboard (`td-42` for `ТД-042`).
    private static let transliterated: [Character: String] = [
        "Б": "B", "Г": "G", "Д": "D", "Ж": "ZH", "З": "Z", "И": "I", "Л": "L", "П": "P", "Ф": "F",
        "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SCH", "Ю": "YU", "Я": "YA", "Ё": "E",
    ]
    // Й, Ы, Э, Ъ and Ь stay as they are: spelt in Latin they would be another
    // card's letters (У is Y, Е is E), or nothing.

    /// One spelling for every way of typing a code: upper case; letters in
    /// Latin (a look-alike as it looks, `Т` → `T`, another as it is
    /// transliterated, `Д` → `D`); no dashes or spaces; and the numbers
    /// without their leading zeros. `ТД-042`, `тд42`, `td-42`, `TД 42` and
    /// `ТД-0042` share a key; `ТД-042` and `ТД-420` do not.
    public static func key(_ code: String) -> String {
        var out = ""
        // Zeros read at the start of a number, not written unless the number is nothing but zeros.
        var zeros = false
        for ch in code.uppercased() where !separators.contains(ch) && !ch.isWhitespace {
            if ch.isASCII, ch.isNumber {
                let startsNumber = !(out.last.map { $0.isASCII && $0.isNumber } ?? false)
                if ch == "0", startsNumber {
                    zeros = true
                    continue
                }
                zeros = false
                out.append(ch)
            } else {
                if zeros { out.append("0") }
                zeros = false
                if let latin = toLatin[ch] { out.append(latin) } else { out += transliterated[ch] ?? String(ch) }
            }
        }
        if zeros { out.append("0") }
        return out
    }

    /// Dashes people and word processors type between a code's parts.
    static let separators: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "_"]

    /// The registered codes nearest to `code`, nearest first, at most
    /// `limit`: what `code` was most likely meant to be when it is not a
    /// registered one.
    ///
    /// Codes are compared by key, by edit distance counting a swap of
    /// neighbours as one edit (the most common slip in a number). Codes with
    /// the same letters in front (the card series) come first, then the
    /// nearer; between equally near codes, one with the same characters in
    /// another order (`ТД-042` for `ТД-024`) first. Codes further than two
    /// edits away, or than a third of the key, are not similar.
    public static func nearest(to code: String, among codes: [String], limit: Int = 3) -> [String] {
        let target = Array(key(code))
        guard !target.isEmpty else { return [] }
        let reach = max(1, min(2, target.count / 3))
        let prefix = series(target)
        let sorted = target.sorted()
        var found: [(rank: (Int, Int, Int), code: String)] = []
        var seen = Set<String>()
        for candidate in codes {
            let other = Array(key(candidate))
            guard other != target, seen.insert(String(other)).inserted else { continue }
            let d = distance(target, other, atMost: reach)
            guard d <= reach else { continue }
            found.append(((series(other) == prefix ? 0 : 1, d, other.sorted() == sorted ? 0 : 1), candidate))
        }
        found.sort { a, b in
            a.rank != b.rank ? a.rank < b.rank : a.code < b.code
        }
        return found.prefix(max(0, limit)).map(\.code)
    }

    /// The letters before the first digit: a card's series.
    private static func series(_ key: [Character]) -> ArraySlice<Character> {
        key.prefix { !($0.isASCII && $0.isNumber) }
    }

    /// Optimal string alignment distance, given up (returning `atMost + 1`)
    /// once every alignment costs more than `atMost`.
    static func distance(_ a: [Character], _ b: [Character], atMost: Int) -> Int {
        if abs(a.count - b.count) > atMost { return atMost + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1 ... b.count {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > atMost { return atMost + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
