/// Crockford Base32: digits and upper-case letters without I, L, O and U,
/// so that a code read aloud or typed by hand has no look-alike symbols.
public enum Crockford {
    /// The 32 symbols in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Cyrillic letters that look like Latin ones; people in Russia type them
    /// on a Russian keyboard layout without noticing.
    static let cyrillicLookalikes: [Character: Character] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
        "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
        "а": "A", "в": "B", "е": "E", "к": "K", "м": "M", "н": "H",
        "о": "O", "р": "P", "с": "C", "т": "T", "х": "X",
    ]

    /// Folds what a person may type into the canonical upper-case Latin symbol:
    /// lower case, Cyrillic look-alikes, and I/L as 1, O as 0 (Crockford's rule).
    public static func canonical(_ ch: Character) -> Character {
        var c = cyrillicLookalikes[ch] ?? ch
        if let upper = c.uppercased().first, c.isLetter { c = upper }
        switch c {
        case "I", "L": return "1"
        case "O": return "0"
        default: return c
        }
    }

    /// The value 0...31 of a canonical symbol, or nil if it is not one.
    public static func value(of ch: Character) -> Int? {
        guard let ascii = ch.asciiValue else { return nil }
        return valueTable[Int(ascii)]
    }

    private static let valueTable: [Int?] = {
        var table = [Int?](repeating: nil, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c.asciiValue!)] = i }
        return table
    }()

    /// `width` symbols for `value`, most significant first, zero-padded.
    static func encode(_ value: Int, width: Int) -> String {
        var digits = [Character](repeating: "0", count: width)
        var v = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            digits[i] = alphabet[v % 32]
            v /= 32
        }
        return String(digits)
    }
}
