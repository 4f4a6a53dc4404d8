extension Cell {
    /// The value as people read it, in both languages.
    public var phrase: Phrase { Phrase(ru: display(.ru), en: display(.en)) }
}
