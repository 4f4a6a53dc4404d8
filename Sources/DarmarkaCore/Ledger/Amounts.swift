import Foundation

/// A weight kept in whole grams, so that sums of kilograms are exact.
public struct Grams: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public static let zero = Grams(0)
    public static func + (a: Grams, b: Grams) -> Grams { Grams(a.value + b.value) }
    public static func - (a: Grams, b: Grams) -> Grams { Grams(a.value - b.value) }
    public static prefix func - (a: Grams) -> Grams { Grams(-a.value) }
    public static func < (a: Grams, b: Grams) -> Bool { a.value < b.value }

    /// Kilograms as a Double, for JSON and charts.
    public var kilograms: Double { Double(value) / 1000 }

    /// The most one line may weigh: a hundred tonnes is no line of donated
    /// things, and the cap keeps every sum of weights far inside `Int64`.
    public static let maximumKilograms: Int64 = 100_000

    /// Reads `2,5`, `2.5`, `0.125`, `3` (kilograms); at most three decimals
    /// and at most `maximumKilograms`.
    public static func parseKilograms(_ text: String) -> Grams? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.count <= 15 else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2,
              !parts[0].isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let whole = parts[0].isEmpty ? 0 : (Int64(parts[0]) ?? -1)
        guard whole >= 0 else { return nil }
        var frac: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 3 else { return nil }
            frac = (Int64(f) ?? 0) * [1, 100, 10, 1][f.count]
        }
        let grams = whole * 1000 + frac
        guard grams <= maximumKilograms * 1000 else { return nil }
        return Grams(grams)
    }

    /// `2.5` style with at most three decimals, trailing zeros dropped.
    public var kilogramText: String { kilogramText(decimalSeparator: ".") }

    /// With `grouping`, the whole kilograms have their thousands set apart
    /// as `NumberText.grouped` does.
    public func kilogramText(decimalSeparator: String, grouping: Lang? = nil) -> String {
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        var frac = String(v % 1000)
        while frac.count < 3 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        let whole = grouping.map { NumberText.grouped(Int(v / 1000), $0) } ?? String(v / 1000)
        return sign + whole + (frac.isEmpty ? "" : decimalSeparator + frac)
    }

    public var description: String { kilogramText }
}

/// Parses a count of things: a whole number greater than zero.
public enum Quantity {
    public static let maximum = 1_000_000
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(t), n > 0, n <= maximum else { return nil }
        return n
    }
}
