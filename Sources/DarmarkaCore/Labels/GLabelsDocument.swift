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

    public init(templates: [LabelTemplate] = [], aliases: [TemplateAlias] = [], problems: [LabelError] = []) {
        self.templates = templates; self.aliases = aliases; self.problems = problems
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
        return (templates, problems + unresolved)
    }
}

extension TemplateAlias {
    /// Adds each alias to its template's `equivalents`. An alias names a
    /// part of its own brand first; failing that, a part of any brand, since
    /// look-alike sheets are sold under several brands.
    public static func attach(_ aliases: [TemplateAlias], to templates: [LabelTemplate])
        -> (templates: [LabelTemplate], problems: [LabelError]) {
        var result = templates
        var problems: [LabelError] = []
        var byPart: [String: [Int]] = [:]
        for (index, template) in templates.enumerated() {
            byPart[TemplateKey.normalize(template.part), default: []].append(index)
        }
        for alias in aliases {
            let candidates = byPart[TemplateKey.normalize(alias.equivalent.part)] ?? []
            let brand = TemplateKey.normalize(alias.equivalent.brand)
            let target = candidates.first { TemplateKey.normalize(templates[$0].brand) == brand }
                ?? candidates.first
            guard let index = target else {
                problems.append(.unknownEquivalent(template: alias.name.id, equivalent: alias.equivalent.id))
                continue
            }
            if alias.name != result[index].name, !result[index].equivalents.contains(alias.name) {
                result[index].equivalents.append(alias.name)
            }
        }
        return (result, problems)
    }
}

/// How template names are compared: case, spaces and the × sign do not matter,
/// so "l 7160", "L7160" and "63.5×38.1" match what people type.
public enum TemplateKey {
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text.lowercased() where !ch.isWhitespace {
            out.append(ch == "×" ? "x" : ch)
        }
        return out
    }
}
