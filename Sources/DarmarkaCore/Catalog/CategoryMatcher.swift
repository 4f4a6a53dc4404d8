import Foundation

/// What a person's word for a category or a recipient group names.
public enum CatalogueMatch: Sendable, Equatable {
    /// One entry, and only one, fits.
    case found(NamedEntry)
    /// Several fit (`бельё`: bed linen or underwear); never guessed.
    case ambiguous([NamedEntry])
    /// None fits; the closest entries, at most three, possibly none.
    case unknown(suggestions: [NamedEntry])
}

/// Finds a category (or a recipient group) by the words volunteers use:
/// any case or word form, `ё` or `е`, any word order, and common synonyms.
///
/// Two things work together, because neither is enough alone:
/// - The Snowball Russian stemmer (`RussianStemmer`) folds word forms:
///   `курткам`, `куртки`, `куртка` share a stem, so every form of every word
///   in a category's names and aliases works without listing the forms.
/// - A curated list of synonyms per seeded code (`Seed.words`) adds words
///   a stemmer cannot know: `кроссовки` and `сапоги` are shoes, `пуховик` is
///   outerwear. It lives in code, applied at match time to whatever category
///   has that code, so databases made before a word was added know it too,
///   with no migration.
///
/// The order of trust: a stored code, name or alias, typed in full, wins;
/// then a synonym typed in full; then stems. A text matches by stems when
/// every one of its stems is among the stems of one entry's names, aliases
/// and synonyms, in any order (`обувь детская`). When several entries fit,
/// the one that has a name made of exactly those stems wins (`обувь` is
/// Shoes, though `Зимняя обувь` also has `обувь`); otherwise the text is
/// ambiguous and is refused with the candidates named, never guessed.
/// Stems of a fleeting vowel (`курток`, `носок`, `полотенец`) are folded
/// to the stem of the other forms (`куртк`, `носк`, `полотенц`).
///
/// A pure value: build it once per list of entries, then ask it as often as
/// needed; `match` does no I/O and allocates little.
public struct CategoryMatcher: Sendable {
    private let entries: [NamedEntry]
    /// Stored codes, names and aliases, in full, to the entries they name.
    private let stored: [String: [Int]]
    /// Curated synonyms, in full, to the entries they name.
    private let curated: [String: [Int]]
    /// Each entry's stems, of all its names, aliases and synonyms together.
    private let stems: [Set<String>]
    /// Each entry's names, aliases and synonyms, each as its set of stems.
    private let phrases: [[Set<String>]]

    /// A matcher over `entries`, in the order they are listed; `synonyms`
    /// are more words for the entries with those codes.
    public init(entries: [NamedEntry], synonyms: [String: [String]] = [:]) {
        self.entries = entries
        var stored: [String: [Int]] = [:], curated: [String: [Int]] = [:]
        var stems: [Set<String>] = [], phrases: [[Set<String>]] = []
        for (i, entry) in entries.enumerated() {
            let own = [entry.code, entry.nameRu, entry.nameEn] + entry.aliases
            let extra = synonyms[entry.code] ?? []
            for key in Set(own.map(Self.key)) where !key.isEmpty { stored[key, default: []].append(i) }
            for key in Set(extra.map(Self.key)) where !key.isEmpty { curated[key, default: []].append(i) }
            let sets = (own + extra).map { Set(Self.stems($0)) }.filter { !$0.isEmpty }
            phrases.append(sets)
            stems.append(sets.reduce(into: Set<String>()) { $0.formUnion($1) })
        }
        self.stored = stored
        self.curated = curated
        self.stems = stems
        self.phrases = phrases
    }

    /// What `text` names.
    public func match(_ text: String) -> CatalogueMatch {
        let key = Self.key(text)
        guard !key.isEmpty else { return .unknown(suggestions: []) }
        if let hits = stored[key] ?? curated[key] { return result(hits) }
        let query = Set(Self.stems(text))
        guard !query.isEmpty else { return .unknown(suggestions: []) }
        var fitting = stems.indices.filter { query.isSubset(of: stems[$0]) }
        if fitting.isEmpty {
            // `зимняя обувь` is shoes: a season or a state says nothing about the category.
            let rest = query.subtracting(Self.qualifiers)
            if !rest.isEmpty, rest != query { fitting = stems.indices.filter { rest.isSubset(of: stems[$0]) } }
        }
        if fitting.count > 1 {
            let exact = fitting.filter { phrases[$0].contains(query) }
            if exact.count == 1 { return result(exact) }
        }
        if !fitting.isEmpty { return result(fitting) }
        return .unknown(suggestions: suggestions(query, key: key))
    }

