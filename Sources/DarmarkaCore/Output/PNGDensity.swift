/// The pixel density of a PNG file: its `pHYs` chunk.
///
/// cairo writes PNG files without one, so a viewer or a print dialog guesses
/// 72 or 96 dpi and a 58 × 40 mm thermal label drawn at 203 dpi comes out
/// three times too large. With `pHYs` the file says how large it is meant to
/// be printed.
public enum PNGDensity {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let inchesPerMetre = 39.3700787

    /// The same PNG with a `pHYs` chunk for `dpi` right after its header (the
    /// format wants it before the image data), replacing any there was.
    /// Bytes that are not a PNG starting with its header come back unchanged.
    public static func stamped(_ png: [UInt8], dpi: Int) -> [UInt8] {
        guard let chunks = chunks(of: png), let header = chunks.first, header.type == "IHDR", dpi > 0 else { return png }
        let perMetre = UInt32((Double(dpi) * inchesPerMetre).rounded())
        var data = bigEndian(perMetre) + bigEndian(perMetre)
        data.append(1) // the unit is the metre
        var out = Array(png[..<header.end])
        out += chunk("pHYs", data)
        for c in chunks.dropFirst() where c.type != "pHYs" { out += png[c.start..<c.end] }
        out += png[(chunks.last?.end ?? png.count)...]
        return out
    }

    /// The density a PNG declares, in dots per inch, if it declares one in metres.
    public static func dpi(of png: [UInt8]) -> Double? {
        guard let phys = chunks(of: png)?.first(where: { $0.type == "pHYs" }), phys.length == 9 else { return nil }
        let d = phys.start + 8
        guard png[d + 8] == 1 else { return nil }
        let x = png[d..<d + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Double(x) / inchesPerMetre
    }

    /// A chunk's place in the file: from its length field to the end of its CRC.
    struct Chunk {
        let type: String
        let length: Int
        let start: Int
        var end: Int { start + 12 + length }
    }

    /// The chunks, in order, or nil if the bytes are not a whole PNG.
    static func chunks(of png: [UInt8]) -> [Chunk]? {
        guard png.count >= signature.count, Array(png[..<signature.count]) == signature else { return nil }
        var chunks: [Chunk] = []
        var i = signature.count
        while i + 12 <= png.count {
            let length = Int(png[i..<i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length <= png.count - i - 12 else { return nil }
            let type = String(decoding: png[i + 4..<i + 8], as: UTF8.self)
            chunks.append(Chunk(type: type, length: length, start: i))
            i += 12 + length
            if type == "IEND" { break }
        }
        return chunks.isEmpty ? nil : chunks
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(CRC32.checksum(body))
    }

    static func bigEndian(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }
}

/// CRC-32 as PNG (and zip, and zlib) compute it: polynomial 0xEDB88320, reflected.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { c, b in table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    }
}
