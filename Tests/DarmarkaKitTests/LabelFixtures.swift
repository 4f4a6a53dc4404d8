import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

enum LabelFixtures {
    /// The repository's `labels/` folder.
    static let labelsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labels")

    struct Unreadable: Error { let path: String }

    /// A PNG's pixels as 0...255 grey (the green channel; labels are black on white).
    static func greyPixels(of png: URL) throws -> (values: [UInt8], width: Int) {
        guard let surface = cairo_image_surface_create_from_png(png.path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw Unreadable(path: png.path) }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw Unreadable(path: png.path) }
        var values = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                // Native-endian 32-bit pixels: green is bits 8...15.
                let pixel = data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                values[y * width + x] = UInt8((pixel >> 8) & 0xFF)
            }
        }
        return (values, width)
    }

    static func isWellFormedXML(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        return parser.parse() && parser.parserError == nil
    }
}

