import CCairo
import DarmarkaCore

/// The one drawing routine for every surface: PDF and PNG differ only in
/// the surface and its scale. User space is millimetres on the page.
enum ReportPainter {
    static func paint(_ marks: [ReportMark], fonts: ReportFonts, on cr: OpaquePointer) {
        cairo_save(cr)
        fonts.prepare(cr)
        for mark in marks {
            switch mark {
            case .text(let s, let x, let baseline, let size, let bold, let c):
                cairo_set_source_rgb(cr, c.red, c.green, c.blue)
                cairo_set_font_face(cr, fonts.face(bold: bold))
                cairo_set_font_size(cr, size * Length.millimetresPerPoint)
                cairo_move_to(cr, x, baseline)
                cairo_show_text(cr, s)
            case .fill(let r, let c):
                cairo_set_source_rgb(cr, c.red, c.green, c.blue)
                cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                cairo_fill(cr)
            case .line(let x1, let y1, let x2, let y2, let width, let c):
                cairo_set_source_rgb(cr, c.red, c.green, c.blue)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, x1, y1)
                cairo_line_to(cr, x2, y2)
                cairo_stroke(cr)
            }
        }
        cairo_restore(cr)
    }
}

/// The surfaces a laid-out report is drawn on.
enum ReportSurface {
    /// Millimetres to PDF points, exactly: A4 is 595.28 × 841.89 pt.
    static let pointsPerMillimetre = 1 / Length.millimetresPerPoint

    static func pdf(_ document: ReportDocument, fonts: ReportFonts) throws -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let surface = try ReportCairo.pointer(cairo_pdf_surface_create_for_stream(
                appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                ReportDocument.pageWidth * pointsPerMillimetre, ReportDocument.pageHeight * pointsPerMillimetre))
            defer { cairo_surface_destroy(surface) }
            try ReportCairo.check(cairo_surface_status(surface))
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Darmarka")
            let cr = try ReportCairo.pointer(cairo_create(surface))
            defer { cairo_destroy(cr) }
            try ReportCairo.check(cairo_status(cr))
            cairo_scale(cr, pointsPerMillimetre, pointsPerMillimetre)
            for page in document.pages {
                ReportPainter.paint(page, fonts: fonts, on: cr)
                cairo_show_page(cr)
            }
            try ReportCairo.check(cairo_status(cr))
            cairo_surface_finish(surface)
            try ReportCairo.check(cairo_surface_status(surface))
            return sink.bytes
        }
    }

    static func png(_ document: ReportDocument, page: Int, dpi: Int, fonts: ReportFonts) throws -> [UInt8] {
        guard document.pages.indices.contains(page) else { throw ReportFileError.noSuchPage(page + 1, of: document.pages.count) }
        let perMillimetre = Double(dpi) / Length.millimetresPerInch
        let width = Int32((ReportDocument.pageWidth * perMillimetre).rounded(.up))
        let height = Int32((ReportDocument.pageHeight * perMillimetre).rounded(.up))
        let surface = try ReportCairo.pointer(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height))
        defer { cairo_surface_destroy(surface) }
        try ReportCairo.check(cairo_surface_status(surface))
        let cr = try ReportCairo.pointer(cairo_create(surface))
        defer { cairo_destroy(cr) }
        try ReportCairo.check(cairo_status(cr))
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, perMillimetre, perMillimetre)
        ReportPainter.paint(document.pages[page], fonts: fonts, on: cr)
        try ReportCairo.check(cairo_status(cr))
        cairo_surface_flush(surface)
        let png = CairoPNG.encode(surface, dpi: dpi)
        try ReportCairo.check(png.status)
        return png.bytes
    }
}
