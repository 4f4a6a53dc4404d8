extension NamedEntry {
    /// The entry's two names, for a message in either language.
    public var names: Phrase { Phrase.stored(nameRu, nameEn) }
}
