import Testing
@testable import DarmarkaCore

@Suite("Kilograms by moving average")
struct KilogramValuationTests {
    static let coats: RowID = 6
    static func line(from: RowID? = nil, to: RowID? = nil, _ quantity: Int, kg grams: Int64? = nil) -> ValuationLine {
        ValuationLine(from: from, to: to, category: coats, quantity: quantity, weighed: grams)
    }
    static func stock(_ v: KilogramValuation, _ box: RowID) -> ValuedStock? { v.stocks[.init(box: box, category: coats)] }

    /// The hand-worked case: 5 coats, 10 kg; 3 leave unweighed, 1 moves, the last leaves.
    @Test func anUnweighedOutflowTakesItsShareAndAnEmptiedBoxHoldsNothing() {
        var v = KilogramValuation()
        #expect(v.apply(Self.line(to: 1, 5, kg: 10_000)) == 10_000)
        #expect(v.apply(Self.line(from: 1, 3)) == 6_000)
        #expect(Self.stock(v, 1) == ValuedStock(quantity: 2, grams: 4_000))
        #expect(v.apply(Self.line(from: 1, to: 2, 1)) == 2_000)
        #expect(Self.stock(v, 2) == ValuedStock(quantity: 1, grams: 2_000))
        #expect(v.apply(Self.line(from: 1, 1)) == 2_000)
        #expect(Self.stock(v, 1) == ValuedStock(quantity: 0, grams: 0))
    }

    /// 10 kg in 3 coats: 3 333,3 g a coat, rounded half up; emptying takes the rest exactly.
    @Test func sharesRoundHalfUpAndTheLastTakesTheRest() {
        let s = ValuedStock(quantity: 3, grams: 10_000)
        #expect(s.outflow(quantity: 1, weighed: nil) == 3_333)
        #expect(s.outflow(quantity: 2, weighed: nil) == 6_667)
        #expect(s.outflow(quantity: 3, weighed: nil) == 10_000)
        #expect(ValuedStock(quantity: 4, grams: 6_286).outflow(quantity: 1, weighed: nil) == 1_572)
        var v = KilogramValuation()
        v.apply(Self.line(to: 1, 3, kg: 10_000))
        let taken = (0..<3).map { _ in v.apply(Self.line(from: 1, 1)) }
        #expect(taken == [3_333, 3_334, 3_333])
        #expect(Self.stock(v, 1)?.grams == 0)
    }

    @Test func aWeighedOutflowTakesItsWeightButNeverMoreThanTheStock() {
        let s = ValuedStock(quantity: 4, grams: 2_000)
        #expect(s.outflow(quantity: 1, weighed: 700) == 700)
        #expect(s.outflow(quantity: 1, weighed: 5_000) == 2_000)
        // Emptying takes what is there, whatever the scales said.
        #expect(s.outflow(quantity: 4, weighed: 1_500) == 2_000)
        #expect(ValuedStock(quantity: 2, grams: 0).outflow(quantity: 1, weighed: nil) == 0)
    }

    @Test func unweighedThingsAddNoKilograms() {
        var v = KilogramValuation()
        #expect(v.apply(Self.line(to: 1, 5)) == 0)
        #expect(v.apply(Self.line(to: 1, 5, kg: 10_000)) == 10_000)
        // The average is over all ten coats.
        #expect(v.apply(Self.line(from: 1, 5)) == 5_000)
    }

    /// Grams a hundred tonnes each, times a million items, do not fit in 64 bits.
    @Test func largeStocksAreExact() {
        let s = ValuedStock(quantity: 1_000_000, grams: 9_000_000_000_000_000)
        #expect(s.outflow(quantity: 999_999, weighed: nil) == 8_999_991_000_000_000)
    }
}
