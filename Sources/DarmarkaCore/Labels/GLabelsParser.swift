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
