import CCairo
import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A page of a template as a cairo surface of one format, with user space
/// in millimetres.
struct LabelSurface {
    let template: LabelTemplate
    let dpi: Int
    let format: LabelFormat

    private var points: (width: Double, height: Double) {
        (template.pageWidth / Length.millimetresPerPoint, template.pageHeight / Length.millimetresPerPoint)
    }

    /// Whole pixels; a fraction of a pixel left over at the page's edge stays white.
    var pixels: (width: Int32, height: Int32) {
        let perMillimetre = Double(dpi) / Length.millimetresPerInch
        return (Int32((template.pageWidth * perMillimetre).rounded(.up)),
                Int32((template.pageHeight * perMillimetre).rounded(.up)))
    }

    /// Device units per millimetre: points for vector output, pixels for PNG.
    private var scale: Double {
        format == .png ? Double(dpi) / Length.millimetresPerInch : 1 / Length.millimetresPerPoint
    }

    /// Writes a vector document of `pages` pages (PDF), or one page (SVG), to `path`.
    ///
    /// cairo draws into memory and the bytes are written with `DurableFile`:
    /// cairo's own file stream ignored a failed flush at close, so a full
    /// disk gave a PDF of 0 bytes and a status of success.
    func writeVector(to path: String, shownAs: String, pages: Range<Int>, title: String,
                     draw: (Int, OpaquePointer) -> Void) throws {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        try withExtendedLifetime(sink) {
            let surface = try Cairo.pointer(format == .pdf
                ? cairo_pdf_surface_create_for_stream(appendToSink, closure, points.width, points.height)
                : cairo_svg_surface_create_for_stream(appendToSink, closure, points.width, points.height), path: shownAs)
            defer { cairo_surface_destroy(surface) }
            if format == .pdf {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Darmarka")
            }
            let cr = try Cairo.pointer(cairo_create(surface), path: shownAs)
            defer { cairo_destroy(cr) }
            try Cairo.check(cairo_status(cr), path: shownAs)
            cairo_scale(cr, scale, scale)
            for page in pages {
                cairo_save(cr)
                draw(page, cr)
                cairo_restore(cr)
                cairo_show_page(cr)
            }
            try Cairo.check(cairo_status(cr), path: shownAs)
            cairo_surface_finish(surface)
            try Cairo.check(cairo_surface_status(surface), path: shownAs)
        }
        try DurableFile.create(path, with: sink.bytes, shownAs: shownAs, mode: OutputFile.Audience.people.mode)
    }

    /// Rasterises one page and writes it as PNG to `path`.
    func writeRaster(to path: String, shownAs: String, page: Int, draw: (Int, OpaquePointer) -> Void) throws {
        let surface = try Cairo.pointer(cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels.width, pixels.height),
                                        path: path)
        defer { cairo_surface_destroy(surface) }
        let cr = try Cairo.pointer(cairo_create(surface), path: path)
        defer { cairo_destroy(cr) }
        try Cairo.check(cairo_status(cr), path: path)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        draw(page, cr)
        cairo_surface_flush(surface)
        let png = CairoPNG.encode(surface, dpi: dpi)
        try Cairo.check(png.status, path: shownAs)
        try DurableFile.create(path, with: png.bytes, shownAs: shownAs, mode: OutputFile.Audience.people.mode)
    }
}

/// cairo reports failures through status codes and never returns NULL
/// (it hands out an inert "nil object" instead), but the importer cannot know.
enum Cairo {
    static func pointer(_ pointer: OpaquePointer?, path: String) throws -> OpaquePointer {
        guard let pointer else { throw LabelRenderError.drawingFailed(path: path, detail: "out of memory") }
        return pointer
    }

    static func check(_ status: cairo_status_t, path: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LabelRenderError.drawingFailed(path: path, detail: String(cString: cairo_status_to_string(status)))
        }
    }
}
