extension Cell {
    /// The value as people read it, in both languages.
    public var phrase: Phrase { Phrase.stored(display(.ru), display(.en)) }
}
