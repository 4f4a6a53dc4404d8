import Foundation

/// One `<Template>` as it is read, element by element.
struct TemplateDraft {
    enum Outcome {
        case template(LabelTemplate, aliases: [TemplateAlias])
        case alias(TemplateAlias)
        case problem(LabelError)
    }

    let attributes: [String: String]
    let name: TemplateName
    private var label: (element: String, attributes: [String: String])?
    private var markupMargin: String?
    private var layouts: [[String: String]] = []
    private var aliasNames: [TemplateName] = []

    init(attributes: [String: String]) {
        self.attributes = attributes
        if let brand = attributes["brand"], let part = attributes["part"] {
            name = TemplateName(brand: brand, part: part)
        } else {
            name = Self.splitName(attributes["name"] ?? "")
        }
    }

    /// gLabels 2 wrote `name="Avery 5160"`: brand, a space, the part.
    static func splitName(_ full: String) -> TemplateName {
        let trimmed = full.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return TemplateName(brand: "", part: trimmed) }
        return TemplateName(brand: String(trimmed[..<space]),
                            part: trimmed[space...].trimmingCharacters(in: .whitespaces))
    }

    mutating func add(element: String, attributes: [String: String]) {
        switch element {
        case "Label-rectangle", "Label-round", "Label-cd", "Label-ellipse":
            if label == nil { label = (element, attributes) }
        case "Markup-margin":
            if markupMargin == nil { markupMargin = attributes["size"] }
        case "Layout":
            layouts.append(attributes)
        case "Alias":
            if let alias = attributes["name"] { aliasNames.append(Self.splitName(alias)) }
            else if let part = attributes["part"] {
                aliasNames.append(TemplateName(brand: attributes["brand"] ?? name.brand, part: part))
            }
        default:
            break
        }
    }

    func finish() -> Outcome {
        do {
            if let equivalent = attributes["equiv"] {
                return .alias(TemplateAlias(name: name, equivalent: TemplateName(brand: name.brand, part: equivalent)))
            }
            let template = try build()
            let aliases = aliasNames.map { TemplateAlias(name: $0, equivalent: name) }
            return .template(template, aliases: aliases)
        } catch {
            return .problem(error)
        }
    }

    private func build() throws(LabelError) -> LabelTemplate {
        let id = name.id
        guard !name.part.isEmpty else {
            throw LabelError.missingAttribute(element: "Template", attribute: "part", template: id)
        }
        guard let label else { throw LabelError.noLayout(template: id) }

        let labelWidth: Double, labelHeight: Double, shape: LabelTemplate.Shape
        switch label.element {
        case "Label-rectangle":
            labelWidth = try length("width", in: label.attributes, of: label.element)
            labelHeight = try length("height", in: label.attributes, of: label.element)
            let radius = try length("round", in: label.attributes, of: label.element, default: 0)
            shape = .rectangle(cornerRadius: min(radius, labelWidth / 2, labelHeight / 2))
        case "Label-round":
            labelWidth = 2 * (try length("radius", in: label.attributes, of: label.element))
            labelHeight = labelWidth
            shape = .round
        default:
            throw LabelError.unsupportedShape(String(label.element.dropFirst("Label-".count)), template: id)
        }
        guard labelWidth > 0, labelHeight > 0 else {
            throw LabelError.badLength(attribute: "width", value: label.attributes["width"] ?? "", template: id)
        }

        let margin = try markupMargin.map { (size) throws(LabelError) in
            try parseLength(size, attribute: "Markup-margin size")
        } ?? 0
        var parsedLayouts: [LabelTemplate.Layout] = []
        for attrs in layouts { parsedLayouts.append(try layout(attrs, labelWidth: labelWidth, labelHeight: labelHeight)) }
        guard !parsedLayouts.isEmpty else { throw LabelError.noLayout(template: id) }

        let isRoll = attributes["media"]?.lowercased() == "roll" || attributes["size"]?.lowercased() == "roll"
        let kind: LabelTemplate.Kind = isRoll ? .roll(dpi: try count("dpi", in: attributes, of: "Template",
                                                                     default: GLabelsParser.defaultRollDPI)) : .sheet
        let (paper, pageWidth, pageHeight) = try page(isRoll: isRoll, labelWidth: labelWidth, labelHeight: labelHeight)

        return LabelTemplate(name: name, description: attributes["_description"] ?? attributes["description"] ?? "",
                             paper: paper, pageWidth: pageWidth, pageHeight: pageHeight,
                             labelWidth: labelWidth, labelHeight: labelHeight, shape: shape,
                             markupMargin: max(0, margin), layouts: parsedLayouts, kind: kind)
    }

    private func page(isRoll: Bool, labelWidth: Double, labelHeight: Double) throws(LabelError) -> (String, Double, Double) {
        let size = attributes["size"] ?? (isRoll ? "roll" : "")
        switch size.lowercased() {
        case "":
            throw LabelError.missingAttribute(element: "Template", attribute: "size", template: name.id)
        case "other", "roll":
            if isRoll, attributes["width"] == nil, attributes["height"] == nil {
                return (size, labelWidth, labelHeight)
            }
            let width = try length("width", in: attributes, of: "Template")
            let height = try length("height", in: attributes, of: "Template")
            guard width > 0, height > 0 else {
                throw LabelError.badLength(attribute: "width", value: attributes["width"] ?? "", template: name.id)
            }
            return (size, width, height)
        default:
            guard let paper = PaperSize.named(size) else { throw LabelError.unknownPaperSize(size, template: name.id) }
            return (paper.id, paper.width, paper.height)
        }
    }

    private func layout(_ attrs: [String: String], labelWidth: Double, labelHeight: Double) throws(LabelError) -> LabelTemplate.Layout {
        LabelTemplate.Layout(
            nx: try count("nx", in: attrs, of: "Layout", default: 1),
            ny: try count("ny", in: attrs, of: "Layout", default: 1),
            x0: try length("x0", in: attrs, of: "Layout", default: 0),
            y0: try length("y0", in: attrs, of: "Layout", default: 0),
            // A single column or row has no pitch; the label's size stands in.
            dx: try length("dx", in: attrs, of: "Layout", default: labelWidth),
            dy: try length("dy", in: attrs, of: "Layout", default: labelHeight))
    }

    private func length(_ key: String, in attrs: [String: String], of element: String,
                        default fallback: Double? = nil) throws(LabelError) -> Double {
        // Some gLabels files write x0="" for 0.
        guard let text = attrs[key], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            if let fallback { return fallback }
            throw LabelError.missingAttribute(element: element, attribute: key, template: name.id)
        }
        return try parseLength(text, attribute: key)
    }

    private func parseLength(_ text: String, attribute: String) throws(LabelError) -> Double {
        guard let mm = Length.millimetres(gLabels: text) else {
            throw LabelError.badLength(attribute: attribute, value: text, template: name.id)
        }
        return mm
    }

    private func count(_ key: String, in attrs: [String: String], of element: String, default fallback: Int) throws(LabelError) -> Int {
        guard let text = attrs[key] else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
            throw LabelError.badNumber(attribute: key, value: text, template: name.id)
        }
        return value
    }
}
