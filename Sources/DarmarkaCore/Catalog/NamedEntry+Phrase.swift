extension NamedEntry {
    /// The entry's two names, for a message in either language.
    public var names: Phrase { Phrase(ru: nameRu, en: nameEn) }
}
