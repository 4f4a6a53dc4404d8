import CCairo
import DarmarkaCore

/// A QR symbol alone as a PNG picture: a day pass's link, to show on a
/// screen or print on any paper. The symbol is the labels' own (`QRMatrix`,
/// libqrencode) and the PNG their encoder's (cairo, `CairoPNG`).
public enum QRPicture {
    /// PNG bytes of `text` as a QR symbol: `module` pixels a module and the
    /// standard quiet zone of four modules, black on white, no anti-aliasing.
    public static func png(_ text: String, module: Int = 8, errorCorrection: QRErrorCorrection = .medium) throws -> [UInt8] {
        let symbol = try QRMatrix(encoding: text, errorCorrection: errorCorrection)
        let quiet = 4
        let side = Int32((symbol.width + 2 * quiet) * module)
        let surface = try Cairo.pointer(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), path: "QR")
        defer { cairo_surface_destroy(surface) }
        let cr = try Cairo.pointer(cairo_create(surface), path: "QR")
        defer { cairo_destroy(cr) }
        try Cairo.check(cairo_status(cr), path: "QR")
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for r in symbol.darkRectangles {
            cairo_rectangle(cr, Double((quiet + r.x) * module), Double((quiet + r.y) * module),
                            Double(r.width * module), Double(r.height * module))
        }
        cairo_fill(cr)
        cairo_surface_flush(surface)
        // 8 pixels a module at 96 dpi is about 2 mm a module: easy for any phone's camera.
        let png = CairoPNG.encode(surface, dpi: 96)
        try Cairo.check(png.status, path: "QR")
        return png.bytes
    }
}
