import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// A CSV text: fields quoted as RFC 4180 says when they need it.
func csv(_ rows: [[String]], delimiter: CSVDelimiter = .comma, lineEnding: String = "\n") -> String {
    rows.map { CSVRecord.line($0, delimiter: delimiter, lineEnding: lineEnding) }.joined()
}

let englishHeader = ["date", "operation", "box", "to_box", "category", "quantity", "weight_kg", "condition",
                     "recipient", "group", "event", "volunteer", "note"]
let russianHeader = ["дата", "операция", "бокс", "в бокс", "категория", "количество", "вес, кг", "состояние",
                     "получатель", "группа", "мероприятие", "волонтёр", "примечание"]

@Suite("Import: journals")
struct ImportJournalTests {
    /// Rows in the journal's column order, short rows padded.
    static func rows(_ rows: [[String]]) -> [[String]] {
        rows.map { $0 + Array(repeating: "", count: max(0, 13 - $0.count)) }
    }

    @Test(arguments: [(CSVEncoding.utf8, CSVDelimiter.comma), (.cp1251, .semicolon), (.utf8, .semicolon), (.cp1251, .tab)])
    func importsEitherEncodingAndDelimiter(encoding: CSVEncoding, delimiter: CSVDelimiter) throws {
        let f = try Fixture()
        let a = f.a.code.description, b = f.b.code.description
        let text = csv([russianHeader] + Self.rows([
            ["03.11.2026", "приём", a, "", "обувь", "5", "2,5", "хорошее", "", "", "", "Анна", "в пакете; с биркой, «новое»"],
            ["04.11.2026 14:30", "выдача", a, "", "Обувь", "2", "", "", "ТД-1", "многодетные", "Ярмарка", "Анна", "две строки\r\nпримечания"],
            ["04.11.2026", "перемещение", a.lowercased(), b, "shoes", "1", "", "", "", "", "", "Олег"],
        ]), delimiter: delimiter, lineEnding: "\r\n")
        let outcome = try f.importJournal(text, encoding: encoding)
        let summary = try #require(outcome.summary, "\(outcome)")
        #expect(summary.rowsRead == 3)
        #expect(summary.written[.intake]?.items == 5)
        #expect(summary.written[.handout]?.grams == 0)
        #expect(summary.recipientsRegistered == 1 && summary.eventsCreated == 1 && summary.volunteersAdded == 2)
        #expect(try f.quantity(f.a, "shoes") == 2)
        #expect(try f.quantity(f.b, "shoes") == 1)
        let history = try f.store.read { try $0.history() }
        #expect(history.map(\.note).contains("две строки\r\nпримечания"))
        #expect(history.map(\.note).contains("в пакете; с биркой, «новое»"))
        #expect(history.first { $0.kind == .handout }?.time == LocalTime(hour: 14, minute: 30))
        let recipient = try #require(try f.store.read { try $0.recipient("тд-1") })
        #expect(recipient.groupCode == "large-family")
        #expect(recipient.registeredOn == LocalDate.parse("2026-11-04"))
    }

    @Test func reportsEveryProblemWithItsLineAndImportsNothing() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let retired = try f.store.write { tx in
            let box = try tx.addBox(centre: f.pre, name: "C", kind: .storage)
            try tx.retire(box)
            return box.code.description
        }
        try f.record(.intake, to: f.a, "shoes", 3, on: "2026-11-01")
        try f.record(.handout, from: f.a, "shoes", 2, on: "2026-11-10")
        let typo = String(a.dropLast()) + (a.last == "0" ? "1" : "0")
        let unknown = try #require(BoxCode.firstIssuable(from: 9999)).description
        let before = try f.snapshot()

