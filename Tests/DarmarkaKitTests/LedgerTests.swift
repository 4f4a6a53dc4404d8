import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

@Suite("Ledger")
struct LedgerTests {
    @Test func stockIsTheSumOfMovements() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "shoes", 10, on: "2026-11-01", kg: "4,5")
        try f.record(.intake, to: f.a, "shoes", 3, on: "2026-11-02", kg: "1.25")
        try f.record(.handout, from: f.a, "shoes", 4, on: "2026-11-03")
        try f.record(.transfer, from: f.a, to: f.b, "shoes", 5, on: "2026-11-04", kg: "2")
        try f.record(.writeoff, from: f.b, "shoes", 1, on: "2026-11-05")
        #expect(try f.quantity(f.a, "shoes") == 4)
        #expect(try f.quantity(f.b, "shoes") == 4)
        let stock = try f.store.read { try $0.stock() }
        // Moving average: 13 pairs 5 750 g; 4 handed out take 1 769 g (half up);
        // 5 moved take their 2 kg; 1 of them written off takes 400 g.
        #expect(stock.map(\.grams) == [Grams(1981), Grams(1600)])
        // Stock at the end of an earlier day comes from the per-day balances.
        let earlier = try f.store.read { try $0.stock(on: LocalDate(year: 2026, month: 11, day: 2)!) }
        #expect(earlier.map(\.quantity) == [13])
    }

    @Test func refusesAHandoutOfMoreThanIsThere() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "toys", 2, on: "2026-11-01")
        #expect(throws: LedgerProblem.insufficientStock(box: f.a.code.description, category: Phrase(ru: "Игрушки", en: "Toys"),
                                                        available: 2, asked: 3, on: LocalDate(year: 2026, month: 11, day: 1)!)) {
            try f.record(.handout, from: f.a, "toys", 3, on: "2026-11-01")
        }
        #expect(try f.movementCount() == 1)
        #expect(try f.quantity(f.a, "toys") == 2)
    }

    @Test func refusesABackDatedHandoutThatWouldEmptyALaterDay() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "books", 5, on: "2026-11-01")
        try f.record(.handout, from: f.a, "books", 4, on: "2026-11-10")
        try f.record(.intake, to: f.a, "books", 10, on: "2026-11-20")
        // Now there are 11, but between the 10th and the 20th only 1.
        #expect(throws: LedgerProblem.insufficientStock(box: f.a.code.description, category: Phrase(ru: "Книги", en: "Books"),
                                                        available: 1, asked: 2, on: LocalDate(year: 2026, month: 11, day: 10)!)) {
            try f.record(.handout, from: f.a, "books", 2, on: "2026-11-05")
        }
        // Before anything arrived there was nothing at all.
        #expect(throws: LedgerProblem.self) { try f.record(.handout, from: f.a, "books", 1, on: "2026-10-31") }
        // One fits.
        try f.record(.handout, from: f.a, "books", 1, on: "2026-11-05")
        // And after the 20th the new intake covers it.
        try f.record(.handout, from: f.a, "books", 10, on: "2026-11-21")
        #expect(try f.quantity(f.a, "books") == 0)
    }

    @Test func refusesAnIntakeThatWouldBeNeededForALaterHandoutWhenMovedLater() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "kids", 3, on: "2026-11-01")
        try f.record(.transfer, from: f.a, to: f.b, "kids", 3, on: "2026-11-02")
        // Transfers check the source box, dated.
        #expect(throws: LedgerProblem.self) { try f.record(.transfer, from: f.a, to: f.b, "kids", 1, on: "2026-11-03") }
        #expect(try f.quantity(f.b, "kids") == 3)
    }

    @Test func undoRecordsAReversalDatedAsTheOriginal() throws {
        let f = try Fixture()
        let intake = try f.record(.intake, to: f.a, "linen", 7, on: "2026-11-01", kg: "3")
        let handout = try f.record(.handout, from: f.a, "linen", 2, on: "2026-11-02")
        let reversal = try f.store.write { try $0.undo(handout) }
        #expect(try f.quantity(f.a, "linen") == 7)
        let history = try f.store.read { try $0.history() }
        let r = try #require(history.first { $0.id == reversal })
        #expect(r.reverses == handout)
        #expect(r.date == LocalDate(year: 2026, month: 11, day: 2)!)
        #expect(history.first { $0.id == handout }?.reversedBy == reversal)
        // Undoing twice, or undoing an undo, is refused.
        #expect(throws: LedgerProblem.alreadyUndone(handout, by: reversal)) { try f.store.write { try $0.undo(handout) } }
        #expect(throws: LedgerProblem.cannotUndoReversal(reversal)) { try f.store.write { try $0.undo(reversal) } }
        #expect(throws: LedgerProblem.unknownMovement("999")) { try f.store.write { try $0.undo(999) } }
        // The intake can be undone now that nothing depends on it.
        try f.store.write { _ = try $0.undo(intake) }
        #expect(try f.quantity(f.a, "linen") == 0)
        #expect(try f.store.read { try $0.stock() }.isEmpty)
    }

    @Test func undoIsRefusedWhenLaterMovementsNeedWhatItTakesBack() throws {
        let f = try Fixture()
        let intake = try f.record(.intake, to: f.a, "bags", 4, on: "2026-11-01")
        try f.record(.handout, from: f.a, "bags", 3, on: "2026-11-05")
        #expect(throws: LedgerProblem.self) { try f.store.write { try $0.undo(intake) } }
        #expect(try f.movementCount() == 2)
    }

    @Test func theDatabaseRefusesToChangeOrDeleteTheLedger() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "shoes", 1, on: "2026-11-01")
        let queue = try DatabaseQueue(path: f.path)
        for sql in ["UPDATE movement SET occurred_on = '2026-01-01'", "DELETE FROM movement",
                    "UPDATE movement_line SET quantity = 100", "DELETE FROM movement_line"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
        try queue.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT quantity FROM movement_line") == 1)
        }
    }

    @Test func aMovementIsOneTransaction() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "shoes", 1, on: "2026-11-01")
        let shoes = try f.category("shoes"), toys = try f.category("toys")
        // The second line cannot be covered: nothing of the movement remains.
        let draft = MovementDraft(kind: .handout, date: LocalDate(year: 2026, month: 11, day: 2)!, fromBox: f.a.id,
                                  lines: [LineDraft(categoryID: shoes.id, quantity: 1), LineDraft(categoryID: toys.id, quantity: 1)])
        #expect(throws: LedgerProblem.self) { try f.store.write { try $0.record(draft) } }
        #expect(try f.movementCount() == 1)
        #expect(try f.quantity(f.a, "shoes") == 1)
    }

    @Test func retiredBoxesTakeNothingIn() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "toys", 2, on: "2026-11-01")
        try f.store.write { try $0.retire(f.a) }
        #expect(throws: LedgerProblem.boxRetired(f.a.code.description)) { try f.record(.intake, to: f.a, "toys", 1, on: "2026-11-02") }
        // What is left in it can still leave.
        try f.record(.transfer, from: f.a, to: f.b, "toys", 2, on: "2026-11-02")
    }

    @Test func codesAreIssuedOnceAndPrePrintedOnesCanBeClaimed() throws {
        let f = try Fixture()
        let blank = try f.store.write { try $0.issueCodes(count: 5, centre: f.pre, purpose: .blank) }
        #expect(Set(blank).count == 5)
        #expect(!blank.contains(f.a.code) && !blank.contains(f.b.code))
        let claimed = try f.store.write { try $0.addBox(centre: f.pre, name: "C", kind: .storage, claiming: blank[2]) }
        #expect(claimed.code == blank[2])
        #expect(throws: LedgerProblem.codeAlreadyUsed(blank[2].description)) {
            try f.store.write { try $0.addBox(centre: f.pre, name: "D", kind: .storage, claiming: blank[2]) }
        }
        let never = try #require(BoxCode.firstIssuable(from: 900_000))
        #expect(throws: LedgerProblem.codeNotIssued(never.description)) {
            try f.store.write { try $0.addBox(centre: f.pre, name: "E", kind: .storage, claiming: never) }
        }
        let next = try f.store.write { try $0.addBox(centre: f.pre, name: "F", kind: .storage) }
        #expect(next.code > blank[4])
    }

    @Test func boxesAreFoundByLooselyTypedCodes() throws {
        let f = try Fixture()
        let code = f.a.code.description
        try f.store.read { (tx: LedgerTransaction) throws in
            #expect(try tx.box(code.lowercased()).id == f.a.id)
            #expect(try tx.box(code.replacingOccurrences(of: "-", with: "")).id == f.a.id)
            #expect(try tx.box("В" + code.dropFirst()).id == f.a.id) // Cyrillic В
            #expect(try tx.box("https://darmarka.example/b/" + code).id == f.a.id)
        }
    }

    @Test func refusesOtherFilesAndNewerDatabases() throws {
        let f = try Fixture()
        let other = f.dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(throws: LedgerProblem.notDarmarkaDatabase(other)) { try Store.open(path: other) }
        let text = f.dir.appendingPathComponent("notes.txt").path
        try "not a database at all, just some words that fill more than a header".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: LedgerProblem.notDarmarkaDatabase(text)) { try Store.open(path: text) }
        #expect(throws: LedgerProblem.noDatabase(f.dir.appendingPathComponent("none.sqlite").path)) {
            try Store.open(path: f.dir.appendingPathComponent("none.sqlite").path)
        }
        try DatabaseQueue(path: f.path).write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v999-from-the-future')") }
        #expect(throws: LedgerProblem.newerDatabase(f.path)) { try Store.open(path: f.path) }
    }

    @Test func lowestBalanceLooksAtEveryLaterDay() {
        let d = { (day: Int) in LocalDate(year: 2026, month: 11, day: day)! }
        // Balance now 11: +5 on the 1st, −4 on the 10th, +10 on the 20th.
        let later: [(day: LocalDate, quantity: Int)] = [(d(10), -4), (d(20), 10)]
        #expect(Ledger.lowestBalance(current: 11, delta: -2, date: d(5), later: later) == (d(10), -1))
        #expect(Ledger.lowestBalance(current: 11, delta: -1, date: d(5), later: later) == (d(10), 0))
        #expect(Ledger.lowestBalance(current: 11, delta: -11, date: d(21), later: []) == (d(21), 0))
        #expect(Ledger.lowestBalance(current: 11, delta: -3, date: d(10), later: later) == (d(10), -2))
    }

    /// Undoing handouts moves a recipient's first visit to the next one,
    /// leaves it when a later visit goes, and clears it with the last.
    @Test func undoingVisitsKeepsTheFirstVisitRight() throws {
        let f = try Fixture()
        try f.record(.intake, to: f.a, "shoes", 10, on: "2026-11-01")
        let who = try f.store.write { try $0.addRecipient(code: "ТД-7", group: nil, householdSize: 1, on: LocalDate.parse("2026-11-01")!).id }
        let first = try f.record(.handout, from: f.a, "shoes", 1, on: "2026-11-03", recipient: who)
        let second = try f.record(.handout, from: f.a, "shoes", 1, on: "2026-11-05", recipient: who)
        let third = try f.record(.handout, from: f.a, "shoes", 1, on: "2026-11-09", recipient: who)
        func firstDay() throws -> String? {
            try f.store.read { try String.fetchOne($0.db, sql: "SELECT first_day FROM recipient_first WHERE recipient_id = ?", arguments: [who]) }
        }
        #expect(try firstDay() == "2026-11-03")
        try f.store.write { _ = try $0.undo(second) }
        #expect(try firstDay() == "2026-11-03")
        try f.store.write { _ = try $0.undo(first) }
        #expect(try firstDay() == "2026-11-09")
        try f.store.write { _ = try $0.undo(third) }
        #expect(try firstDay() == nil)
        #expect(try f.store.read { try $0.verify() } == [])
    }
}
