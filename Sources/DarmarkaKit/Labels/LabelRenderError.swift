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
        case .nothingToRender: LabelRenderWords.nothingToRender
        case .emptyPayload: LabelRenderWords.emptyPayload
        case .payloadTooLong(let bytes): LabelRenderWords.payloadTooLong(bytes)
        case .payloadNotEncodable(let text): LabelRenderWords.payloadNotEncodable(text)
        case .unknownFormat(let ext): LabelRenderWords.unknownFormat(ext)
        case .badDPI(let dpi): LabelRenderWords.badDPI(dpi)
        // The same situations as the ledger's own output files, in the same words.
        case .outputExists(let path): LedgerProblem.outputExists(path).phrase
        case .noSuchDirectory(let path): LedgerProblem.noSuchFolder(path).phrase
        case .drawingFailed(let path, let detail): LabelRenderWords.drawingFailed(path: path, detail: detail)
        }
    }
}
