/// One line of a movement: so many things of one category.
public struct LineDraft: Sendable, Equatable {
    public var categoryID: RowID
    public var quantity: Int
    public var grams: Grams?
    public var condition: Condition?
    public init(categoryID: RowID, quantity: Int, grams: Grams? = nil, condition: Condition? = nil) {
        self.categoryID = categoryID; self.quantity = quantity; self.grams = grams; self.condition = condition
    }
}

/// A movement about to be recorded. Boxes, categories and people are already
/// resolved to row ids; `Ledger.check` says whether it makes sense.
public struct MovementDraft: Sendable, Equatable {
    public var kind: MovementKind
    public var date: LocalDate
    public var time: LocalTime?
    /// The box things leave: handout, transfer, write-off, a shortage found by a count.
    public var fromBox: RowID?
    /// The box things enter: intake, transfer, a surplus found by a count.
    public var toBox: RowID?
    public var recipientID: RowID?
    public var eventID: RowID?
    public var volunteerID: RowID?
    public var note: String?
    public var lines: [LineDraft]
    /// The movement this one undoes; it then counts with the opposite sign.
    public var reverses: RowID?
    public var importID: RowID?

    public init(kind: MovementKind, date: LocalDate, time: LocalTime? = nil, fromBox: RowID? = nil,
                toBox: RowID? = nil, recipientID: RowID? = nil, eventID: RowID? = nil,
                volunteerID: RowID? = nil, note: String? = nil, lines: [LineDraft],
                reverses: RowID? = nil, importID: RowID? = nil) {
        self.kind = kind; self.date = date; self.time = time; self.fromBox = fromBox; self.toBox = toBox
        self.recipientID = recipientID; self.eventID = eventID; self.volunteerID = volunteerID
        self.note = note; self.lines = lines; self.reverses = reverses; self.importID = importID
    }

    /// +1 for an ordinary movement, −1 for a reversal.
    public var sign: Int { reverses == nil ? 1 : -1 }
}

/// A change of stock in one box and category on one day.
public struct StockDelta: Sendable, Hashable {
    public var box: RowID
    public var category: RowID
    public var quantity: Int
    public var grams: Int64
    public init(box: RowID, category: RowID, quantity: Int, grams: Int64) {
        self.box = box; self.category = category; self.quantity = quantity; self.grams = grams
    }
}

/// The ledger's arithmetic: what a movement does to stock.
public enum Ledger {
    /// Problems with the shape of a movement, before any stock is looked at.
    public static func check(_ m: MovementDraft) -> LedgerProblem? {
        if m.lines.isEmpty { return .noLines }
        if let note = m.note {
            do { _ = try FreeText.note(note) } catch let problem as LedgerProblem { return problem } catch { return .unexpected("\(error)") }
        }
        if let bad = m.lines.first(where: { $0.quantity <= 0 || $0.quantity > Quantity.maximum }) {
            return .badQuantity(String(bad.quantity))
        }
        if m.lines.contains(where: { ($0.grams?.value ?? 0) < 0 }) { return .badWeight("<0") }
        switch m.kind {
        case .intake where m.toBox == nil || m.fromBox != nil,
             .handout where m.fromBox == nil || m.toBox != nil,
             .writeoff where m.fromBox == nil || m.toBox != nil,
             .transfer where m.fromBox == nil || m.toBox == nil,
             .adjustment where (m.fromBox == nil) == (m.toBox == nil):
            return .boxesDoNotFit(m.kind)
        default: break
        }
        if m.kind == .transfer, m.fromBox == m.toBox { return .transferToSameBox }
        if m.kind != .handout, m.recipientID != nil || m.eventID != nil { return .recipientOnlyOnHandout }
        return nil
    }

    /// The net change per box and category, lines of the same category summed.
    public static func deltas(of m: MovementDraft) -> [StockDelta] {
        var sums: [StockDelta] = []
        func add(_ box: RowID, _ line: LineDraft, _ sign: Int) {
            let q = sign * line.quantity
            let g = Int64(sign) * (line.grams?.value ?? 0)
            if let i = sums.firstIndex(where: { $0.box == box && $0.category == line.categoryID }) {
                sums[i].quantity += q; sums[i].grams += g
            } else {
                sums.append(StockDelta(box: box, category: line.categoryID, quantity: q, grams: g))
            }
        }
        for line in m.lines {
            if let from = m.fromBox { add(from, line, -m.sign) }
            if let to = m.toBox { add(to, line, m.sign) }
        }
        return sums
    }

    /// The lowest stock a box and category will have on any day from `date`
    /// on, if `delta` is applied on `date`.
    ///
    /// Stock is kept per day: `current` is today's balance and `later` the net
    /// change of each day on or after `date`, in ascending order of day. Going
    /// backwards from now gives the balance at the end of each of those days
    /// without reading the history before `date`.
    public static func lowestBalance(current: Int, delta: Int, date: LocalDate,
                                     later: [(day: LocalDate, quantity: Int)]) -> (day: LocalDate, quantity: Int) {
        var changeAfter = 0
        var lowest: (day: LocalDate, quantity: Int)?
        func consider(_ day: LocalDate, _ quantity: Int) {
            if let l = lowest, l.quantity < quantity { return }
            lowest = (day, quantity)
        }
        for entry in later.reversed() {
            consider(entry.day, current - changeAfter + delta)
            changeAfter += entry.quantity
        }
        if later.first?.day != date { consider(date, current - changeAfter + delta) }
        return lowest ?? (date, current + delta)
    }
}
