/// Undoing the Russian keyboard layout.
///
/// A USB barcode scanner is a keyboard: it sends key presses, and the
/// computer turns them into letters with whatever layout is switched on. With
/// the Russian layout (ЙЦУКЕН) on, a label saying `B-0001Z` arrives as
/// `И-0001Я`, and a URL's `https://` as `реезыЖ..`. Volunteers in Russia
/// switch layouts all day, so this happens; the keys pressed are still right,
/// and mapping each character back to the key's Latin character recovers
/// what the label says.
public enum KeyboardLayout {
    /// The characters the Russian layout gives for each key, mapped to the US
    /// layout's character on the same key, with and without Shift.
    static let russianToUS: [Character: Character] = {
        let russian = Array("йцукенгшщзхъфывапролджэячсмитьбю.ё" + "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё" + "\"№;:?")
        let us = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,./`" + "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?~" + "@#$^&")
        return Dictionary(uniqueKeysWithValues: zip(russian, us))
    }()

    /// `text` as it would have come out with the US layout, or nil when it
    /// has no Cyrillic letter (then the layout was not Russian). Characters
    /// that are the same on both layouts, such as digits and `-`, stay.
    public static func fromRussianLayout(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return nil }
        return String(text.map { russianToUS[$0] ?? $0 })
    }
}
