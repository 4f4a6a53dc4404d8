/// Windows-1251, the encoding Excel in Russian uses for CSV files.
public enum CP1251 {
    /// The Unicode scalars of bytes 0x80...0xBF; 0xC0...0xFF are А...я in order.
    /// 0x98 is unassigned; it is read as U+0098, as browsers do.
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ] + (0x0410 ... 0x044F).map { UInt16($0) }

    /// The scalar value a byte stands for.
    @inline(__always)
    static func scalar(_ byte: UInt8) -> UInt16 {
        byte < 0x80 ? UInt16(byte) : upperHalf[Int(byte &- 0x80)]
    }

    /// Every byte means some character, so decoding cannot fail.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Each byte becomes at most three bytes of UTF-8.
        String(unsafeUninitializedCapacity: bytes.count * 3) { out in
            var n = 0
            for byte in bytes {
                let s = scalar(byte)
                if s < 0x80 {
                    out[n] = UInt8(s); n += 1
                } else if s < 0x800 {
                    out[n] = 0xC0 | UInt8(s >> 6)
                    out[n + 1] = 0x80 | UInt8(s & 0x3F); n += 2
                } else {
                    out[n] = 0xE0 | UInt8(s >> 12)
                    out[n + 1] = 0x80 | UInt8((s >> 6) & 0x3F)
                    out[n + 2] = 0x80 | UInt8(s & 0x3F); n += 3
                }
            }
            return n
        }
    }

    public static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// The Windows-1251 bytes of `text`, or nil if it has a character the
    /// encoding lacks. Used to write journals for Excel and to make test files.
    public static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 { out.append(UInt8(scalar.value)); continue }
            guard let byte = reverse[scalar.value] else { return nil }
            out.append(byte)
        }
        return out
    }

    private static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, s) in upperHalf.enumerated() { map[UInt32(s)] = UInt8(0x80 + i) }
        return map
    }()
}
