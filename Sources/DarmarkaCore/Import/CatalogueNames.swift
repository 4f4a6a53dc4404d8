/// The catalogue's categories and recipient groups by every name a journal
/// may give them, so that a row's fingerprint holds what the row names
/// rather than how it was typed (`обувь`, `Обувь`, `shoes`).
///
/// Lookups are remembered: a journal uses a few dozen names a million times.
public struct CatalogueNames: Sendable {
    private let categories: [NamedEntry]
    private let groups: [NamedEntry]
    private var categoryCodes = ParseMemo<String?>()
    private var groupCodes = ParseMemo<String?>()

    public init(categories: [NamedEntry], groups: [NamedEntry]) {
        self.categories = categories
        self.groups = groups
    }

    /// The row's fingerprint with its category and group as the codes of
    /// the entries they name; a name the catalogue does not know stays as
    /// typed (such a row is refused anyway).
    public mutating func fingerprint(of row: JournalRow) -> UInt64 {
        let categories = self.categories, groups = self.groups
        let category = categoryCodes.value(of: row.category) { categories.named($0)?.code } ?? row.category
        let group = row.group.map { text in groupCodes.value(of: text) { groups.named($0)?.code } ?? text }
        return row.fingerprint(category: category, group: group)
    }
}

extension Array where Element == NamedEntry {
    /// Each entry's name in `lang` by its code, for files people read, where
    /// the name reads back as that entry (`named` finds it first); a code
    /// whose name would read as another entry is left out, to be written as is.
    public func writtenNames(_ lang: Lang) -> [String: String] {
        var names: [String: String] = [:]
        for entry in self where named(entry.name(lang))?.code == entry.code { names[entry.code] = entry.name(lang) }
        return names
    }
}
