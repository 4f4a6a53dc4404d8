import Foundation

/// How names typed by people are compared: case, surrounding spaces,
/// repeated inner spaces and ё/е do not matter.
public enum TextKey {
    public static func normalise(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        return lowered.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
