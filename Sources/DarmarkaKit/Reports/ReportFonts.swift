import CCairo
import DarmarkaCore

/// DejaVu Sans, regular and bold, through cairo's toy font API: it covers
/// Cyrillic, and cairo embeds it in a PDF as real, searchable text.
///
/// Metrics are unhinted so that widths scale exactly with the size: the
/// layout measures in ems once and the drawing on any surface matches it.
final class ReportFonts {
    private let regular: OpaquePointer
    private let bold: OpaquePointer
    private let options: OpaquePointer
    private let scratchSurface: OpaquePointer
    private let scratch: OpaquePointer
    private var ems: [Bool: [String: Double]] = [:]
    /// Measured at a large size so that rounding inside cairo stays negligible.
    private let measureSize = 100.0

    init() throws {
        // Statuses are checked only once every property is set, so that a
        // failure still runs deinit and frees what was made.
        regular = try ReportCairo.pointer(cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                                                     CAIRO_FONT_WEIGHT_NORMAL))
        bold = try ReportCairo.pointer(cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                                                  CAIRO_FONT_WEIGHT_BOLD))
        options = try ReportCairo.pointer(cairo_font_options_create())
        scratchSurface = try ReportCairo.pointer(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1))
        scratch = try ReportCairo.pointer(cairo_create(scratchSurface))
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(scratch, options)
        try ReportCairo.check(cairo_font_face_status(regular))
        try ReportCairo.check(cairo_font_face_status(bold))
        try ReportCairo.check(cairo_status(scratch))
    }

    deinit {
        cairo_destroy(scratch)
        cairo_surface_destroy(scratchSurface)
        cairo_font_options_destroy(options)
        cairo_font_face_destroy(bold)
        cairo_font_face_destroy(regular)
    }

    func face(bold isBold: Bool) -> OpaquePointer { isBold ? bold : regular }

    /// Prepares a drawing context to render text exactly as it was measured.
    func prepare(_ cr: OpaquePointer) { cairo_set_font_options(cr, options) }

    /// The advance width of `text` in millimetres at `size` points.
    func width(_ text: String, size: Double, bold isBold: Bool = false) -> Double {
        em(text, bold: isBold) * size * Length.millimetresPerPoint
    }

    private func em(_ text: String, bold isBold: Bool) -> Double {
        if let known = ems[isBold]?[text] { return known }
        cairo_set_font_face(scratch, face(bold: isBold))
        cairo_set_font_size(scratch, measureSize)
        var extents = cairo_text_extents_t()
        cairo_text_extents(scratch, text, &extents)
        let width = extents.x_advance / measureSize
        ems[isBold, default: [:]][text] = width
        return width
    }
}

/// cairo reports failures through status codes and hands out inert "nil
/// objects" rather than NULL, but the importer cannot know that.
enum ReportCairo {
    static func pointer(_ pointer: OpaquePointer?) throws -> OpaquePointer {
        guard let pointer else { throw ReportFileError.drawingFailed("out of memory") }
        return pointer
    }

    static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReportFileError.drawingFailed(String(cString: cairo_status_to_string(status)))
        }
    }
}
