import Foundation
import Testing
@testable import DarmarkaKit

/// A small, seeded generator, so a failing sequence can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random sequences of movements and undos against a model of the ledger
/// kept in plain Swift: the store must accept exactly what the model says
/// keeps every day's stock at zero or above, and end with the same stock.
@Suite("Ledger properties")
struct LedgerPropertyTests {
    struct Model {
        /// (box, category) → day number → net change.
        var days: [[Int64]: [Int: Int]] = [:]
        var applied: [RowID: (day: Int, deltas: [StockDelta])] = [:]
        var undone: Set<RowID> = []

        /// Stock is kept per day: what counts is the balance at the end of
        /// each day from `day` on.
        func fits(_ deltas: [StockDelta], on day: Int) -> Bool {
            for d in deltas where d.quantity < 0 {
                let changes = days[[d.box, d.category]] ?? [:]
                var running = changes.filter { $0.key < day }.values.reduce(0, +) + d.quantity
                let later = Set(changes.keys.filter { $0 >= day }).union([day]).sorted()
                for t in later {
                    running += changes[t] ?? 0
                    if running < 0 { return false }
                }
            }
            return true
        }

        mutating func apply(_ deltas: [StockDelta], on day: Int) {
            for d in deltas { days[[d.box, d.category], default: [:]][day, default: 0] += d.quantity }
        }

        func stock(_ box: RowID, _ category: RowID) -> Int { days[[box, category]]?.values.reduce(0, +) ?? 0 }

        /// Movements as recorded, for the kilograms: replayed at the end.
        var drafts: [RowID: (day: Int, draft: MovementDraft)] = [:]

