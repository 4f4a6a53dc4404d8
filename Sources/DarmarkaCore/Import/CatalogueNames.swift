/// The catalogue's categories and recipient groups by every name a journal
/// may give them, so that a row's fingerprint holds what the row names
/// rather than how it was typed (`обувь`, `Обувь`, `shoes`).
///
/// Lookups are remembered: a journal uses a few dozen names a million times.
public struct CatalogueNames: Sendable {
    private let categories: CategoryMatcher
    private let groups: CategoryMatcher
    private var categoryCodes = ParseMemo<String?>()
    private var groupCodes = ParseMemo<String?>()

    /// Names as `CategoryMatcher` finds them, with the seeded synonyms for categories.
    public init(categories: [NamedEntry], groups: [NamedEntry]) {
        self.init(categories: CategoryMatcher(entries: categories, synonyms: Seed.words), groups: CategoryMatcher(entries: groups))
    }

    public init(categories: CategoryMatcher, groups: CategoryMatcher) {
        self.categories = categories
        self.groups = groups
    }

    /// The row's fingerprint with its category and group as the codes of
    /// the entries they name; a name that names no single entry stays as
    /// typed (such a row is refused anyway).
    public mutating func fingerprint(of row: JournalRow) -> UInt64 {
        let categories = self.categories, groups = self.groups
        let category = categoryCodes.value(of: row.category) { categories.match($0).code } ?? row.category
        let group = row.group.map { text in groupCodes.value(of: text) { groups.match($0).code } ?? text }
        return row.fingerprint(category: category, group: group)
    }

    /// For a row naming a recipient, its fingerprint without the recipient
    /// and the note (which may name them): what `recipient forget` keeps of
    /// an imported row, so it is never imported twice yet tests no guessed
    /// code. 0 for a row naming no one.
    public mutating func anonymousFingerprint(of row: JournalRow) -> UInt64 {
        guard row.recipient != nil else { return 0 }
        var anonymous = row
        anonymous.recipient = nil
        anonymous.note = nil
        return fingerprint(of: anonymous)
    }
}

extension CatalogueMatch {
    /// The code of the one entry matched, if one is.
    public var code: String? {
        if case .found(let entry) = self { return entry.code }
        return nil
    }
}

extension Array where Element == NamedEntry {
    /// Each entry's name in `lang` by its code, for files people read, where
    /// the name reads back as that entry (the matcher finds it and it alone);
    /// a code whose name would read as another entry, or as several, is
    /// left out, to be written as is.
    public func writtenNames(_ lang: Lang) -> [String: String] {
        let matcher = CategoryMatcher(entries: self)
        var names: [String: String] = [:]
        for entry in self where matcher.match(entry.name(lang)).code == entry.code { names[entry.code] = entry.name(lang) }
        return names
    }
}
