/// What is said of a box code, the same on the command line and in an
/// imported journal: one wording per situation.
public enum BoxCodeWords {
    /// A code whose last, check symbol does not match: a typo. The expected
    /// symbol is not shown: "fixing" the last symbol of a mistyped code
    /// would make it a valid code of some other box.
    public static func wrongCheck(_ text: String) -> Phrase {
        Phrase(ru: "В коде бокса «\(text)» опечатка: последний, контрольный знак не сходится. Проверьте код на наклейке.",
               en: "The box code “\(text)” has a typo: its last, check symbol does not match. Check the code on the label.")
    }
}

extension Phrase {
    /// A sentence as a clause after `field: `, as a journal's row problems
    /// are written: its first letter small and no full stop at the end.
    public var asClause: Phrase {
        map { text, _ in
            let body = text.hasSuffix(".") ? String(text.dropLast()) : text
            return body.prefix(1).lowercased() + body.dropFirst()
        }
    }
}
