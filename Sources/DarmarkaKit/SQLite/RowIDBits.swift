/// A set of row ids kept as bits. Ids of an `INTEGER PRIMARY KEY` table are
/// dense, and a year's report puts tens of thousands of recipients into such
/// a set: a bit each costs far less than hashing each into a `Set`. Ids past
/// the bits (or all of them, for a table whose largest id is absurd) go into
/// an ordinary set, so the answer is always right.
struct RowIDBits {
    private var words: [UInt64]
    private var others: Set<Int64> = []
    private(set) var count = 0

    /// Bits for ids 0 … `largest`, up to 2^26 of them (8 MiB).
    init(largest: Int64) {
        let bits = largest >= 0 && largest < 1 << 26 ? Int(largest) + 1 : 0
        words = Array(repeating: 0, count: (bits + 63) / 64)
    }

    mutating func insert(_ id: Int64) {
        guard id >= 0, Int(id >> 6) < words.count else {
            if others.insert(id).inserted { count += 1 }
            return
        }
        let i = Int(id >> 6), bit = UInt64(1) << UInt64(id & 63)
        if words[i] & bit == 0 {
            words[i] |= bit
            count += 1
        }
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id >> 6) < words.count else { return others.contains(id) }
        return words[Int(id >> 6)] & UInt64(1) << UInt64(id & 63) != 0
    }

    var isEmpty: Bool { count == 0 }
}
