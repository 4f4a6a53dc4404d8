/// What is a category and what is a recipient group, for messages about
/// the words that name them.
public enum CatalogueKind: Sendable, Equatable {
    case category, group
}

/// A word for a category or a group that names none, or more than one:
/// refused, with the candidates or the closest entries named.
public enum CatalogueWordProblem: UserFacingError, Equatable {
    /// Several entries fit the word; which one is not for the program to guess.
    case ambiguous(CatalogueKind, String, candidates: [NamedEntry])
    /// No entry fits; `suggestions` are the closest ones, possibly none.
    case unknown(CatalogueKind, String, suggestions: [NamedEntry])

    /// As a sentence, for the command line.
    public var phrase: Phrase {
        switch self {
        case .ambiguous(let kind, let text, let candidates):
            Phrase(ru: "«\(text)» — это \(either(candidates, .ru))? Напишите точнее или кодом \(kind == .category ? "категории" : "группы").",
                   en: "“\(text)” could be \(either(candidates, .en)): say which, in more words or by the \(kind == .category ? "category" : "group")'s code.")
        case .unknown(let kind, let text, let suggestions):
            Phrase(ru: "\(kind == .category ? "Категории" : "Группы") «\(text)» нет.\(maybe(suggestions, .ru)) \(listHint(kind, .ru))",
                   en: "There is no \(kind == .category ? "category" : "group") “\(text)”.\(maybe(suggestions, .en)) \(listHint(kind, .en))")
        }
    }

    /// As a clause after an import's `FILE:LINE: column:`.
    public var clause: Phrase {
        switch self {
        case .ambiguous(let kind, let text, let candidates):
            Phrase(ru: "«\(text)» — это \(either(candidates, .ru))? Напишите точнее или кодом \(kind == .category ? "категории" : "группы")",
                   en: "“\(text)” could be \(either(candidates, .en)): say which, in more words or by the \(kind == .category ? "category" : "group")'s code")
        case .unknown(.category, let text, let suggestions):
            Phrase(ru: "категории «\(text)» нет:\(maybe(suggestions, .ru, lower: true)) список — darmarka category list, другое название — darmarka category alias",
                   en: "there is no category “\(text)”:\(maybe(suggestions, .en, lower: true)) see darmarka category list, or add another name with darmarka category alias")
        case .unknown(.group, let text, let suggestions):
            Phrase(ru: "группы получателей «\(text)» нет:\(maybe(suggestions, .ru, lower: true)) список — darmarka group list",
                   en: "there is no recipient group “\(text)”:\(maybe(suggestions, .en, lower: true)) see darmarka group list")
        }
    }
}

extension CatalogueMatch {
    /// The one entry matched, or the problem with `text`, whose words name a `kind`.
    public func entry(_ kind: CatalogueKind, for text: String) -> Result<NamedEntry, CatalogueWordProblem> {
        switch self {
        case .found(let entry): .success(entry)
        case .ambiguous(let candidates): .failure(.ambiguous(kind, text, candidates: candidates))
        case .unknown(let suggestions): .failure(.unknown(kind, text, suggestions: suggestions))
        }
    }
}

/// An entry as a volunteer would say it, with the code that picks it for
/// sure: `постельное бельё и полотенца (linen)`, `Bed linen and towels (linen)`.
private func spoken(_ entry: NamedEntry, _ lang: Lang) -> String {
    let name = entry.name(lang)
    // Russian names are written as in a sentence; "Shoes" keeps its capital,
    // as English names are shown everywhere else.
    let said = lang == .ru ? name.prefix(1).lowercased() + name.dropFirst() : name
    return "\(said) (\(entry.code))"
}

private func either(_ entries: [NamedEntry], _ lang: Lang) -> String {
    let names = entries.map { spoken($0, lang) }
    guard let last = names.last, names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + (lang == .ru ? " или " : " or ") + last
}

private func maybe(_ suggestions: [NamedEntry], _ lang: Lang, lower: Bool = false) -> String {
    guard !suggestions.isEmpty else { return "" }
    let ask = lang == .ru ? (lower ? "может быть" : "Может быть") : (lower ? "did you mean" : "Did you mean")
    return " \(ask)\(lang == .ru ? "," : "") \(either(suggestions, lang))?"
}

private func listHint(_ kind: CatalogueKind, _ lang: Lang) -> String {
    switch (kind, lang) {
    case (.category, .ru): "Список категорий: darmarka category list."
    case (.category, .en): "See the categories with: darmarka category list."
    case (.group, .ru): "Список групп: darmarka group list."
    case (.group, .en): "See the groups with: darmarka group list."
    }
}
