import Foundation
import Testing
@testable import DarmarkaKit

@Suite("Import: boxes, recipients, events")
struct ImportReferenceTests {
    func run(_ f: Fixture, _ kind: ImportKind, _ text: String, name: String = "ref.csv",
             encoding: CSVEncoding = .utf8, dryRun: Bool = false) throws -> ImportOutcome {
        let path = try f.file(name, text, encoding: encoding)
        return try ReferenceImport.run(f.store, kind: kind, path: path, name: name, options: ImportOptions(dryRun: dryRun))
    }

    @Test func boxesClaimAdoptOrGetCodesAndBringTheirCentres() throws {
        let f = try Fixture()
        let blank = try #require(try f.store.write { try $0.issueCodes(count: 1, centre: f.pre, purpose: .blank) }.first)
        let foreign = try #require(BoxCode.firstIssuable(from: 5000))
        let text = csv([["код", "центр", "название центра", "название", "вид"],
                        [blank.description.lowercased(), "pre", "", "Бокс у входа", "сбор"],
                        [foreign.description, "MAT", "Соседский центр «Матмасы»", "Склад; дальний", "хранение"],
                        ["", "MAT", "", "Сортировка", "sorting"]], delimiter: .semicolon)
        let outcome = try run(f, .boxes, text, encoding: .cp1251)
        let summary = try #require(outcome.summary, "\(outcome)")
        #expect(summary.boxesRegistered == 3 && summary.centresAdded == 1 && summary.batch != nil)
        let boxes = try f.store.read { try $0.boxes() }
        #expect(boxes.count == 5)
        #expect(boxes.first { $0.code == blank }?.name == "Бокс у входа")
        #expect(boxes.first { $0.code == foreign }?.kind == .storage)
        #expect(boxes.first { $0.code == foreign }?.centreName == "Соседский центр «Матмасы»")
        #expect(boxes.contains { $0.name == "Сортировка" && $0.centreCode == "MAT" && $0.kind == .sorting })
        // Codes issued later come after the adopted one, never repeat it.
        let next = try #require(try f.store.write { try $0.issueCodes(count: 1, centre: f.pre, purpose: .box) }.first)
        #expect(next.serial > foreign.serial)

        guard case .sameFile = try run(f, .boxes, text, encoding: .cp1251) else { Issue.record("same file twice"); return }
        // The file grew: boxes with codes are there already, the new one is added.
        let grown = csv([["code", "centre", "name"], [foreign.description, "MAT", "Склад"], ["", "PRE", "Новый"]])
        let again = try run(f, .boxes, grown, name: "grown.csv")
        #expect(again.summary?.boxesRegistered == 1 && again.summary?.alreadyThere == 1, "\(again)")
        // Grown again and saved by Excel: a box without a code is known by its name at its centre.
        let third = csv([["код", "центр", "название"], ["", "PRE", "новый"], ["", "MAT", "Сортировка"], ["", "PRE", "Ещё один"]], delimiter: .semicolon)
        let more = try run(f, .boxes, third, name: "third.csv")
        #expect(more.summary?.boxesRegistered == 1 && more.summary?.alreadyThere == 2, "\(more)")
        #expect(try f.store.read { try $0.boxes() }.count == 7)
    }

