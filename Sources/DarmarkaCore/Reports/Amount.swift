/// Items and their weight.
public struct Amount: Sendable, Equatable, AdditiveArithmetic {
    public var items: Int
    public var grams: Int64
    /// Items whose weight is known.
    public var weighed: Int
    /// The part of `grams` estimated by moving average, not weighed.
    public var estimated: Int64
    public init(items: Int = 0, grams: Int64 = 0, weighed: Int = 0, estimated: Int64 = 0) {
        self.items = items; self.grams = grams; self.weighed = weighed; self.estimated = estimated
    }
    public static let zero = Amount()
    public static func + (a: Amount, b: Amount) -> Amount {
        Amount(items: a.items + b.items, grams: a.grams + b.grams, weighed: a.weighed + b.weighed, estimated: a.estimated + b.estimated)
    }
    public static func - (a: Amount, b: Amount) -> Amount {
        Amount(items: a.items - b.items, grams: a.grams - b.grams, weighed: a.weighed - b.weighed, estimated: a.estimated - b.estimated)
    }
    public var kg: Grams { Grams(grams) }
    public var kgEstimated: Grams { Grams(estimated) }
    /// Items with no kilograms known at all: shown as «не взвешено», not as 0.
    public var isUnweighed: Bool { items != 0 && grams == 0 }
    init(_ row: FlowRow) { self.init(items: row.items, grams: row.grams, weighed: row.weighed, estimated: row.estimated) }
}
