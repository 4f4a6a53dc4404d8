import Testing
@testable import DarmarkaKit

/// `RowIDBits` against a plain `Set` on the same ids, in and out of its bits.
@Suite("Row id bits")
struct RowIDBitsTests {
    @Test(arguments: [Int64(0), 1, 63, 64, 1000, 1 << 30])
    func agreesWithASet(largest: Int64) {
        var bits = RowIDBits(largest: largest)
        var set = Set<Int64>()
        #expect(bits.isEmpty)
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            // Mostly ids up to `largest`, some past it, a few negative.
            let id = Int64(bitPattern: x % UInt64(max(2, largest * 2 + 2))) - (x % 97 == 0 ? 5 : 0)
            bits.insert(id)
            set.insert(id)
        }
        #expect(bits.count == set.count)
        for id in Int64(-10)...Int64(min(largest * 2 + 10, 5000)) {
            #expect(bits.contains(id) == set.contains(id), "\(id)")
        }
        for id in set { #expect(bits.contains(id)) }
    }

    @Test func countsEachIdOnce() {
        var bits = RowIDBits(largest: 100)
        for id: Int64 in [5, 5, 100, 101, 101, -1, -1, 0] { bits.insert(id) }
        #expect(bits.count == 5)
        #expect(bits.contains(0) && bits.contains(100) && bits.contains(101) && bits.contains(-1))
        #expect(!bits.contains(6) && !bits.contains(102) && !bits.contains(-2))
    }
}
