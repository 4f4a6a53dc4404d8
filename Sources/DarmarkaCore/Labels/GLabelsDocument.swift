import Foundation

/// `<Template brand="Avery" part="L7160" equiv="7160"/>`: another name for a
/// template defined elsewhere (gLabels 3), or `<Alias name="...">` (gLabels 2).
public struct TemplateAlias: Hashable, Sendable {
    public var name: TemplateName
    /// The part number it copies, in the same brand when there is one.
    public var equivalent: TemplateName

    public init(name: TemplateName, equivalent: TemplateName) {
        self.name = name; self.equivalent = equivalent
    }
}

/// The templates in one gLabels XML file, before aliases are joined to the
/// templates they name (they may live in another file).
public struct GLabelsDocument: Sendable {
    public var templates: [LabelTemplate]
    public var aliases: [TemplateAlias]
    /// Templates that were skipped, and why. A bad template never hides the
    /// good ones next to it.
    public var problems: [LabelError]
    /// Templates skipped for their shape (CD, ellipse). Their aliases are
    /// dropped quietly: the skip itself is already among the problems.
    public var unsupported: [TemplateName]

    public init(templates: [LabelTemplate] = [], aliases: [TemplateAlias] = [], problems: [LabelError] = [],
                unsupported: [TemplateName] = []) {
        self.templates = templates; self.aliases = aliases; self.problems = problems; self.unsupported = unsupported
    }

    /// Parses a gLabels template file (`<Glabels-templates>`, with or without
    /// the `http://glabels.org/xmlns/3.0/` namespace).
    ///
    /// Throws `LabelError.malformedTemplateFile` only when the XML itself is
    /// broken; a template with bad values lands in `problems`.
    public init(data: Data) throws {
        self = try GLabelsParser.parse(data)
    }

    /// The templates with every alias resolved within this document.
    public func resolved() -> (templates: [LabelTemplate], problems: [LabelError]) {
        let (templates, unresolved) = TemplateAlias.attach(aliases, to: templates)
        return (templates, problems + TemplateAlias.dropping(unsupported, from: unresolved).map(\.problem))
    }
}

extension TemplateAlias {
    /// Adds each alias to its template's `equivalents`. An alias names a
    /// part of its own brand first; failing that, a part of any brand, since
    /// look-alike sheets are sold under several brands.
    /// Returns the aliases whose template was not found.
    public static func attach(_ aliases: [TemplateAlias], to templates: [LabelTemplate])
        -> (templates: [LabelTemplate], unresolved: [TemplateAlias]) {
        var result = templates
        var unresolved: [TemplateAlias] = []
        var byPart: [String: [Int]] = [:]
        for (index, template) in templates.enumerated() {
            byPart[TemplateKey.normalize(template.part), default: []].append(index)
        }
        var aliasByName: [String: TemplateAlias] = [:]
        for alias in aliases { aliasByName[TemplateKey.normalize(alias.name.id)] = alias }
        // Follows alias to alias (gLabels has chains such as Herma 10801 →
        // 4608 → 4102); the bound stops a loop in a broken file.
        func target(of name: TemplateName, hops: Int = 0) -> Int? {
            let candidates = byPart[TemplateKey.normalize(name.part)] ?? []
            let brand = TemplateKey.normalize(name.brand)
            if let index = candidates.first(where: { TemplateKey.normalize(templates[$0].brand) == brand }) {
                return index
            }
            if hops < 8, let next = aliasByName[TemplateKey.normalize(name.id)] {
                return target(of: next.equivalent, hops: hops + 1)
            }
            return candidates.first
        }
        for alias in aliases {
            guard let index = target(of: alias.equivalent) else {
                unresolved.append(alias)
                continue
            }
            if alias.name != result[index].name, !result[index].equivalents.contains(alias.name) {
                result[index].equivalents.append(alias.name)
            }
        }
        return (result, unresolved)
    }

    /// `aliases` without those that name a template skipped for its shape.
    public static func dropping(_ unsupported: [TemplateName], from aliases: [TemplateAlias]) -> [TemplateAlias] {
        let skipped = Set(unsupported.map { TemplateKey.normalize($0.id) })
        return aliases.filter { !skipped.contains(TemplateKey.normalize($0.equivalent.id)) }
    }

    /// The error for an alias whose template does not exist.
    public var problem: LabelError { .unknownEquivalent(template: name.id, equivalent: equivalent.id) }
}

/// How template names are compared: case, spaces, the × sign and Cyrillic
/// look-alike letters (a Cyrillic х in `58х40`) do not matter,
/// so "l 7160", "L7160" and "63.5×38.1" match what people type.
public enum TemplateKey {
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text.lowercased() where !ch.isWhitespace {
            // `58х40` typed with a Cyrillic х is `58x40`, as look-alikes are in box codes.
            out.append(ch == "×" ? "x" : Crockford.cyrillicLookalikes[ch].map { Character($0.lowercased()) } ?? ch)
        }
        return out
    }
}
