import DarmarkaCore
import Foundation

/// The file formats labels can be drawn to.
public enum LabelFormat: String, CaseIterable, Sendable {
    /// Vector, exact millimetres; every page of a sheet in one file.
    case pdf
    /// One raster image per page at the chosen dpi.
    case png
    /// Vector, one file per page.
    case svg

    /// The format a file name asks for, by its extension.
    public init?(pathExtension: String) { self.init(rawValue: pathExtension.lowercased()) }
}

/// How to print a batch of labels.
public struct LabelRenderOptions: Sendable {
    /// Positions already used on the first sheet.
    public var skip: Int
    /// Copies of each label, printed next to each other.
    public var copies: Int
    public var errorCorrection: QRErrorCorrection
    /// The printer's resolution that modules are snapped to; nil means the
    /// template's (`LabelTemplate.defaultDPI`: 300 for sheets, the roll's own).
    public var dpi: Int?
    /// Draw each label's cut line, for previews on plain paper.
    public var outline: Bool
    /// Overwrite existing output files.
    public var force: Bool

    public init(skip: Int = 0, copies: Int = 1, errorCorrection: QRErrorCorrection = .quartile,
                dpi: Int? = nil, outline: Bool = false, force: Bool = false) {
        self.skip = skip; self.copies = copies; self.errorCorrection = errorCorrection
        self.dpi = dpi; self.outline = outline; self.force = force
    }
}

/// What was written.
public struct LabelRenderReport: Sendable {
    public var files: [URL]
    public var pages: Int
    /// Labels printed, copies included.
    public var labels: Int
    public var dpi: Int
    /// Each distinct warning once, in the order first met.
    public var warnings: [LabelWarning]
}

/// Draws labels onto sheets or rolls with libqrencode and cairo.
public enum LabelRenderer {
    /// Draws `labels` on `template` into `url`.
    ///
    /// PDF puts every page in `url`. PNG and SVG write one file per page:
    /// `url` itself for a single page, else `name-1.png`, `name-2.png`, ...
    /// Nothing is written unless all of it can be: pages go to temporary files
    /// that replace the targets only at the end. Existing files are kept
    /// unless `options.force` is set.
    ///
    /// - Parameter format: nil means by `url`'s extension.
    @discardableResult
    public static func render(_ labels: [LabelContent], on template: LabelTemplate,
                              options: LabelRenderOptions = LabelRenderOptions(),
                              to url: URL, format: LabelFormat? = nil) throws -> LabelRenderReport {
        guard !labels.isEmpty else { throw LabelRenderError.nothingToRender }
        guard let format = format ?? LabelFormat(pathExtension: url.pathExtension) else {
            throw LabelRenderError.unknownFormat(url.pathExtension)
        }
        let dpi = options.dpi ?? template.defaultDPI
        guard (72...2400).contains(dpi) else { throw LabelRenderError.badDPI(dpi) }

        let slots = try template.plan(count: labels.count, skip: options.skip, copies: options.copies)
        let pageCount = (slots.last?.page ?? 0) + 1
        let files = LabelOutput.files(for: url, format: format, pages: pageCount)
        try LabelOutput.checkWritable(files, force: options.force)

        let fonts = try LabelFonts()
        let pages = try layOut(labels, slots: slots, pageCount: pageCount, on: template, dpi: dpi,
                               errorCorrection: options.errorCorrection, fonts: fonts)
        let surface = LabelSurface(template: template, dpi: dpi, format: format)
        let outline = options.outline ? template.shape : nil
        try LabelOutput.write(files, surface: surface, pages: pageCount) { page, cr in
            for (artwork, symbol) in pages[page] {
                // PNG keeps exact rectangles of whole pixels, and SVG viewers
                // may smooth an enlarged image; a PDF gains most from the mask.
                LabelPainter.paint(artwork, symbol: symbol, outline: outline, fonts: fonts, stencil: format == .pdf, on: cr)
            }
        }

        var seen = Set<LabelWarning>()
        let warnings = pages.joined().flatMap(\.0.warnings).filter { seen.insert($0).inserted }
        return LabelRenderReport(files: files, pages: pageCount, labels: slots.count, dpi: dpi, warnings: warnings)
    }

    /// Everything decided before any drawing, so that a label that cannot be
    /// laid out stops the job before a file is touched.
    private static func layOut(_ labels: [LabelContent], slots: [LabelSlot], pageCount: Int,
                               on template: LabelTemplate, dpi: Int, errorCorrection: QRErrorCorrection,
                               fonts: LabelFonts) throws -> [[(LabelArtwork, QRMatrix)]] {
        let frames = template.labelFrames
        let policy = LabelLayoutPolicy.standard(for: template)
        var symbols: [Int: QRMatrix] = [:]
        var pages = [[(LabelArtwork, QRMatrix)]](repeating: [], count: pageCount)
        for slot in slots {
            let content = labels[slot.item]
            let symbol: QRMatrix
            if let known = symbols[slot.item] { symbol = known } else {
                symbol = try QRMatrix(encoding: content.payload, errorCorrection: errorCorrection)
                symbols[slot.item] = symbol
            }
            let geometry = try LabelGeometry.compute(frame: frames[slot.position], on: template, dpi: dpi,
                                                     modules: symbol.width, needs: LabelTextNeeds(content),
                                                     policy: policy)
            let artwork = LabelArtwork.compose(content, geometry: geometry, policy: policy, measure: fonts.measure)
            pages[slot.page].append((artwork, symbol))
        }
        return pages
    }
}
