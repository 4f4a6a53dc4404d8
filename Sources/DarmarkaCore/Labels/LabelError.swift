/// What can go wrong with label templates and label sheets, in words a
/// volunteer can act on.
public enum LabelError: UserFacingError, Equatable {
    /// The file is not well-formed XML.
    case malformedTemplateFile(line: Int, fault: XMLFault)
    case missingAttribute(element: String, attribute: String, template: String)
    case badLength(attribute: String, value: String, template: String)
    case badNumber(attribute: String, value: String, template: String)
    case unknownPaperSize(String, template: String)
    case noLayout(template: String)
    /// CD and elliptical labels have no room for a square code and caption.
    case unsupportedShape(String, template: String)
    case unknownEquivalent(template: String, equivalent: String)
    case templateNotFound(String, suggestions: [String])
    case ambiguousTemplate(String, candidates: [String])
    case negativeSkip(Int)
    case skipFillsSheet(skip: Int, labelsPerPage: Int)
    /// Copies of each label, side by side: a roll of 1000 is a lot already;
    /// a million would be a file of gigabytes.
    static let maximumCopies = 1000
    case badCopies(Int)
    /// Not even the code itself fits on the label.
    case labelTooSmall(template: String, modules: Int)
}

/// Why an XML file could not be read.
public enum XMLFault: Localized, Equatable {
    case unreadable
    case notXML
    case endsEarly
    case unknownEntity
    case mismatchedTag
    /// Another libxml2 error, by number.
    case other(Int)
}