        /// Kilograms by moving average, worked out here on their own: every
        /// movement not undone, by day and then number; an outflow takes all
        /// when it empties, its weight if weighed (at most what is there),
        /// else its share rounded half up. Box and category → (items, grams).
        func kilograms() -> [[Int64]: (items: Int, grams: Int64)] {
            var stock: [[Int64]: (items: Int, grams: Int64)] = [:]
            let live = drafts.filter { !undone.contains($0.key) }.sorted { ($0.value.day, $0.key) < ($1.value.day, $1.key) }
            for (_, entry) in live {
                for line in entry.draft.lines {
                    var grams = line.grams?.value ?? 0
                    if let from = entry.draft.fromBox {
                        let s = stock[[from, line.categoryID]] ?? (0, 0)
                        if line.quantity >= s.items { grams = s.grams }
                        else if line.grams != nil { grams = min(grams, s.grams) }
                        else { grams = (s.grams * Int64(line.quantity) * 2 + Int64(s.items)) / (2 * Int64(s.items)) }
                        stock[[from, line.categoryID]] = (s.items - line.quantity, s.grams - grams)
                    }
                    if let to = entry.draft.toBox {
                        let s = stock[[to, line.categoryID]] ?? (0, 0)
                        stock[[to, line.categoryID]] = (s.items + line.quantity, s.grams + grams)
                    }
                }
            }
            return stock
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func storeAgreesWithTheModel(seed: UInt64) throws {
        var rng = SplitMix64(state: seed)
        let f = try Fixture()
        let third = try f.store.write { tx in try tx.addBox(centre: try tx.addCentre(code: "MAT", name: "Матмасы", address: nil), name: "M", kind: .collection) }
        let boxes = [f.a.id, f.b.id, third.id]
        let categories = try ["shoes", "toys", "kids", "books"].map { try f.category($0).id }
        let start = LocalDate(year: 2026, month: 9, day: 20)!
        var model = Model()
        var accepted = 0, refused = 0
        for _ in 0..<250 {
            let day = Int.random(in: 0..<90, using: &rng)
            let date = start.adding(days: day)
            let box = boxes.randomElement(using: &rng)!
            let category = categories.randomElement(using: &rng)!
            let quantity = Int.random(in: 1...6, using: &rng)
            let grams = Bool.random(using: &rng) ? Grams(Int64(quantity * 300)) : nil
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < 12, let target = model.applied.keys.filter({ !model.undone.contains($0) }).randomElement(using: &rng) {
                let original = model.applied[target]!
                let reverse = original.deltas.map { StockDelta(box: $0.box, category: $0.category, quantity: -$0.quantity, grams: -$0.grams) }
                let fits = model.fits(reverse, on: original.day)
                do {
                    let id = try f.store.write { try $0.undo(target) }
                    #expect(fits, "undo of \(target) accepted, model says negative (seed \(seed))")
                    model.apply(reverse, on: original.day)
                    model.undone.insert(target)
                    model.undone.insert(id)
                    accepted += 1
                } catch is LedgerProblem {
                    #expect(!fits, "undo of \(target) refused, model says it fits (seed \(seed))")
                    refused += 1
                }
                continue
            }
            let kind: MovementKind = roll < 50 ? .intake : roll < 75 ? .handout : roll < 88 ? .transfer : roll < 95 ? .writeoff : .adjustment
            var draft = MovementDraft(kind: kind, date: date, lines: [LineDraft(categoryID: category, quantity: quantity, grams: grams)])
            switch kind {
            case .intake: draft.toBox = box
            case .handout, .writeoff: draft.fromBox = box
            case .transfer: draft.fromBox = box; draft.toBox = boxes.filter { $0 != box }.randomElement(using: &rng)
            case .adjustment: if Bool.random(using: &rng) { draft.toBox = box } else { draft.fromBox = box }
            }
            let deltas = Ledger.deltas(of: draft)
            let fits = model.fits(deltas, on: day)
            do {
                let id = try f.store.write { try $0.record(draft) }
                #expect(fits, "\(kind) on day \(day) accepted, model says negative (seed \(seed))")
                model.apply(deltas, on: day)
                model.applied[id] = (day, deltas)
                model.drafts[id] = (day, draft)
                accepted += 1
            } catch let problem as LedgerProblem {
                #expect(!fits, "\(kind) on day \(day) refused (\(problem.text(.en))), model says it fits (seed \(seed))")
                refused += 1
            }
        }
        #expect(accepted > 100 && refused > 5)
        // Stock equals the sum of lines, box by box; its kilograms are the
        // model's moving average, never below zero on any day, and 0 in an empty box.
        let stock = try f.store.read { try $0.stock() }
        let kilograms = model.kilograms()
        for box in boxes {
            for category in categories {
                let code = try f.store.read { tx in try tx.categories().first { $0.id == category }!.code }
                let boxCode = try f.store.read { try $0.box(id: box)!.code.description }
                let kept = stock.first { $0.box == boxCode && $0.category == code }?.quantity ?? 0
                #expect(kept == model.stock(box, category))
                #expect(kept >= 0)
                let grams = try f.store.read { try $0.stock(box: box, category: category, on: start.adding(days: 90)) }.grams.value
                #expect(grams == kilograms[[box, category]]?.grams ?? 0, "kg of \(boxCode) \(code) seed \(seed)")
                if kept == 0 { #expect(grams == 0) }
                for day in stride(from: 0, to: 90, by: 7) {
                    let then = try f.store.read { try $0.stock(box: box, category: category, on: start.adding(days: day)) }
                    #expect(then.grams.value >= 0, "negative kg in \(boxCode) \(code) on day \(day) seed \(seed)")
                    if then.quantity == 0 { #expect(then.grams.value == 0) }
                }
            }
        }
        // Never negative on any day, the derived tables agree with the ledger, undos match.
        #expect(try f.store.read { try $0.verify() } == [])
        // Each month's report adds up: in − out − written off ± counts = change of stock.
        var month = YearMonth(start)
        var previousStock = 0
        var previousGrams: Int64 = 0
        while month <= YearMonth(start.adding(days: 90)) {
            let figures = try f.store.read { try $0.report(.monthly(month)) }.main
            #expect(figures.stockChange == figures.stockAtEnd.items - previousStock, "\(month) seed \(seed)")
            // And in kilograms: what came in, less what went out, is the change of stock.
            let kgChange = figures.received.grams - figures.handedOut.grams - figures.writtenOff.grams + figures.adjustments.grams
            #expect(kgChange == figures.stockAtEnd.grams - previousGrams, "kg \(month) seed \(seed)")
            #expect(figures.stockAtEnd.grams >= 0)
            previousStock = figures.stockAtEnd.items
            previousGrams = figures.stockAtEnd.grams
            month = month.next
        }
    }
}
