import CQRencode
import DarmarkaCore
import Foundation

/// QR error-correction levels. Q is the default: in scuff tests it survived
/// damage nearly as well as H, and a short upper-case code stays version 1.
public enum QRErrorCorrection: String, CaseIterable, Sendable {
    case low = "L", medium = "M", quartile = "Q", high = "H"

    var level: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}

/// A QR symbol as plain Swift values, made by libqrencode.
public struct QRMatrix: Hashable, Sendable {
    public let version: Int
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    public subscript(x x: Int, y y: Int) -> Bool { modules[y * width + x] }

    /// Encodes `text` as UTF-8, letting libqrencode pick numeric,
    /// alphanumeric or byte mode per segment so upper-case codes stay small.
    public init(encoding text: String, errorCorrection: QRErrorCorrection = .quartile) throws {
        guard !text.isEmpty else { throw LabelRenderError.emptyPayload }
        // A C string ends at NUL; encoding the part before it would be silently wrong.
        guard !text.utf8.contains(0) else { throw LabelRenderError.payloadNotEncodable(text) }
        // The C pointer never leaves this scope: it is copied out and freed.
        let symbol = text.withCString { QRcode_encodeString($0, 0, errorCorrection.level, QR_MODE_8, 1) }
        guard let symbol else {
            throw errno == ERANGE ? LabelRenderError.payloadTooLong(text.utf8.count)
                                  : LabelRenderError.payloadNotEncodable(text)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        version = Int(symbol.pointee.version)
        self.width = width
        // Bit 0 is the module's colour; the other bits are libqrencode's bookkeeping.
        modules = data.map { $0 & 1 == 1 }
    }

    /// A rectangle of modules: column, row, and size in modules.
    public struct ModuleRect: Hashable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int
    }

    /// The dark modules as non-overlapping rectangles that cover them
    /// exactly: each row's runs of dark modules, with a run that repeats in
    /// the next row merged into one taller rectangle. A third fewer shapes
    /// than plain runs, so PDFs are smaller and written faster.
    public var darkRectangles: [ModuleRect] {
        var rectangles: [ModuleRect] = []
        rectangles.reserveCapacity(width * 4)
        // Runs of the previous row, by start and end, to the rectangle they extend.
        var open: [Int: Int] = [:], next: [Int: Int] = [:]
        for y in 0..<width {
            next.removeAll(keepingCapacity: true)
            var x = 0
            while x < width {
                guard modules[y * width + x] else { x += 1; continue }
                let start = x
                while x < width, modules[y * width + x] { x += 1 }
                let key = start * (width + 1) + x
                if let index = open[key] {
                    rectangles[index].height += 1
                    next[key] = index
                } else {
                    next[key] = rectangles.count
                    rectangles.append(ModuleRect(x: start, y: y, width: x - start, height: 1))
                }
            }
            swap(&open, &next)
        }
        return rectangles
    }
}
