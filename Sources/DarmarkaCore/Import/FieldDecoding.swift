extension CSVEncoding {
    /// The text of a field's bytes, or nil if they are not valid in this
    /// encoding (only UTF-8 can be invalid).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Most fields are plain ASCII, which reads the same in both encodings
        // and needs no validation.
        var any: UInt8 = 0
        for b in bytes { any |= b }
        if any < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8: return validUTF8(bytes)
        case .cp1251: return CP1251.decode(bytes)
        }
    }

    /// `String(validating:)` checks the bytes twice; decoding with repair
    /// checks them once, and a repair shows as a U+FFFD (EF BF BD) that the
    /// bytes did not have. Only text that has an EF byte of its own (rare in
    /// journals: no Cyrillic letter has one) takes the slow way.
    private func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(0xEF) else { return String(validating: bytes, as: UTF8.self) }
        var text = String(decoding: bytes, as: UTF8.self)
        let repaired = text.withUTF8 { $0.contains(0xEF) }
        return repaired ? nil : text
    }
}

/// Whether `bytes` are valid UTF-8, allowing the last character to be cut
/// off at the end (a sample of a file may end in the middle of one).
func isValidUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 { i += 1; continue }
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch b {
        case 0xC2 ... 0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
        case 0xE0 ... 0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
        case 0xF0 ... 0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
        default: return false
        }
        var k = 1
        while k < length {
            // A character cut off by the end of the sample is fine.
            guard i + k < n else { return true }
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return false }
            scalar = scalar << 6 | UInt32(c & 0x3F)
            k += 1
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if scalar < minimum || (0xD800 ... 0xDFFF).contains(scalar) || scalar > 0x10FFFF { return false }
        i += length
    }
    return true
}
