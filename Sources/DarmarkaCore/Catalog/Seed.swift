/// The taxonomy a new database starts with. It follows the acceptance lists
/// of Russian clothing charities; organisations add their own on top.
/// Its names, in both languages, are in `Text/SeedNames.swift`.
public enum Seed {}
