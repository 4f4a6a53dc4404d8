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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unitStart = trimmed.firstIndex { $0.isLetter } ?? trimmed.endIndex
        let numberPart = trimmed[..<unitStart].trimmingCharacters(in: .whitespaces)
        let unit = trimmed[unitStart...].lowercased()
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
