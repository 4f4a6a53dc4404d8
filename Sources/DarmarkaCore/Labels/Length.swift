import Foundation

/// Lengths as gLabels writes them, converted to millimetres, the unit the
/// label code works in throughout.
public enum Length {
    public static let millimetresPerInch = 25.4
    public static let pointsPerInch = 72.0
    /// One PostScript point in millimetres.
    public static let millimetresPerPoint = millimetresPerInch / pointsPerInch

    /// Millimetres for a gLabels length such as `63.5mm`, `181.4`, `0.0625in`.
    ///
    /// gLabels reads a number without a unit as points, so this does too.
    /// Returns nil for anything else, including infinities and NaN.
    public static func millimetres(gLabels text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        // The unit is a two-letter suffix; looking for the first letter
        // instead would take the "e" of "3.9e-16pt" for a unit.
        let units = ["pt", "mm", "cm", "in", "pc"]
        let unit = units.first { trimmed.hasSuffix($0) } ?? ""
        let numberPart = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
        guard let number = Double(numberPart), number.isFinite else { return nil }
        let perUnit: Double
        switch unit {
        case "", "pt": perUnit = millimetresPerPoint
        case "mm": perUnit = 1
        case "cm": perUnit = 10
        case "in": perUnit = millimetresPerInch
        case "pc": perUnit = 12 * millimetresPerPoint
        default: return nil
        }
        return number * perUnit
    }

    /// The size of one printer dot in millimetres.
    public static func dot(dpi: Int) -> Double { millimetresPerInch / Double(dpi) }
}
