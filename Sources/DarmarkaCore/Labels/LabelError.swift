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

    public var phrase: Phrase {
        switch self {
        case .malformedTemplateFile(let line, let fault):
            Phrase(ru: "Файл шаблона испорчен (строка \(line)): \(fault.phrase.ru)",
                   en: "The template file is malformed (line \(line)): \(fault.phrase.en)")
        case .missingAttribute(let element, let attribute, let template):
            Phrase(ru: "В шаблоне «\(template)» у <\(element)> нет атрибута \(attribute)",
                   en: "Template “\(template)”: <\(element)> has no \(attribute) attribute")
        case .badLength(let attribute, let value, let template):
            Phrase(ru: "В шаблоне «\(template)» \(attribute)=\"\(value)\" — не длина (пример: 63.5mm)",
                   en: "Template “\(template)”: \(attribute)=\"\(value)\" is not a length (e.g. 63.5mm)")
        case .badNumber(let attribute, let value, let template):
            Phrase(ru: "В шаблоне «\(template)» \(attribute)=\"\(value)\" — не целое положительное число",
                   en: "Template “\(template)”: \(attribute)=\"\(value)\" is not a positive whole number")
        case .unknownPaperSize(let size, let template):
            Phrase(ru: "В шаблоне «\(template)» неизвестный размер бумаги «\(size)»; укажите size=\"Other\" с width и height",
                   en: "Template “\(template)”: unknown paper size “\(size)”; use size=\"Other\" with width and height")
        case .noLayout(let template):
            Phrase(ru: "В шаблоне «\(template)» нет ни одного <Layout> — неизвестно, где этикетки",
                   en: "Template “\(template)” has no <Layout>, so label positions are unknown")
        case .unsupportedShape(let shape, let template):
            Phrase(ru: "Шаблон «\(template)» пропущен: этикетки формы \(shape) не поддерживаются",
                   en: "Template “\(template)” skipped: \(shape) labels are not supported")
        case .unknownEquivalent(let template, let equivalent):
            Phrase(ru: "Шаблон «\(template)» ссылается на неизвестный шаблон «\(equivalent)»",
                   en: "Template “\(template)” refers to an unknown template “\(equivalent)”")
        case .templateNotFound(let name, let suggestions):
            suggestions.isEmpty
                ? Phrase(ru: "Шаблон этикеток «\(name)» не найден; список: darmarka labels templates",
                         en: "Label template “\(name)” not found; see darmarka labels templates")
                : Phrase(ru: "Шаблон этикеток «\(name)» не найден; может быть, \(suggestions.joined(separator: ", "))?",
                         en: "Label template “\(name)” not found; did you mean \(suggestions.joined(separator: ", "))?")
        case .ambiguousTemplate(let name, let candidates):
            Phrase(ru: "«\(name)» подходит к нескольким шаблонам: \(candidates.joined(separator: ", ")); укажите марку",
                   en: "“\(name)” matches several templates: \(candidates.joined(separator: ", ")); add the brand")
        case .negativeSkip(let skip):
            Phrase(ru: "Число пропускаемых этикеток не может быть отрицательным (\(skip))",
                   en: "The number of labels to skip cannot be negative (\(skip))")
        case .skipFillsSheet(let skip, let perPage):
            Phrase(ru: "Пропустить \(skip) нельзя: на листе всего \(perPage) \(plural(perPage, "этикетка", "этикетки", "этикеток")); возьмите новый лист",
                   en: "Cannot skip \(skip): a sheet holds only \(perPage) labels; use a fresh sheet")
        case .badCopies(let copies):
            Phrase(ru: "Число копий — от 1 до \(LabelError.maximumCopies), а не \(copies)",
                   en: "The number of copies must be from 1 to \(LabelError.maximumCopies), not \(copies)")
        case .labelTooSmall(let template, let modules):
            Phrase(ru: "QR-код (\(modules)×\(modules) модулей) не помещается на этикетку «\(template)»; возьмите этикетку больше или код короче",
                   en: "The QR code (\(modules)×\(modules) modules) does not fit on “\(template)” labels; use larger labels or a shorter payload")
        }
    }
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

    public var phrase: Phrase {
        switch self {
        case .unreadable: Phrase(ru: "файл не читается", en: "the file cannot be read")
        case .notXML: Phrase(ru: "файл пуст или это не XML", en: "the file is empty or not XML")
        case .endsEarly: Phrase(ru: "файл обрывается", en: "the file ends too early")
        case .unknownEntity: Phrase(ru: "неизвестная сущность &...;", en: "unknown entity &...;")
        case .mismatchedTag: Phrase(ru: "закрывающий тег не совпадает с открывающим",
                                    en: "a closing tag does not match its opening tag")
        case .other(let code): Phrase(ru: "ошибка XML \(code)", en: "XML error \(code)")
        }
    }
}
