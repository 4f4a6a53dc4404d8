/// Stock of one box and category as kilograms are valued: how many items,
/// and what they weigh by moving average.
public struct ValuedStock: Sendable, Equatable {
    public var quantity: Int
    public var grams: Int64
    public init(quantity: Int = 0, grams: Int64 = 0) { self.quantity = quantity; self.grams = grams }

    /// The grams an outflow of `quantity` items takes from this stock.
    ///
    /// Volunteers rarely weigh what leaves, so kilograms are valued by
    /// moving average, as inventory accounting values stock:
    /// - taking every item there is (or more, which only happens for a
    ///   moment inside a day) takes all the grams: an emptied box holds 0 kg;
    /// - a weighed outflow takes its weight, but never more than the stock holds;
    /// - an unweighed outflow takes `quantity` × the stock's average weight,
    ///   in whole grams rounded half up (exact, in 128-bit arithmetic).
    /// The stock's grams are never below zero, so neither is the result.
    public func outflow(quantity: Int, weighed: Int64?) -> Int64 {
        let available = max(grams, 0)
        guard quantity > 0 else { return 0 }
        if quantity >= self.quantity { return available }
        if let weighed { return min(max(weighed, 0), available) }
        // available × quantity / self.quantity, half up; the product may not fit 64 bits.
        let product = available.multipliedFullWidth(by: Int64(quantity))
        let divisor = Int64(self.quantity)
        let (q, r) = divisor.dividingFullWidth(product)
        return r * 2 >= divisor ? q + 1 : q
    }

    /// Takes `quantity` items weighing `grams` out: grams as `outflow` gave
    /// them, which never leave fewer than zero.
    public mutating func remove(quantity: Int, grams: Int64) {
        self.quantity -= quantity
        self.grams -= grams
    }

    /// Puts `quantity` items weighing `grams` in.
    public mutating func add(quantity: Int, grams: Int64) {
        self.quantity += quantity
        self.grams += grams
    }
}

/// One line of the ledger as the valuation reads it. Reversed movements and
/// their undos are left out: an undone movement is valued as if it had never
/// been, and the undo puts back exactly the kilograms it took.
public struct ValuationLine: Sendable, Equatable {
    /// The box things leave (handout, transfer, write-off, shortage).
    public var from: RowID?
    /// The box things enter (intake, transfer, surplus).
    public var to: RowID?
    public var category: RowID
    public var quantity: Int
    /// The weight written on the line, if it was weighed.
    public var weighed: Int64?
    public init(from: RowID?, to: RowID?, category: RowID, quantity: Int, weighed: Int64?) {
        self.from = from; self.to = to; self.category = category; self.quantity = quantity; self.weighed = weighed
    }

    /// What the line moves when nothing is estimated: its own weight, or 0.
    public var recorded: Int64 { weighed ?? 0 }
}

/// Kilograms valued by moving average per box and category, replayed line by
/// line in the ledger's order: by date, then by movement number, then by line.
///
/// A line into a box without a source (intake, surplus) adds its weight, or
/// nothing when unweighed: received kilograms are only ever what was weighed.
/// A line out of a box takes `ValuedStock.outflow`; a transfer carries those
/// grams into the receiving box.
public struct KilogramValuation: Sendable {
    /// A box and a category.
    public struct Key: Hashable, Sendable {
        public var box: RowID
        public var category: RowID
        public init(box: RowID, category: RowID) { self.box = box; self.category = category }
    }

    public private(set) var stocks: [Key: ValuedStock] = [:]

    public init() {}

    /// Whether this box and category have been seen (opened or moved).
    public func knows(_ key: Key) -> Bool { stocks[key] != nil }

    /// Sets the stock a box and category held before the first line replayed.
    public mutating func open(_ key: Key, with stock: ValuedStock) { stocks[key] = stock }

    /// Replays one line and returns the grams it moved: out of `from` (and
    /// into `to`, for a transfer), or into `to` for an intake or surplus.
    /// Boxes never opened start empty.
    @discardableResult
    public mutating func apply(_ line: ValuationLine) -> Int64 {
        if let from = line.from {
            let key = Key(box: from, category: line.category)
            var stock = stocks[key] ?? ValuedStock()
            let grams = stock.outflow(quantity: line.quantity, weighed: line.weighed)
            stock.remove(quantity: line.quantity, grams: grams)
            stocks[key] = stock
            if let to = line.to { stocks[Key(box: to, category: line.category), default: ValuedStock()].add(quantity: line.quantity, grams: grams) }
            return grams
        }
        guard let to = line.to else { return 0 }
        stocks[Key(box: to, category: line.category), default: ValuedStock()].add(quantity: line.quantity, grams: line.recorded)
        return line.recorded
    }
}
