/// The fingerprints of the journal rows imported before, as a multiset: a
/// row of a new file that matches one of them uses that one up, so that two
/// identical handouts on one day stay two rows, and a file that grew imports
/// exactly its new rows.
///
/// Kept as one sorted array and a bit per element, 8 bytes and a bit per row
/// imported before, rather than a dictionary of counts at several times that.
public struct EarlierRows: Sendable {
    private var prints: [UInt64]
    private var used: [UInt64]

    /// The fingerprints of earlier batches, in any order.
    public init(_ prints: [UInt64]) {
        self.prints = prints.sorted()
        used = [UInt64](repeating: 0, count: (prints.count + 63) / 64)
    }

    /// How many rows were imported before.
    public var count: Int { prints.count }

    /// Whether an unused earlier row has this fingerprint; if so, it is used up.
    public mutating func consume(_ print: UInt64) -> Bool {
        var low = 0, high = prints.count
        while low < high {
            let mid = (low + high) / 2
            if prints[mid] < print { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < prints.count, prints[i] == print {
            let word = i >> 6, bit = UInt64(1) << UInt64(i & 63)
            if used[word] & bit == 0 {
                used[word] |= bit
                return true
            }
            i += 1
        }
        return false
    }
}

/// How a batch's fingerprints are stored: 8 bytes each, little-endian, in
/// the order given.
public enum FingerprintBlob {
    /// How many fingerprints one blob holds at most, so that an import never
    /// keeps more than that many in memory.
    public static let chunk = 1 << 16

    /// The blob of `prints`, in their order.
    public static func encode(_ prints: [UInt64]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prints.count * 8)
        for p in prints {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: p >> UInt64(shift))) }
        }
        return bytes
    }

    /// The fingerprints, or nil when the length is not a multiple of 8.
    public static func decode(_ bytes: [UInt8]) -> [UInt64]? {
        guard bytes.count % 8 == 0 else { return nil }
        var prints: [UInt64] = []
        prints.reserveCapacity(bytes.count / 8)
        var i = 0
        while i < bytes.count {
            var p: UInt64 = 0
            for k in 0 ..< 8 { p |= UInt64(bytes[i + k]) << UInt64(8 * k) }
            prints.append(p)
            i += 8
        }
        return prints
    }
}
