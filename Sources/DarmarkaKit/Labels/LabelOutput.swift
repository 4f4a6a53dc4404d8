import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Output file names and all-or-nothing writing.
enum LabelOutput {
    /// One file for PDF or a single page; `name-1.ext`, `name-2.ext`, ... otherwise.
    static func files(for url: URL, format: LabelFormat, pages: Int) -> [URL] {
        guard format != .pdf, pages > 1 else { return [url] }
        let base = url.deletingPathExtension()
        let ext = url.pathExtension
        return (1...pages).map { page in
            let numbered = base.deletingLastPathComponent().appendingPathComponent("\(base.lastPathComponent)-\(page)")
            return ext.isEmpty ? numbered : numbered.appendingPathExtension(ext)
        }
    }

    static func checkWritable(_ files: [URL], force: Bool) throws {
        let manager = FileManager.default
        for file in files {
            let directory = file.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LabelRenderError.noSuchDirectory(directory)
            }
            if try OutputFile.exists(file.path), !force { throw LabelRenderError.outputExists(file.path) }
        }
    }

    /// Draws every page into temporary files beside the targets, then moves
    /// them into place, so a failure halfway leaves no half-written output.
    /// `shown` are the names the user knows the files by, for messages.
    static func write(_ files: [URL], shown: [URL]? = nil, surface: LabelSurface, pages: Int,
                      draw: (Int, OpaquePointer) -> Void) throws {
        let shown = (shown ?? files).map(\.path)
        let temporaries = files.map(temporary(for:))
        defer { for temp in temporaries { unlink(temp.path) } }
        let title = "Darmarka: \(surface.template.id)"
        switch surface.format {
        case .pdf:
            try surface.writeVector(to: temporaries[0].path, shownAs: shown[0], pages: 0..<pages, title: title, draw: draw)
        case .svg:
            for (page, temp) in temporaries.enumerated() {
                try surface.writeVector(to: temp.path, shownAs: shown[page], pages: page..<(page + 1), title: title, draw: draw)
            }
        case .png:
            for (page, temp) in temporaries.enumerated() {
                try surface.writeRaster(to: temp.path, shownAs: shown[page], page: page, draw: draw)
            }
        }
        for (temp, file) in zip(temporaries, files) { try OutputFile.moveIntoPlace(temp.path, file.path) }
    }

    private static func temporary(for file: URL) -> URL {
        file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
    }
}
