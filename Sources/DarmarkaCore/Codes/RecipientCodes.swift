/// Recipients' card codes mix scripts: a card printed `ТД-042` may be typed
/// with a Latin T, and `TK-001` on one card looks exactly like `ТК-001` on
/// another. Twelve capital letters look the same in Latin and Cyrillic; a
/// code typed with either is the same person, or the unduplicated count of
/// people helped, which the fund asks for, would count them twice.
public enum RecipientCodes {
    private static let pairs: [(latin: Character, cyrillic: Character)] = [
        ("A", "А"), ("B", "В"), ("C", "С"), ("E", "Е"), ("H", "Н"), ("K", "К"),
        ("M", "М"), ("O", "О"), ("P", "Р"), ("T", "Т"), ("X", "Х"), ("Y", "У"),
    ]
    private static let toLatin = Dictionary(uniqueKeysWithValues: pairs.map { ($0.cyrillic, $0.latin) })
    private static let toCyrillic = Dictionary(uniqueKeysWithValues: pairs.map { ($0.latin, $0.cyrillic) })

    /// One spelling for every way of typing an (upper-case) code: its
    /// look-alike letters in Latin.
    public static func key(_ code: String) -> String {
        String(code.map { toLatin[$0] ?? $0 })
    }

    /// The spellings under which a code may be stored: as given, with its
    /// look-alikes in Latin, and with them in Cyrillic; the first is the one
    /// given, and none repeats.
    public static func spellings(_ code: String) -> [String] {
        var seen = Set<String>()
        return [code, key(code), String(code.map { toCyrillic[$0] ?? $0 })].filter { seen.insert($0).inserted }
    }
}
