import CCairo
import DarmarkaCore

/// The label fonts, through cairo's toy font API, and their measurements.
///
/// Metrics are unhinted so that advance widths scale exactly with size: the
/// layout measures once in ems and the drawing at any size and on any surface
/// matches it.
final class LabelFonts {
    private let caption: OpaquePointer
    private let code: OpaquePointer
    private let options: OpaquePointer
    private let scratchSurface: OpaquePointer
    private let scratch: OpaquePointer
    private var widths: [TextFace: [String: Double]] = [:]
    /// Measure at a large size so that rounding inside cairo stays negligible.
    private let measureSize = 100.0

    init() throws {
        // Statuses are checked only once every property is set, so that a
        // failure still runs deinit and frees what was made.
        caption = try Cairo.pointer(cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                                               CAIRO_FONT_WEIGHT_NORMAL), path: "DejaVu Sans")
        code = try Cairo.pointer(cairo_toy_font_face_create("DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL,
                                                            CAIRO_FONT_WEIGHT_BOLD), path: "DejaVu Sans Mono")
        options = try Cairo.pointer(cairo_font_options_create(), path: "fonts")
        scratchSurface = try Cairo.pointer(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1), path: "fonts")
        scratch = try Cairo.pointer(cairo_create(scratchSurface), path: "fonts")
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(scratch, options)
        try Cairo.check(cairo_font_face_status(caption), path: "DejaVu Sans")
        try Cairo.check(cairo_font_face_status(code), path: "DejaVu Sans Mono")
        try Cairo.check(cairo_status(scratch), path: "fonts")
    }

    deinit {
        cairo_destroy(scratch)
        cairo_surface_destroy(scratchSurface)
        cairo_font_options_destroy(options)
        cairo_font_face_destroy(code)
        cairo_font_face_destroy(caption)
    }

    func face(_ face: TextFace) -> OpaquePointer { face == .code ? code : caption }

    /// Prepares a drawing context to render text exactly as it was measured.
    func prepare(_ cr: OpaquePointer) { cairo_set_font_options(cr, options) }

    /// The advance width of `text` in ems.
    func measure(_ text: String, _ face: TextFace) -> Double {
        if let known = widths[face]?[text] { return known }
        cairo_set_font_face(scratch, self.face(face))
        cairo_set_font_size(scratch, measureSize)
        var extents = cairo_text_extents_t()
        cairo_text_extents(scratch, text, &extents)
        let width = extents.x_advance / measureSize
        widths[face, default: [:]][text] = width
        return width
    }
}
