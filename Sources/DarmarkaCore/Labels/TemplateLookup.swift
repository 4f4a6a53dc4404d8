/// Finding a template by what a person types: a part number with or without
/// its brand, any case, spaces or not, or an equivalent's name.
public enum TemplateLookup {
    /// The template named `name`. `tiers` are searched in order (the
    /// project's own templates before gLabels'), and a match in an earlier
    /// tier wins. Within a tier, a full "brand part" match beats a bare part;
    /// matches that differ in geometry are reported as ambiguous.
    public static func find(_ name: String, in tiers: [[LabelTemplate]]) throws -> LabelTemplate {
        let key = TemplateKey.normalize(name)
        for tier in tiers {
            var full: [LabelTemplate] = [], partOnly: [LabelTemplate] = []
            for template in tier {
                let names = [template.name] + template.equivalents
                if names.contains(where: { TemplateKey.normalize($0.id) == key }) { full.append(template) }
                else if names.contains(where: { TemplateKey.normalize($0.part) == key }) { partOnly.append(template) }
            }
            for matches in [full, partOnly] where !matches.isEmpty {
                var shapes: [Geometry: LabelTemplate] = [:]
                var distinct: [LabelTemplate] = []
                for match in matches where shapes.updateValue(match, forKey: Geometry(match)) == nil {
                    distinct.append(match)
                }
                guard distinct.count == 1, let only = distinct.first else {
                    throw LabelError.ambiguousTemplate(name, candidates: distinct.prefix(6).map(\.id))
                }
                return only
            }
        }
        let suggestions = search(name, in: tiers.flatMap { $0 }).prefix(5).map(\.id)
        throw LabelError.templateNotFound(name, suggestions: Array(suggestions))
    }

    /// Templates whose names, description or size contain every word of
    /// `text` (ignoring case), e.g. "avery 63.5x38.1" or "thermal".
    public static func search(_ text: String, in templates: [LabelTemplate]) -> [LabelTemplate] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { TemplateKey.normalize(String($0)) }
        return templates.filter { template in
            let haystack = TemplateKey.normalize(searchText(template))
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    private static func searchText(_ t: LabelTemplate) -> String {
        let names = ([t.name] + t.equivalents).map(\.id).joined(separator: " | ")
        return "\(names) | \(t.description) | \(format(t.labelWidth))x\(format(t.labelHeight)) | \(t.paper)"
    }

    /// Up to two decimals without trailing zeros: 63.5, 70, 42.43.
    public static func format(_ millimetres: Double) -> String {
        let hundredths = Int((millimetres * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Templates that print the same, to a hundredth of a millimetre.
    private struct Geometry: Hashable {
        let values: [Int]
        init(_ t: LabelTemplate) {
            var v = [t.pageWidth, t.pageHeight, t.labelWidth, t.labelHeight]
            for l in t.layouts { v += [Double(l.nx), Double(l.ny), l.x0, l.y0, l.dx, l.dy] }
            values = v.map { Int(($0 * 100).rounded()) }
        }
    }
}