        let text = csv([englishHeader] + Self.rows([
            ["2026-11-31", "intake", a, "", "shoes", "1"],                                   // 2
            ["2026-11-05", "gift", a, "", "shoes", "1"],                                     // 3
            ["2026-11-05", "intake", typo, "", "shoes", "1"],                                // 4
            ["2026-11-05", "intake", a, "", "shoes", ""],                                    // 5
            ["2026-11-05", "intake", a, "", "shoes", "1", "-1"],                             // 6
            ["2026-11-05", "transfer", a, "", "shoes", "1"],                                 // 7
            ["2026-11-05", "intake", a, "", "shoes", "1", "", "", "К-1"],                    // 8
            ["2026-11-05", "intake", unknown, "", "shoes", "1"],                             // 9
            ["2026-11-05", "intake", retired, "", "shoes", "1"],                             // 10
            ["2026-11-05", "intake", a, "", "носки-2", "1"],                                 // 11
            ["2026-11-05", "handout", a, "", "shoes", "1", "", "", "К-1", "неизвестные"],    // 12
            ["2026-11-05", "handout", a, "", "shoes", "1", "", "", "К 1"],                   // 13
            ["2026-11-05", "handout", a, "", "toys", "3"],                                   // 14
            ["2026-11-02", "handout", a, "", "shoes", "2"],                                  // 15
            ["05.11.62", "intake", a, "", "shoes", "1"],                                     // 16
            ["2026-11-05", "intake", a, "", "books", "1"],                                   // 17: fine, and not imported
        ]))
        let outcome = try f.importJournal(text)
        let refusal = try #require(outcome.refusal, "\(outcome)")
        let texts = outcome.problemTexts
        #expect(refusal.problems.map(\.line) == Array(2 ... 16), "\(texts)")
        #expect(refusal.more == 0)
        let expected: [(Int, String)] = [
            (2, "journal.csv:2: date: there is no such date: “2026-11-31”"),
            (3, "journal.csv:3: operation: unknown operation “gift”"),
            (4, "journal.csv:4: box: the box code “\(typo)” has a typo: its last, check symbol does not match. Check the code on the label"),
            (5, "journal.csv:5: quantity: empty, but every row needs “quantity”"),
            (6, "journal.csv:6: weight_kg: weight cannot be negative"),
            (7, "journal.csv:7: to_box: a transfer needs the box things go to"),
            (8, "journal.csv:8: recipient: “recipient” is only for handouts"),
            (9, "journal.csv:9: box: there is no box \(unknown) in this database"),
            (10, "journal.csv:10: box: box \(retired) is retired"),
            (11, "journal.csv:11: category: there is no category “носки-2”"),
            (12, "journal.csv:12: group: there is no recipient group “неизвестные”"),
            (13, "journal.csv:13: recipient: the recipient code “К 1” will not do"),
            (14, "journal.csv:14: quantity: box \(a) holds 0 of “Toys” on 2026-11-05, 3 asked"),
            (15, "journal.csv:15: quantity: after this row box \(a) would be 1 short of “Shoes” on 2026-11-10"),
            (16, "journal.csv:16: date: 2062-11-05 has not come yet (today is 2027-01-15)"),
        ]
        for (line, start) in expected {
            #expect(texts.contains { $0.hasPrefix(start) }, "line \(line): \(texts.filter { $0.hasPrefix("journal.csv:\(line):") })")
        }
        #expect(try f.snapshot() == before)
    }

    @Test func rowsApplyByDateSoAFileNeedNotBeSorted() throws {
        let f = try Fixture()
        let a = f.a.code.description
        // The handout is above the intake in the file, and after it by date.
        let sorted = try f.importJournal(csv([englishHeader] + Self.rows([
            ["2026-11-05", "handout", a, "", "shoes", "2"],
            ["2026-11-03", "intake", a, "", "shoes", "5"],
        ])))
        #expect(sorted.summary?.rowsImported == 2, "\(sorted)")
        #expect(try f.quantity(f.a, "shoes") == 3)
        let shoes = try f.category("shoes").id
        #expect(try f.store.read { try $0.stock(box: f.a.id, category: shoes, on: LocalDate.parse("2026-11-04")!) }.quantity == 5)

        // Here the intake comes a day after the handout: refused, by date.
        let g = try Fixture()
        let b = g.a.code.description
        let before = try g.snapshot()
        let refused = try g.importJournal(csv([englishHeader] + Self.rows([
            ["2026-11-05", "handout", b, "", "shoes", "2"],
            ["2026-11-06", "intake", b, "", "shoes", "5"],
        ])))
        #expect(refused.problemTexts == ["journal.csv:2: quantity: box \(b) holds 0 of “Shoes” on 2026-11-05, 2 asked"])
        #expect(try g.snapshot() == before)
    }

    /// The same rows, imported at once or recorded one by one in date order,
    /// leave the same ledger and the same balances, flows and visits.
    @Test func importLeavesWhatRecordWouldLeave() throws {
        let a = "{a}", b = "{b}"
        let rows = Self.rows([
            ["2026-11-05", "handout", a, "", "обувь", "2", "1,2", "good", "ТД-1", "многодетные", "Ярмарка", "Анна", "по записи"],
            ["2026-11-03 10:15", "intake", a, "", "shoes", "6", "3.6", "new", "", "", "", "Анна"],
            ["2026-11-03", "intake", a, "", "toys", "4", "", "", "", "", "", "Олег"],
            ["2026-11-05", "handout", a, "", "toys", "1", "", "", "ТД-1", "", "ярмарка", "Олег"],
            ["2026-11-05", "handout", a, "", "toys", "1", "", "", "ТД-1", "", "ярмарка", "Олег"],
            ["2026-11-04", "transfer", a, b, "shoes", "1", "0,6", "repair", "", "", "", "Олег"],
            ["2026-12-01", "writeoff", b, "", "shoes", "1", "", "recycle", "", "", "", "", "ветошь"],
            ["2026-11-04", "handout", a, "", "toys", "1", "", "", "ТД-2"],
            ["2026-11-30", "surplus", a, "", "books", "3"],
            ["2026-12-02", "shortage", a, "", "books", "1"],
            ["2026-10-30", "intake", b, "", "books", "2", "1"],
            ["2026-11-04", "handout", b, "", "books", "1", "", "", "тд-2", "пенсионеры"],
        ])
        func text(_ f: Fixture) -> String {
            csv([englishHeader] + rows).replacingOccurrences(of: a, with: f.a.code.description).replacingOccurrences(of: b, with: f.b.code.description)
        }
        let imported = try Fixture()
        let outcome = try imported.importJournal(text(imported))
        #expect(outcome.summary?.rowsImported == rows.count, "\(outcome)")

        let recorded = try Fixture()
        let journal = try JournalReader(source: MemoryByteSource(text(recorded)))
        var parsed: [JournalRow] = []
        while let next = try journal.next() { parsed.append(try next.get()) }
        try recorded.store.write { tx in
            // People and events are registered in the order the file names
            // them, as the importer does, on the first day they came.
            var recipients: [String: RowID] = [:], events: [String: RowID] = [:]
            for row in parsed {
                if let name = row.volunteer { _ = try tx.volunteer(named: name) }
                if let code = row.recipient?.uppercased(), recipients[code] == nil {
                    let first = parsed.filter { $0.recipient?.uppercased() == code }.map(\.date).min() ?? row.date
                    recipients[code] = try tx.addRecipient(code: code, group: try row.group.map(tx.group), householdSize: 1, on: first).id
                }
                if let name = row.event, events[TextKey.normalise(name)] == nil {
                    events[TextKey.normalise(name)] = try tx.addEvent(name: name, date: row.date, centre: f(recorded), participants: 0).id
                }
            }
            for row in parsed.sorted(by: { $0.order < $1.order }) {
                let box = try tx.box(row.box.description).id
                let to = try row.toBox.map { try tx.box($0.description).id }
                let (from, into): (RowID?, RowID?) = switch row.operation {
                case .intake: (nil, box)
                case .handout, .writeoff: (box, nil)
                case .transfer: (box, to)
                case .adjustment: row.adjustment == .shortage ? (box, nil) : (nil, box)
                }
                try tx.record(MovementDraft(
                    kind: row.operation, date: row.date, time: row.time, fromBox: from, toBox: into,
                    recipientID: row.recipient.flatMap { recipients[$0.uppercased()] },
                    eventID: row.event.flatMap { events[TextKey.normalise($0)] },
                    volunteerID: try row.volunteer.map { try tx.volunteer(named: $0) }, note: row.note,
                    lines: [LineDraft(categoryID: try tx.category(row.category).id, quantity: row.quantity,
                                      grams: row.weight, condition: row.condition)]))
            }
        }
        let i = try imported.snapshot(ledgerIDs: false), r = try recorded.snapshot(ledgerIDs: false)
        for table in ["balance", "balance_day", "flow_month", "recipient_visit", "recipient_month", "recipient_first",
                      "volunteer_month", "recipient", "event", "volunteer", "movement"] {
            #expect(i[table] == r[table], "\(table)")
            #expect(i[table]?.isEmpty == false, "\(table)")
        }
        // And `check` finds the imported ledger and everything kept beside it sound.
        #expect(try imported.store.read { try $0.verify() } == [])
        // The import checked references itself; the connection checks them again after it.
        #expect(throws: (any Error).self) {
            try imported.store.write { tx in
                try tx.db.execute(sql: "INSERT INTO movement_line(movement_id, line, category_id, quantity) VALUES (999999, 1, 1, 1)")
            }
        }
    }

    private func f(_ fixture: Fixture) -> Centre { fixture.pre }

    @Test func theSameRowsAreNeverImportedTwice() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let first = Self.rows([
            ["2026-11-03", "intake", a, "", "shoes", "9"],
            ["2026-11-04", "handout", a, "", "shoes", "1", "", "", "К-7"],
            ["2026-11-04", "handout", a, "", "shoes", "1", "", "", "К-7"],
        ])
        let text = csv([englishHeader] + first)
        #expect(try f.importJournal(text).summary?.rowsImported == 3)
        #expect(try f.movementCount() == 3)

        // The same bytes: recognised by their SHA-256.
        guard case .sameFile(_, let batch) = try f.importJournal(text) else { Issue.record("not the same file"); return }
        #expect(batch.rows == 3)

        // The same rows saved again by Excel: another encoding, delimiter,
        // header language, date format, case.
        let resaved = csv([russianHeader] + Self.rows([
            ["03.11.2026", "Приём", a.lowercased(), "", "SHOES", "9"],
            ["04.11.2026", "выдача", a, "", "shoes", "1", "", "", "к-7"],
            ["04.11.2026", "выдача", a, "", "shoes", "1", "", "", "К-7"],
        ]), delimiter: .semicolon, lineEnding: "\r\n")
        let again = try f.importJournal(resaved, name: "journal-excel.csv", encoding: .cp1251)
        guard case .nothingNew(let s) = again else { Issue.record("\(again)"); return }
        #expect(s.skipped == 3)
        #expect(try f.movementCount() == 3)

        // The file grew: a third identical handout is a new row, so is the intake.
        let grown = csv([englishHeader] + first + Self.rows([
            ["2026-11-04", "handout", a, "", "shoes", "1", "", "", "К-7"],
            ["2026-11-06", "intake", a, "", "books", "2"],
        ]))
        let outcome = try f.importJournal(grown)
        #expect(outcome.summary?.rowsImported == 2, "\(outcome)")
        #expect(outcome.summary?.skipped == 3)
        #expect(try f.movementCount() == 5)
        #expect(try f.quantity(f.a, "shoes") == 6)
        #expect(try f.count("import_batch") == 2)
        #expect(try f.importJournal(grown).summary == nil)
    }

    /// Batches imported before version 0.6 kept fingerprints of rows as
    /// typed; a file that grew since is still recognised row by row.
    @Test func rowsOfBatchesFingerprintedAsTypedAreRecognised() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let old = Self.rows([["2026-11-03", "intake", a, "", "Обувь", "5"]])
        let typed = try #require(JournalReader(source: MemoryByteSource(csv([englishHeader] + old))).next()?.get().fingerprint)
        let queue = try DatabaseQueue(path: f.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO import_batch(file_name, sha256, kind, rows, imported_at) VALUES ('old.csv', 'old', 'journal', 1, '2026-11-04T00:00:00Z')")
            try db.execute(sql: "INSERT INTO import_fingerprint(batch_id, chunk, prints) VALUES (?, 0, ?)",
                           arguments: [db.lastInsertedRowID, Data(FingerprintBlob.encode([typed]))])
        }
        let grown = csv([englishHeader] + old + Self.rows([["2026-11-05", "intake", a, "", "книги", "2"]]))
        let outcome = try f.importJournal(grown)
        #expect(outcome.summary?.skipped == 1, "\(outcome)")
        #expect(outcome.summary?.rowsImported == 1)
        #expect(try f.quantity(f.a, "shoes") == 0)
        #expect(try f.quantity(f.a, "books") == 2)
    }

    @Test func aTrialRunChecksEverythingAndWritesNothing() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        let outcome = try f.importJournal(csv([englishHeader] + Self.rows([
            ["2026-11-03", "intake", f.a.code.description, "", "shoes", "2", "", "", "", "", "", "Анна"],
        ])), options: ImportOptions(dryRun: true))
        let summary = try #require(outcome.summary)
        #expect(summary.dryRun && summary.rowsImported == 1 && summary.volunteersAdded == 1 && summary.batch == nil)
        #expect(try f.snapshot() == before)
        // And then for real: a trial leaves no trace that would block it.
        #expect(try f.importJournal(csv([englishHeader] + Self.rows([
            ["2026-11-03", "intake", f.a.code.description, "", "shoes", "2", "", "", "", "", "", "Анна"],
        ]))).summary?.batch != nil)
    }

    @Test func linesOfOneMovementStayTogether() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let header = englishHeader + ["movement"]
        let outcome = try f.importJournal(csv([header] + [
            ["2026-11-03", "intake", a, "", "shoes", "2", "", "", "", "", "", "", "", "17"],
            ["2026-11-03", "intake", a, "", "toys", "3", "", "", "", "", "", "", "", "17"],
            ["2026-11-03", "intake", a, "", "toys", "1", "", "", "", "", "", "", "", "18"],
        ]))
        #expect(outcome.summary?.written[.intake]?.movements == 2, "\(outcome)")
        #expect(outcome.summary?.written[.intake]?.lines == 3)
        #expect(try f.movementCount() == 2)
        let lines = try f.store.read { try $0.history() }.map(\.lines.count).sorted()
        #expect(lines == [1, 2])

        let bad = try f.importJournal(csv([header] + [
            ["2026-11-04", "intake", a, "", "shoes", "2", "", "", "", "", "", "Анна", "", "20"],
            ["2026-11-04", "intake", a, "", "toys", "3", "", "", "", "", "", "Олег", "", "20"],
        ]), name: "two.csv")
        #expect(bad.problemTexts.count == 1)
        #expect(bad.problemTexts.first?.hasPrefix("two.csv:3: movement: the rows of movement “20” differ") == true)
    }

    /// Lines are numbered within their movement, also when a movement's
    /// rows straddle two of the importer's statements of 1,024 rows.
    @Test func linesAreNumberedInTheirMovementAcrossStatements() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let header = englishHeader + ["movement"]
        var rows = (1 ... 1022).map { ["2026-11-03", "intake", a, "", "shoes", "1", "", "", "", "", "", "", "", "m\($0)"] }
        rows += ["shoes", "toys", "books"].map { ["2026-11-04", "intake", a, "", $0, "2", "", "", "", "", "", "", "", "big"] }
        rows.append(["2026-11-05", "intake", a, "", "toys", "1", "", "", "", "", "", "", "", "last"])
        let outcome = try f.importJournal(csv([header] + rows))
        #expect(outcome.summary?.written[.intake]?.movements == 1024, "\(outcome)")
        #expect(outcome.summary?.written[.intake]?.lines == 1026)
        let lines = try f.store.read { tx in
            try Row.fetchAll(tx.db, sql: """
                SELECT l.line, k.code FROM movement_line l JOIN category k ON k.id = l.category_id
                WHERE l.movement_id >= (SELECT MAX(movement_id) - 1 FROM movement_line) ORDER BY l.movement_id, l.line
                """).map { "\($0[0] as Int):\($0[1] as String)" }
        }
        #expect(lines == ["1:shoes", "2:toys", "3:books", "1:toys"])
        #expect(try f.store.read { try $0.verify() } == [])
    }

    @Test func stockTakesImportBySide() throws {
        let f = try Fixture()
        let a = f.a.code.description
        let outcome = try f.importJournal(csv([russianHeader] + Self.rows([
            ["2026-11-03", "излишек", a, "", "книги", "4"],
            ["2026-11-04", "недостача", a, "", "книги", "1"],
        ])))
        #expect(outcome.summary?.written[.surplus]?.items == 4)
        #expect(outcome.summary?.written[.shortage]?.items == 1)
        #expect(try f.quantity(f.a, "books") == 3)
        let facts = try f.store.read { try $0.facts(for: Period(from: LocalDate.parse("2026-11-01")!, to: LocalDate.parse("2026-11-30")!)) }
        #expect(Figures(facts).adjustments.items == 3)
    }

    @Test func aHundredProblemsAreListedAndTheRestCounted() throws {
        let f = try Fixture()
        let bad = (1 ... 150).map { _ in ["2026-11-03", "intake", f.a.code.description, "", "носки-2", "1"] }
        let refusal = try #require(try f.importJournal(csv([englishHeader] + Self.rows(bad))).refusal)
        #expect(refusal.problems.count == 100)
        #expect(refusal.more == 50)
        #expect(refusal.problems.last?.line == 101)
    }

    @Test func aFileThatIsNotAJournalStopsAtOnce() throws {
        let f = try Fixture()
        #expect(throws: ImportError.self) { _ = try f.importJournal("name,colour\nx,y\n") }
        #expect(throws: ImportError.self) { _ = try f.importJournal("") }
        guard case .nothingNew(let s) = try f.importJournal(englishHeader.joined(separator: ",") + "\n") else {
            Issue.record("a header alone is nothing to import"); return
        }
        #expect(s.rowsRead == 0)
    }
}
