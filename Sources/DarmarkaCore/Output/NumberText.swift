/// Whole numbers as a document prints them.
public enum NumberText {
    /// `12 345` (a no-break space) in Russian, `12,345` in English. Four
    /// digits are grouped too: in a column beside larger numbers, as Russian
    /// tables set them, `1 027` lines up with `11 433`.
    public static func grouped(_ n: Int, _ lang: Lang) -> String {
        let digits = String(n.magnitude)
        guard digits.count >= 4 else { return String(n) }
        let separator: Character = lang == .ru ? "\u{00A0}" : ","
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
