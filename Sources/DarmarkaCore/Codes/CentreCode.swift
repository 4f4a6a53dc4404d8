import Foundation

/// A centre's code as typed: `мат`, `МАТ` in Cyrillic or ` mat ` is `MAT`.
///
/// Centre codes are Latin, but a volunteer with the Russian layout on types
/// the Cyrillic letters that look the same without noticing, as with box
/// and recipient codes; the same look-alike letters are folded here.
public enum CentreCode {
    /// Upper case, without surrounding spaces, look-alike Cyrillic letters in Latin.
    public static func canonical(_ text: String) -> String {
        RecipientCodes.key(text.trimmingCharacters(in: .whitespaces).uppercased())
    }
}
