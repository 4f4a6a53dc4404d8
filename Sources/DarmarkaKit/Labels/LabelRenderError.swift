import DarmarkaCore

/// What can go wrong while drawing labels to a file.
public enum LabelRenderError: UserFacingError, Equatable {
    case nothingToRender
    case emptyPayload
    case payloadTooLong(Int)
    case payloadNotEncodable(String)
    case unknownFormat(String)
    case badDPI(Int)
    case outputExists(String)
    case noSuchDirectory(String)
    /// cairo could not draw or write; the detail is cairo's own words.
    case drawingFailed(path: String, detail: String)

    public var phrase: Phrase {
        switch self {
        case .nothingToRender:
            Phrase(ru: "Нет ни одной этикетки для печати", en: "There are no labels to print")
        case .emptyPayload:
            Phrase(ru: "Пустой текст для QR-кода", en: "The QR code's text is empty")
        case .payloadTooLong(let bytes):
            Phrase(ru: "Текст для QR-кода слишком длинный (\(bytes) байт)",
                   en: "The QR code's text is too long (\(bytes) bytes)")
        case .payloadNotEncodable(let text):
            Phrase(ru: "Не получается закодировать в QR «\(text)»", en: "Cannot encode “\(text)” as a QR code")
        case .unknownFormat(let ext):
            Phrase(ru: "Неизвестный формат «\(ext)»: можно pdf, png или svg",
                   en: "Unknown format “\(ext)”: use pdf, png or svg")
        case .badDPI(let dpi):
            Phrase(ru: "Разрешение \(dpi) dpi вне допустимого (72–2400)", en: "\(dpi) dpi is out of range (72–2400)")
        case .outputExists(let path):
            Phrase(ru: "Файл \(path) уже есть; чтобы перезаписать, добавьте --force",
                   en: "\(path) already exists; add --force to overwrite it")
        case .noSuchDirectory(let path):
            Phrase(ru: "Папки \(path) нет", en: "The folder \(path) does not exist")
        case .drawingFailed(let path, let detail):
            Phrase(ru: "Не удалось записать \(path): \(detail)", en: "Could not write \(path): \(detail)")
        }
    }
}
