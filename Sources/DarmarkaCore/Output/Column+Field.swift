extension Column {
    /// A column whose header is its key in both languages: the fields of a
    /// one-row result that scripts read as JSON or CSV.
    public static func field(_ key: String) -> Column { Column(key, .same(key)) }
}
