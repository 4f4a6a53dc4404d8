/// The Snowball stemming algorithm for Russian (Martin Porter's, published
/// at snowballstem.org under the BSD licence), written out by hand.
///
/// It cuts the inflectional ending off a word, so that `куртка`, `куртки`,
/// `куртками` all give `куртк`. It knows no dictionary: a stem is not always
/// a real word, and forms whose stem changes (`курток`, with a fleeting
/// vowel) give another stem. `CategoryMatcher` compares stems, never shows
/// them.
///
/// The steps follow the published algorithm exactly, so its outputs can be
/// checked against any other implementation of it.
public enum RussianStemmer {
    /// The stem of one lower-case word. `ё` is read as `е`, as the algorithm
    /// says; words without Russian vowels come back unchanged.
    public static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars.map { $0 == "ё" ? "е" : $0 })
        let (rv, r2) = regions(w)
        guard rv < w.count else { return String(String.UnicodeScalarView(w)) }

        // Step 1.
        if !removeGerund(&w, rv) {
            _ = remove(&w, rv, reflexive)
            if !removeAdjectival(&w, rv), !removeVerb(&w, rv) { _ = remove(&w, rv, noun) }
        }
        // Step 2.
        if w.count > rv, w.last == "и" { w.removeLast() }
        // Step 3: a derivational ending, only within R2.
        if let n = longest(w, rv, derivational), w.count - n >= r2 { w.removeLast(n) }
        // Step 4.
        if let n = longest(w, rv, superlative) {
            w.removeLast(n)
            undoubleN(&w, rv)
        } else if w.count > rv, w.last == "ь" {
            w.removeLast()
        } else {
            undoubleN(&w, rv)
        }
        return String(String.UnicodeScalarView(w))
    }

    private typealias Word = [Unicode.Scalar]

    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    /// RV: after the first vowel. R2: R1 of R1, where R1 is after the first
    /// non-vowel that follows a vowel.
    private static func regions(_ w: Word) -> (rv: Int, r2: Int) {
        let end = w.count
        var i = 0
        while i < end, !vowels.contains(w[i]) { i += 1 }
        guard i < end else { return (end, end) }
        let rv = i + 1
        i = rv
        while i < end, vowels.contains(w[i]) { i += 1 }
        guard i < end else { return (rv, end) }
        i += 1 // R1 starts here
        while i < end, !vowels.contains(w[i]) { i += 1 }
        guard i < end else { return (rv, end) }
        i += 1
        while i < end, vowels.contains(w[i]) { i += 1 }
        guard i < end else { return (rv, end) }
        return (rv, i + 1)
    }

    /// An ending, and whether it counts only after `а` or `я` (the
    /// algorithm's group 1); those two letters stay.
    private struct Ending {
        let letters: Word
        let afterAOrYa: Bool
    }

    private static func endings(_ group1: [String], _ group2: [String] = []) -> [Ending] {
        (group1.map { Ending(letters: Array($0.unicodeScalars), afterAOrYa: true) }
            + group2.map { Ending(letters: Array($0.unicodeScalars), afterAOrYa: false) })
            .sorted { $0.letters.count > $1.letters.count }
    }

    private static let gerund = endings(["в", "вши", "вшись"], ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"])
    private static let adjective = endings([], ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым",
                                                "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"])
    private static let participle = endings(["ем", "нн", "вш", "ющ", "щ"], ["ивш", "ывш", "ующ"])
    private static let reflexive = endings([], ["ся", "сь"])
    private static let verb = endings(["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"],
                                      ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
                                       "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"])
    private static let noun = endings([], ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой",
                                           "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь",
                                           "ию", "ью", "ю", "ия", "ья", "я"])
    private static let derivational = endings([], ["ост", "ость"])
    private static let superlative = endings([], ["ейш", "ейше"])

    /// The longest ending of `list` that `w` ends with inside RV, as its
    /// length, or nil. Like Snowball's `among`, only the longest counts: a
    /// group-1 ending without `а`/`я` before it does not fall back to a
    /// shorter one.
    private static func longest(_ w: Word, _ rv: Int, _ list: [Ending]) -> Int? {
        for e in list where w.count - e.letters.count >= rv && w.suffix(e.letters.count).elementsEqual(e.letters) {
            if e.afterAOrYa {
                let before = w.count - e.letters.count - 1
                guard before >= rv, w[before] == "а" || w[before] == "я" else { return nil }
            }
            return e.letters.count
        }
        return nil
    }

    private static func remove(_ w: inout Word, _ rv: Int, _ list: [Ending]) -> Bool {
        guard let n = longest(w, rv, list) else { return false }
        w.removeLast(n)
        return true
    }

    private static func removeGerund(_ w: inout Word, _ rv: Int) -> Bool { remove(&w, rv, gerund) }
    private static func removeVerb(_ w: inout Word, _ rv: Int) -> Bool { remove(&w, rv, verb) }

    /// An adjective ending, and a participle's suffix before it if any.
    private static func removeAdjectival(_ w: inout Word, _ rv: Int) -> Bool {
        guard remove(&w, rv, adjective) else { return false }
        _ = remove(&w, rv, participle)
        return true
    }

    private static func undoubleN(_ w: inout Word, _ rv: Int) {
        if w.count - 2 >= rv, w.last == "н", w[w.count - 2] == "н" { w.removeLast() }
    }
}
