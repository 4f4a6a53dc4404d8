import CCairo
import Foundation
import Testing

/// The command-line tools the label tests check output with.
enum LabelTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String, package: String
        var description: String { "\(tool) is not installed: apt-get install \(package) (scripts/test installs it)" }
    }

    struct Failed: Error, CustomStringConvertible {
        let command: String, status: Int32, stderr: String
        var description: String { "\(command) exited with \(status): \(stderr)" }
    }

    static let packages = ["pdftoppm": "poppler-utils", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
                           "zbarimg": "zbar-tools"]

    /// The tool's path from PATH; a missing tool fails the test, never skips it.
    static func locate(_ tool: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(tool: tool, package: packages[tool] ?? tool)
    }

    /// Runs a tool; returns its exit status and standard output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], allowedStatuses: Set<Int32> = [0]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try locate(tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot stall the tool.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard allowedStatuses.contains(process.terminationStatus) else {
            throw Failed(command: ([tool] + arguments).joined(separator: " "), status: process.terminationStatus,
                         stderr: String(decoding: errors, as: UTF8.self))
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Decodes the QR codes in a PNG with zbar; empty when none is found.
    static func decode(_ png: URL) throws -> [String] {
        // zbarimg exits 4 when it finds no symbol.
        let result = try run("zbarimg", ["-q", "--raw", png.path], allowedStatuses: [0, 4])
        return result.output.split(separator: "\n").map(String.init)
    }

    struct CropFailed: Error { let path: String }

    /// Cuts a rectangle (in pixels) out of a PNG into a new PNG, with cairo.
    static func crop(_ png: URL, x: Int, y: Int, width: Int, height: Int, to output: URL) throws {
        guard let source = cairo_image_surface_create_from_png(png.path),
              cairo_surface_status(source) == CAIRO_STATUS_SUCCESS else { throw CropFailed(path: png.path) }
        defer { cairo_surface_destroy(source) }
        guard let target = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw CropFailed(path: output.path)
        }
        defer { cairo_surface_destroy(target) }
        guard let cr = cairo_create(target) else { throw CropFailed(path: output.path) }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_surface(cr, source, Double(-x), Double(-y))
        cairo_paint(cr)
        cairo_surface_flush(target)
        guard cairo_surface_write_to_png(target, output.path) == CAIRO_STATUS_SUCCESS else {
            throw CropFailed(path: output.path)
        }
    }

    /// The pixel size of a PNG.
    static func size(of png: URL) throws -> (width: Int, height: Int) {
        guard let surface = cairo_image_surface_create_from_png(png.path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw CropFailed(path: png.path) }
        defer { cairo_surface_destroy(surface) }
        return (Int(cairo_image_surface_get_width(surface)), Int(cairo_image_surface_get_height(surface)))
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("darmarka-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
