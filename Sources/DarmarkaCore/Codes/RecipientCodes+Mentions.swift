extension RecipientCodes {
    /// The keys of codes a free text may name: each word, and each two
    /// neighbouring words (a code typed `ТД 042`), folded as `key` folds a
    /// code. A note "для ТД-042, просила обувь" names `TD42`.
    public static func mentionedKeys(in text: String) -> Set<String> {
        let words = text.split { ch in
            !(ch.isLetter || ch.isNumber || separators.contains(ch))
        }.map(String.init)
        var keys: Set<String> = []
        for (i, w) in words.enumerated() {
            let k = key(w)
            if !k.isEmpty { keys.insert(k) }
            if i + 1 < words.count {
                let pair = key(w + words[i + 1])
                if !pair.isEmpty { keys.insert(pair) }
            }
        }
        return keys
    }

    /// Whether a free text names this code, typed any way `key` folds.
    public static func text(_ text: String, mentions code: String) -> Bool {
        let k = key(code)
        return !k.isEmpty && mentionedKeys(in: text).contains(k)
    }
}