    @Test func boxProblemsAreAllListedAndNothingIsRegistered() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        let taken = f.a.code.description, other = f.b.code.description
        let text = csv([["code", "centre", "centre_name", "name", "kind"],
                        ["", "XXX", "", "", ""],                        // 2: unknown centre
                        ["", "PRE", "", "", "shelf"],                   // 3: bad kind
                        ["B-00", "PRE", "", "", ""],                    // 4: bad code
                        [taken, "NEW", "Новый центр", "", ""],           // 5: code at another centre
                        ["", "", "", "", ""],                           // blank: skipped
                        ["", "TOOLONGCODE", "Слишком длинный", "", ""],  // 7: bad centre code
                        [other, "PRE", "", "", ""],                     // 8: there already, fine
                        [other, "PRE", "", "", ""]])                    // 9: repeated
        let outcome = try run(f, .boxes, text)
        let lines = outcome.refusal?.problems.map(\.line)
        #expect(lines == [2, 3, 4, 5, 7, 9], "\(outcome.problemTexts)")
        #expect(outcome.problemTexts.contains { $0.hasPrefix("ref.csv:5: code: box \(taken) is registered at centre PRE already") })
        #expect(outcome.problemTexts.contains { $0.hasPrefix("ref.csv:9: code: “\(other)” was on line 8 of this file already") })
        #expect(try f.snapshot() == before)
    }

    @Test func recipientsAreRegisteredOnceAndNeverChanged() throws {
        let f = try Fixture()
        let text = csv([["code", "group", "household", "registered"],
                        ["к-1", "многодетные", "5", "2026-10-01"],
                        ["К-2", "", "", ""]])
        let first = try run(f, .recipients, text)
        #expect(first.summary?.recipientsRegistered == 2, "\(first)")
        let k1 = try #require(try f.store.read { try $0.recipient("К-1") })
        #expect(k1.groupCode == "large-family" && k1.householdSize == 5 && k1.registeredOn == LocalDate.parse("2026-10-01"))

        let same = csv([["код", "группа", "человек в семье"], ["К-1", "large-family", "5"]])
        guard case .nothingNew(let s) = try run(f, .recipients, same, name: "same.csv") else { Issue.record("nothing new"); return }
        #expect(s.skipped == 1)

        let before = try f.snapshot()
        let bad = csv([["code", "group", "household", "registered"],
                       ["К-1", "", "2", ""],                // 2: differs from what is there
                       ["К 3", "", "", ""],                 // 3: a name, not a code
                       ["К-4", "никакая", "", ""],          // 4: unknown group
                       ["К-5", "", "0", ""],                // 5: household
                       ["К-6", "", "", "31.02.2026"],       // 6: date
                       ["К-7", "", "", ""],                 // fine, not registered
                       ["к-7", "", "", ""]])                // 8: repeated
        let refused = try run(f, .recipients, bad, name: "bad.csv")
        #expect(refused.refusal?.problems.map(\.line) == [2, 3, 4, 5, 6, 8], "\(refused.problemTexts)")
        #expect(try f.snapshot() == before)
    }

    @Test func eventsComeWithTheirCentresAndParticipants() throws {
        let f = try Fixture()
        let text = csv([["name", "date", "centre", "participants"],
                        ["Ярмарка", "07.11.2026", "PRE", "40"],
                        ["Ярмарка", "14.11.2026", "", ""]])
        #expect(try run(f, .events, text).summary?.eventsCreated == 2)
        let events = try f.store.read { try $0.events() }
        #expect(events.map(\.participants) == [40, 0])
        #expect(events.map(\.centreCode) == ["PRE", nil])

        let before = try f.snapshot()
        let bad = csv([["name", "date", "centre", "participants"],
                       ["ярмарка", "2026-11-07", "PRE", "41"],   // 2: differs
                       ["Обмен", "", "", ""],                    // 3: no date
                       ["Обмен", "2026-11-08", "XXX", ""],       // 4: unknown centre
                       ["Обмен", "2026-11-09", "", "-1"],        // 5: participants
                       ["Обмен", "2026-11-10", "", ""],          // fine
                       ["обмен", "10.11.2026", "", ""]])         // 7: the same event again
        let refused = try run(f, .events, bad, name: "bad.csv")
        #expect(refused.refusal?.problems.map(\.line) == [2, 3, 4, 5, 7], "\(refused.problemTexts)")
        #expect(try f.snapshot() == before)

        // A trial says what it would do and does nothing.
        let trial = try run(f, .events, csv([["name", "date"], ["Обмен", "2026-11-10"]]), name: "t.csv", dryRun: true)
        #expect(trial.summary?.eventsCreated == 1 && trial.summary?.dryRun == true)
        #expect(try f.snapshot() == before)
    }

    @Test func aReferenceFileNeedsItsColumns() throws {
        let f = try Fixture()
        #expect {
            _ = try run(f, .boxes, "code,name\nB-00070,x\n")
        } throws: { error in
            (error as? ImportError)?.text(file: "b.csv", lang: .en) == "b.csv:1: required columns are missing: “centre”. The first row of the file is the header"
        }
        #expect(throws: ImportError.self) { _ = try run(f, .recipients, "group,household\nx,1\n") }
        #expect(throws: ImportError.self) { _ = try run(f, .events, "name,name,date\n") }
        // A journal or a box list is not a list of recipients: its box column is no recipient code.
        #expect(throws: ImportError.self) { _ = try run(f, .recipients, "date,operation,box,category,quantity\n2026-11-03,intake,B-0001Z,shoes,1\n") }
        #expect(throws: ImportError.self) { _ = try run(f, .recipients, "code_box,centre\n") }
        #expect(try f.store.read { try $0.recipients() }.isEmpty)
        // Each kind still takes its own words for the code.
        #expect(try run(f, .recipients, "получатель,группа\nТД-9,\n").summary?.recipientsRegistered == 1)
    }
}
