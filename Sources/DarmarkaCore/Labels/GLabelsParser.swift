import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads gLabels template XML into `LabelTemplate` values.
///
/// Darmarka's own extension, in any namespace prefix (by convention
/// `xmlns:darmarka="https://darmarka.org/xmlns/labels/1"`), marks thermal rolls:
/// `<Template ... darmarka:media="roll" darmarka:dpi="203">`. A roll's page is
/// the label itself; `dpi` defaults to 203, the common thermal resolution.
enum GLabelsParser {
    static let defaultRollDPI = 203

    static func parse(_ data: Data) throws -> GLabelsDocument {
        let parser = XMLParser(data: data)
        // Prefixes are stripped by hand: gLabels files appear both with and
        // without the gLabels namespace, and only local names matter here.
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let reader = TemplateReader()
        parser.delegate = reader
        // On Linux parse() can return true after an error (a truncated
        // file, a mismatched tag), so the error itself is what counts.
        let succeeded = parser.parse()
        if let failure = reader.failure ?? (succeeded ? nil : (parser.lineNumber, parser.parserError)) {
            throw LabelError.malformedTemplateFile(line: failure.line, fault: describe(failure.error))
        }
        return reader.document
    }

    /// XMLParser's codes are libxml2's numbers on every platform, but
    /// corelibs-foundation's `ErrorCode` enum is off by one, so match numbers.
    private static func describe(_ error: Error?) -> XMLFault {
        guard let code = (error as NSError?)?.code else { return .other(0) }
        switch code {
        case 4: return .notXML
        case 5: return .endsEarly
        case 26: return .unknownEntity
        case 76: return .mismatchedTag
        default: return .other(code)
        }
    }
}

/// The XMLParser delegate. It lives only for one synchronous parse.
private final class TemplateReader: NSObject, XMLParserDelegate {
    var document = GLabelsDocument()
    /// The first error and the line it was found on.
    private(set) var failure: (line: Int, error: Error?)?
    private var current: TemplateDraft?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = (parser.lineNumber, parseError) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let element = localName(elementName)
        var attrs: [String: String] = [:]
        for (key, value) in attributes where !key.hasPrefix("xmlns") { attrs[localName(key)] = value }
        if element == "Template" {
            current = TemplateDraft(attributes: attrs)
            return
        }
        current?.add(element: element, attributes: attrs)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard localName(elementName) == "Template", let draft = current else { return }
        current = nil
        switch draft.finish() {
        case .template(let template, let aliases):
            document.templates.append(template)
            document.aliases += aliases
        case .alias(let alias):
            document.aliases.append(alias)
        case .problem(let problem):
            document.problems.append(problem)
            if case .unsupportedShape = problem { document.unsupported.append(draft.name) }
        }
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// One `<Template>` as it is read, element by element.
private struct TemplateDraft {
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