    private func result(_ indices: [Int]) -> CatalogueMatch {
        let unique = Array(Set(indices)).sorted()
        if unique.count == 1 { return .found(entries[unique[0]]) }
        return .ambiguous(unique.map { entries[$0] })
    }

    // MARK: Did you mean

    /// Up to three entries closest to what was typed: by how far its stems
    /// are, in edits, from an entry's stems, or the whole text from a whole
    /// name. An entry is suggested only when some word of it is close.
    private func suggestions(_ query: Set<String>, key: String) -> [NamedEntry] {
        let queryStems = query.sorted()
        let whole = Array(key.unicodeScalars)
        var scored: [(distance: Int, index: Int)] = []
        for (i, own) in stems.enumerated() {
            var total = 0, close = false
            for q in queryStems {
                let qs = Array(q.unicodeScalars)
                let best = own.map { Self.distance(qs, Array($0.unicodeScalars)) }.min() ?? qs.count
                total += min(best, qs.count)
                if best <= Self.tolerance(qs.count) { close = true }
            }
            let entry = entries[i]
            let wholeBest = ([entry.code, entry.nameRu, entry.nameEn] + entry.aliases)
                .map { Self.distance(whole, Array(Self.key($0).unicodeScalars)) }.min() ?? whole.count
            if wholeBest <= Self.tolerance(whole.count) { close = true }
            if close { scored.append((min(total, wholeBest), i)) }
        }
        return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(3).map { entries[$0.index] }
    }

    /// How many edits a word of `length` letters may be off and still be
    /// taken for a typo: one in a short word, a third in a longer one.
    private static func tolerance(_ length: Int) -> Int { max(1, length / 3) }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: Words

    /// The whole text as compared in full: composed Unicode (an `ё` typed
    /// as `е` and a combining mark is one letter), lower case, `ё` as `е`,
    /// spaces collapsed.
    static func key(_ text: String) -> String {
        TextKey.normalise(text.precomposedStringWithCanonicalMapping)
    }

    /// Words that say nothing about which entry is meant.
    private static let stopWords: Set<String> = ["и", "или", "для", "с", "со", "в", "во", "на", "из", "по", "а",
                                                 "and", "or", "for", "of", "the", "a", "an", "with"]

    /// Stems of words that say which season or state a thing is, not what
    /// it is; left out when the text does not fit any entry with them.
    private static let qualifiers: Set<String> = Set(
        ["зимняя", "летняя", "осенняя", "весенняя", "демисезонная", "тёплая", "новая", "ношеная", "чистая", "хорошая",
         "winter", "summer", "warm", "new", "used", "clean"].flatMap(stems))

    /// The stems of the words of `text`, in order, without stop words.
    static func stems(_ text: String) -> [String] {
        let key = key(text).replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        let words = key.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        return words.filter { !stopWords.contains($0) }.map(stem)
    }

    private static func stem(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { (0x0400 ... 0x04FF).contains($0.value) }) else {
            // English: a plural or possessive s is the only ending that matters here.
            return word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : word
        }
        return foldFleetingVowel(RussianStemmer.stem(word))
    }

    private static let consonants = Set("бвгджзйклмнпрстфхцчшщ".unicodeScalars)

    /// `курток` → `куртк`, `полотенец` → `полотенц`: the genitive plural
    /// (and some singulars) put a vowel in that the other forms lack, so
    /// the stemmer gives them another stem. Folded on both sides alike, so
    /// the worst it does is join two rare stems.
    static func foldFleetingVowel(_ stem: String) -> String {
        let s = Array(stem.unicodeScalars)
        guard s.count >= 5, let last = s.last, last == "к" || last == "ц",
              s[s.count - 2] == "о" || s[s.count - 2] == "е", consonants.contains(s[s.count - 3]) else { return stem }
        return String(String.UnicodeScalarView(s.prefix(s.count - 2) + [last]))
    }
}
