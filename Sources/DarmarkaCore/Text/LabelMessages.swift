/// The words of label templates, label sheets and label files: what went
/// wrong and what was still printed.

extension LabelError {
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

extension XMLFault {
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

extension LabelWarning {
    public var phrase: Phrase {
        switch self {
        case .smallModules(let dots, let dpi):
            Phrase(ru: "Модуль QR-кода всего \(dots) точ. при \(dpi) dpi (нужно от 4): код может плохо читаться; возьмите этикетку больше",
                   en: "QR modules are only \(dots) dots at \(dpi) dpi (4 or more advised): the code may scan poorly; use larger labels")
        case .textDropped(let text):
            Phrase(ru: "Не хватило места для «\(text)», надпись не напечатана",
                   en: "No room for “\(text)”; it was left off")
        case .textShortened(let text):
            Phrase(ru: "Надпись «\(text)» не поместилась и обрезана",
                   en: "“\(text)” did not fit and was shortened")
        }
    }
}

/// What can go wrong while drawing labels to a file (`LabelRenderError`
/// in DarmarkaKit says it in these words).
public enum LabelRenderWords {
    public static let nothingToRender = Phrase(ru: "Нет ни одной этикетки для печати", en: "There are no labels to print")
    public static let emptyPayload = Phrase(ru: "Пустой текст для QR-кода", en: "The QR code's text is empty")
    public static func payloadTooLong(_ bytes: Int) -> Phrase {
        Phrase(ru: "Текст для QR-кода слишком длинный (\(bytes) байт)", en: "The QR code's text is too long (\(bytes) bytes)")
    }
    public static func payloadNotEncodable(_ text: String) -> Phrase {
        Phrase(ru: "Не получается закодировать в QR «\(text)»", en: "Cannot encode “\(text)” as a QR code")
    }
    public static func unknownFormat(_ ext: String) -> Phrase {
        Phrase(ru: "Неизвестный формат «\(ext)»: можно pdf, png или svg", en: "Unknown format “\(ext)”: use pdf, png or svg")
    }
    public static func badDPI(_ dpi: Int) -> Phrase {
        Phrase(ru: "Разрешение \(dpi) dpi вне допустимого (72–2400)", en: "\(dpi) dpi is out of range (72–2400)")
    }
    /// cairo's own words in `detail`.
    public static func drawingFailed(path: String, detail: String) -> Phrase {
        Phrase(ru: "Не удалось записать \(path): \(detail)", en: "Could not write \(path): \(detail)")
    }
}

/// What can go wrong while making a report file (`ReportFileError` in
/// DarmarkaKit says it in these words).
public enum ReportFileWords {
    public static func drawingFailed(_ detail: String) -> Phrase {
        Phrase(ru: "Не удалось нарисовать PDF-отчёт: \(detail)", en: "Could not draw the PDF report: \(detail)")
    }
    public static func spreadsheetFailed(_ detail: String) -> Phrase {
        Phrase(ru: "Не удалось создать файл Excel: \(detail)", en: "Could not make the Excel file: \(detail)")
    }
    public static func noSuchPage(_ page: Int, of count: Int) -> Phrase {
        Phrase(ru: "В отчёте нет страницы \(page): их \(count)", en: "The report has no page \(page): it has \(count)")
    }
    public static func badDPI(_ dpi: Int) -> Phrase {
        Phrase(ru: "Разрешение \(dpi) dpi вне допустимого (36–600)", en: "\(dpi) dpi is out of range (36–600)")
    }
}
