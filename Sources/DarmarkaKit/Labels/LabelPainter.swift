import CCairo
import DarmarkaCore

/// The one drawing routine for every output: PDF, PNG and SVG differ only in
/// the surface and its scale. User space is millimetres on the page.
enum LabelPainter {
    /// `outline` is the label's shape when a cut line should be drawn.
    /// `stencil` draws the symbol as a 1-bit image mask (see `paintStencil`).
    static func paint(_ artwork: LabelArtwork, symbol: QRMatrix, outline: LabelTemplate.Shape?, fonts: LabelFonts,
                      stencil: Bool = false, on cr: OpaquePointer) {
        if let outline { paintOutline(artwork.geometry.label, shape: outline, on: cr) }
        if !stencil || !paintStencil(symbol, geometry: artwork.geometry, on: cr) {
            paintSymbol(symbol, geometry: artwork.geometry, on: cr)
        }
        paintText(artwork.texts, fonts: fonts, on: cr)
    }

    /// The symbol as a PDF stencil mask: one bit per module, scaled to the
    /// module size without interpolation, filled with black.
    ///
    /// It covers exactly the dots the rectangles would, but a PDF holds it as
    /// a few dozen bytes instead of a hundred paths of eight decimal numbers
    /// each; cairo's number formatting and zlib made PDF sheets about four
    /// times slower. `/ImageMask` with `/Interpolate false` is how PDFs have
    /// long carried 1-bit scans, so viewers and printers draw it crisply.
    /// Returns false, having drawn nothing, when cairo has no memory for the mask.
    @discardableResult
    static func paintStencil(_ symbol: QRMatrix, geometry g: LabelGeometry, on cr: OpaquePointer) -> Bool {
        let size = Int32(symbol.width)
        guard let mask = cairo_image_surface_create(CAIRO_FORMAT_A1, size, size) else { return false }
        defer { cairo_surface_destroy(mask) }
        guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(mask) else {
            return false
        }
        cairo_surface_flush(mask)
        let stride = Int(cairo_image_surface_get_stride(mask))
        // A1 packs pixels into native-endian 32-bit words, first pixel in the
        // least significant bit on little-endian machines, the most on big-endian.
        for y in 0..<symbol.width {
            for x in 0..<symbol.width where symbol[x: x, y: y] {
                #if _endian(little)
                data[y * stride + (x >> 3)] |= UInt8(1) << UInt8(x & 7)
                #else
                data[y * stride + (x >> 3)] |= UInt8(0x80) >> UInt8(x & 7)
                #endif
            }
        }
        cairo_surface_mark_dirty(mask)
        guard let pattern = cairo_pattern_create_for_surface(mask) else { return false }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_save(cr)
        cairo_translate(cr, Double(g.originDotX) * g.dot, Double(g.originDotY) * g.dot)
        cairo_scale(cr, g.module, g.module)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_mask(cr, pattern)
        cairo_restore(cr)
        return true
    }

    /// Modules as exact rectangles on the dot grid, filled as one path so
    /// that no seams appear between neighbours. No anti-aliasing: in a PNG a
    /// module is whole pixels or none.
    private static func paintSymbol(_ symbol: QRMatrix, geometry g: LabelGeometry, on cr: OpaquePointer) {
        let module = g.module
        let left = Double(g.originDotX) * g.dot, top = Double(g.originDotY) * g.dot
        cairo_save(cr)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_new_path(cr)
        for r in symbol.darkRectangles {
            cairo_rectangle(cr, left + Double(r.x) * module, top + Double(r.y) * module,
                            Double(r.width) * module, Double(r.height) * module)
        }
        cairo_fill(cr)
        cairo_restore(cr)
    }

    private static func paintText(_ runs: [TextRun], fonts: LabelFonts, on cr: OpaquePointer) {
        guard !runs.isEmpty else { return }
        cairo_save(cr)
        fonts.prepare(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for run in runs {
            cairo_set_font_face(cr, fonts.face(run.face))
            cairo_set_font_size(cr, run.size * Length.millimetresPerPoint)
            cairo_move_to(cr, run.x, run.baseline)
            cairo_show_text(cr, run.text)
        }
        cairo_restore(cr)
    }

    /// A hairline where the label will be cut, for previews on plain paper.
    private static func paintOutline(_ frame: PageRect, shape: LabelTemplate.Shape, on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
        cairo_set_line_width(cr, 0.1)
        cairo_new_path(cr)
        switch shape {
        case .round:
            cairo_arc(cr, frame.midX, frame.midY, min(frame.width, frame.height) / 2, 0, 2 * Double.pi)
        case .rectangle(let radius) where radius > 0:
            let r = min(radius, frame.width / 2, frame.height / 2)
            cairo_new_sub_path(cr)
            cairo_arc(cr, frame.maxX - r, frame.minY + r, r, -Double.pi / 2, 0)
            cairo_arc(cr, frame.maxX - r, frame.maxY - r, r, 0, Double.pi / 2)
            cairo_arc(cr, frame.minX + r, frame.maxY - r, r, Double.pi / 2, Double.pi)
            cairo_arc(cr, frame.minX + r, frame.minY + r, r, Double.pi, 3 * Double.pi / 2)
            cairo_close_path(cr)
        case .rectangle:
            cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
