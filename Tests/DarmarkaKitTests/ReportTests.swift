import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// A month worked out by hand: every expected figure below is counted from
/// the movements listed in `build`, not from the program.
@Suite("Monthly report")
struct ReportTests {
    struct Data {
        let f: Fixture
        let mat: Centre
        let m: Box
    }

    static func build() throws -> Data {
        let f = try Fixture()
        let (mat, m) = try f.store.write { tx in
            let mat = try tx.addCentre(code: "MAT", name: "Соседский центр «Матмасы»", address: nil)
            return (mat, try tx.addBox(centre: mat, name: "M", kind: .collection))
        }
        let d = { (s: String) in LocalDate.parse(s)! }
        // Category ids are the seeded ones; read them before the write transaction.
        let ids = Dictionary(uniqueKeysWithValues: try f.store.read { try $0.categories() }.map { ($0.code, $0.id) })
        func line(_ cat: String, _ q: Int, _ kg: String? = nil, _ c: Condition? = nil) throws -> LineDraft {
            LineDraft(categoryID: ids[cat]!, quantity: q, grams: kg.flatMap(Grams.parseKilograms), condition: c)
        }
        try f.store.write { tx in
            let r1 = try tx.addRecipient(code: "R1", group: try tx.group("large-family"), householdSize: 3, on: d("2026-10-01"))
            let r2 = try tx.addRecipient(code: "R2", group: try tx.group("pensioner"), householdSize: 1, on: d("2026-11-01"))
            let r3 = try tx.addRecipient(code: "R3", group: nil, householdSize: 4, on: d("2026-11-01"))
            let event = try tx.addEvent(name: "Дармарка", date: d("2026-11-10"), centre: mat, participants: 30)
            let anna = try tx.volunteer(named: "Анна"), oleg = try tx.volunteer(named: "Олег")
            let (a, b) = (f.a.id, f.b.id)
            try tx.record(MovementDraft(kind: .intake, date: d("2026-10-20"), toBox: a, lines: [try line("shoes", 10, "5")]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-10-25"), fromBox: a, recipientID: r1.id, lines: [try line("shoes", 2)]))
            try tx.record(MovementDraft(kind: .intake, date: d("2026-11-01"), toBox: a, volunteerID: anna, lines: [try line("womens", 20, "8", .good)]))
            try tx.record(MovementDraft(kind: .intake, date: d("2026-11-02"), toBox: m.id, volunteerID: oleg, lines: [try line("kids", 6, nil, .new)]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-11-03"), fromBox: a, recipientID: r1.id, volunteerID: anna, lines: [try line("womens", 3, "1.2")]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-11-03"), fromBox: a, recipientID: r1.id, lines: [try line("shoes", 1)]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-11-10"), fromBox: m.id, recipientID: r2.id, eventID: event.id, lines: [try line("kids", 2)]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-11-12"), fromBox: a, lines: [try line("womens", 4)]))
            try tx.record(MovementDraft(kind: .transfer, date: d("2026-11-15"), fromBox: a, toBox: m.id, lines: [try line("womens", 5)]))
            try tx.record(MovementDraft(kind: .transfer, date: d("2026-11-16"), fromBox: a, toBox: b, lines: [try line("shoes", 2)]))
            try tx.record(MovementDraft(kind: .writeoff, date: d("2026-11-20"), fromBox: b, lines: [try line("shoes", 1, "0,5")]))
            let mistake = try tx.record(MovementDraft(kind: .handout, date: d("2026-11-21"), fromBox: m.id, recipientID: r3.id, volunteerID: anna, lines: [try line("womens", 1)]))
            try tx.record(MovementDraft(kind: .handout, date: d("2026-11-30"), fromBox: m.id, recipientID: r2.id, lines: [try line("kids", 1)]))
            try tx.undo(mistake)
            // Typed in late, dated back.
            try tx.record(MovementDraft(kind: .intake, date: d("2026-11-05"), toBox: b, lines: [try line("toys", 3, "1")]))
            try tx.record(MovementDraft(kind: .intake, date: d("2026-12-01"), toBox: a, lines: [try line("books", 5)]))
            // A stock take on the 25th finds 7 women's items in A where the books say 8.
            try tx.record(MovementDraft(kind: .adjustment, date: d("2026-11-25"), fromBox: a, lines: [try line("womens", 1)]))
            try tx.setTarget(Target(metric: .itemsHandedOut, period: Period.year(2026)!, value: 100))
            try tx.setTarget(Target(metric: .uniqueRecipients, period: Period.year(2026)!, value: 8))
        }
        return Data(f: f, mat: mat, m: m)
    }

    static let november = YearMonth(year: 2026, month: 11)!

    @Test func novemberWorkedOutByHand() throws {
        let data = try Self.build()
        let report = try data.f.store.read { try $0.report(.monthly(Self.november)) }
        let n = report.main
        #expect(n.period == Period(Self.november))
        #expect(n.received == Amount(items: 29, grams: 9000, weighed: 23))
        #expect(n.receivedByCategory == ["womens": Amount(items: 20, grams: 8000, weighed: 20), "kids": Amount(items: 6, grams: 0, weighed: 0),
                                         "toys": Amount(items: 3, grams: 1000, weighed: 3)])
        #expect(n.receivedByCentre.mapValues(\.items) == ["PRE": 23, "MAT": 6])
        #expect(n.receivedByBox.mapValues(\.items) == [data.f.a.code.description: 20, data.m.code.description: 6, data.f.b.code.description: 3])
        #expect(n.receivedByCondition.mapValues(\.items) == ["good": 20, "new": 6, "": 3])
        #expect(n.handedOut.items == 11)
        // Kilograms by moving average: the 1,2 kg weighed, plus the unweighed
        // 4 women's items' share of 6,8 kg for 17 (1,6 kg) and a pair of shoes' of 4 kg for 8 (0,5 kg).
        #expect(n.handedOut.grams == 3300)
        #expect(n.handedOut.estimated == 2100)
        #expect(n.handedOutByCategory.mapValues(\.items) == ["womens": 7, "shoes": 1, "kids": 3])
        #expect(n.handedOutByCentre.mapValues(\.items) == ["PRE": 8, "MAT": 3])
        #expect(n.handedOutAtEvents.items == 2)
        #expect(n.handouts == 5)
        #expect(n.anonymousHandouts == 1)
        #expect(n.writtenOff == Amount(items: 1, grams: 500, weighed: 1))
        #expect(n.transfersBetweenCentres.items == 5)
        #expect(n.transfersWithinCentres.items == 2)
        #expect(n.adjustments.items == -1)
        // The missing women's item took 3,2 kg ÷ 8.
        #expect(n.adjustments.grams == -400)
        // What left no longer weighs in stock: A keeps 2,5 kg of shoes and 2,8 kg of women's
        // clothing, B 0,5 kg of shoes and 1 kg of toys; M the 2 kg that came with 5 women's items.
        #expect(n.stockAtEnd == Amount(items: 24, grams: 8800))
        #expect(n.stockAtEndByCentre == ["PRE": Amount(items: 16, grams: 6800), "MAT": Amount(items: 8, grams: 2000)])
        #expect(n.recipients == RecipientFacts(unique: 2, new: 1, visits: 3, people: 4, byGroup: ["large-family": 1, "pensioner": 1]))
        #expect(n.events == 1 && n.participants == 30)
        #expect(n.boxesUsed == 3)
        #expect(n.volunteers == 2)
        // The books say what changed: 29 in, 11 out, 1 written off, 1 short.
        let october = report.columns[1].figures
        #expect(n.stockChange == n.stockAtEnd.items - october.stockAtEnd.items)
        #expect(n.received.grams - n.handedOut.grams - n.writtenOff.grams + n.adjustments.grams
                == n.stockAtEnd.grams - october.stockAtEnd.grams)
    }

    @Test func previousMonthAndYearToDate() throws {
        let data = try Self.build()
        let report = try data.f.store.read { try $0.report(.monthly(Self.november)) }
        let october = report.columns[1].figures, ytd = report.columns[2].figures
        #expect(october.received.items == 10 && october.handedOut.items == 2)
        #expect(october.recipients == RecipientFacts(unique: 1, new: 1, visits: 1, people: 3, byGroup: ["large-family": 1]))
        #expect(october.stockAtEnd.items == 8)
        #expect(ytd.period == Period(from: LocalDate.parse("2026-01-01")!, to: LocalDate.parse("2026-11-30")!))
        #expect(ytd.received.items == 39 && ytd.handedOut.items == 13)
        #expect(ytd.recipients.unique == 2 && ytd.recipients.new == 2 && ytd.recipients.visits == 4 && ytd.recipients.people == 4)
        #expect(report.targets.map(\.actual) == [13, 2])
        #expect(report.targets.map(\.percent) == [13, 25])
        #expect(report.trend.count == 12)
        #expect(report.trend.last == Report.TrendPoint(month: Self.november, received: 29, handedOut: 11))
    }

    @Test func oneCentre() throws {
        let data = try Self.build()
        let pre = try data.f.store.read { try $0.report(.monthly(Self.november), centre: data.f.pre) }.main
        #expect(pre.received.items == 23)
        #expect(pre.handedOut.items == 8)
        // R1 came to PRE in October too: not new.
        #expect(pre.recipients == RecipientFacts(unique: 1, new: 0, visits: 1, people: 3, byGroup: ["large-family": 1]))
        #expect(pre.stockAtEnd.items == 16)
        #expect(pre.events == 0)
        let mat = try data.f.store.read { try $0.report(.monthly(Self.november), centre: data.mat) }.main
        #expect(mat.recipients == RecipientFacts(unique: 1, new: 1, visits: 2, people: 1, byGroup: ["pensioner": 1]))
        #expect(mat.events == 1)
        // Олег's intake counts; Анна's only movement at MAT was undone.
        #expect(mat.volunteers == 1)
        // A transfer from PRE names PRE's box too; it is not one of MAT's boxes in use.
        let matBoxes = try data.f.store.read { tx in try tx.boxes(centre: try tx.centre("MAT")) }.count
        #expect(mat.boxesUsed <= matBoxes, "\(mat.boxesUsed) of \(matBoxes)")
        #expect(pre.boxesUsed <= 2)
        // The targets are the organisation's: not measured with one centre's figures.
        #expect(try data.f.store.read { try $0.report(.monthly(Self.november)) }.targets.count == 2)
        #expect(try data.f.store.read { try $0.report(.monthly(Self.november), centre: data.mat) }.targets.isEmpty)
    }

    @Test func anyRangeIsSummedFromTheLedger() throws {
        let data = try Self.build()
        let range = Period(from: LocalDate.parse("2026-11-01")!, to: LocalDate.parse("2026-11-15")!)
        let r = try data.f.store.read { try $0.report(.range(range)) }.main
        #expect(r.received.items == 29)
        #expect(r.handedOut.items == 10)
        #expect(r.recipients.unique == 2 && r.recipients.new == 1 && r.recipients.visits == 2)
        #expect(r.stockAtEnd.items == 8 + 29 - 10)
    }

    @Test func monthlyFlowsEqualTheLedgerSummedDirectly() throws {
        let data = try Self.build()
        for month in ["2026-10", "2026-11", "2026-12"] {
            let p = Period(YearMonth.parse(month)!)
            let (kept, summed) = try data.f.store.read { tx in
                (try tx.flows(p, centre: nil, fromLedger: false), try tx.flows(p, centre: nil, fromLedger: true))
            }
            let order = { (r: FlowRow) in "\(r.kind)\(r.fromBox ?? "")\(r.toBox ?? "")\(r.category)\(r.condition?.rawValue ?? "")\(r.atEvent)\(r.withRecipient)" }
            #expect(kept.sorted { order($0) < order($1) } == summed.sorted { order($0) < order($1) }, "\(month)")
        }
    }

    @Test func everyFormShowsTheSameFigures() throws {
        let data = try Self.build()
        let report = try data.f.store.read { try $0.report(.monthly(Self.november)) }
        let json = report.render(.json, lang: .ru)
        let object = try #require(try JSONSerialization.jsonObject(with: Foundation.Data(json.utf8)) as? [String: Any])
        #expect((object["period"] as? [String: String]) == ["from": "2026-11-01", "to": "2026-11-30"])
        let received = try #require(object["received"] as? [String: Any])
        #expect(received["items"] as? Int == 29)
        #expect(received["kg"] as? Double == 9)
        #expect((received["byCategory"] as? [[String: Any]])?.first?["category"] as? String == "womens")
        #expect(((object["handedOut"] as? [String: Any])?["byCentre"] as? [[String: Any]])?.count == 2)
        #expect((object["writtenOff"] as? [String: Any])?["kg"] as? Double == 0.5)
        #expect((object["handedOut"] as? [String: Any])?["kg"] as? Double == 3.3)
        #expect((object["handedOut"] as? [String: Any])?["kgEstimated"] as? Double == 2.1)
        #expect((object["stockAtEnd"] as? [String: Any])?["items"] as? Int == 24)
        let recipients = try #require(object["recipients"] as? [String: Any])
        #expect(recipients["unique"] as? Int == 2 && recipients["new"] as? Int == 1 && recipients["visits"] as? Int == 3)
        #expect(recipients["people"] as? Int == 4 && recipients["anonymousHandouts"] as? Int == 1)
        #expect((recipients["byGroup"] as? [[String: Any]])?.count == 2)
        #expect((object["events"] as? [String: Int]) == ["count": 1, "participants": 30])

        let csv = report.render(.csv, lang: .ru)
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("Принято вещей, шт.;29;10;39\r\n"))
        #expect(csv.contains("Принято, кг;9;5;14\r\n"))
        #expect(csv.contains("Выдано, кг;3,3;1;4,3\r\n"))
        #expect(csv.contains("Выдано, кг;3,3;1;4,3\r\nиз них оценка, кг;2,1;1;3,1\r\n"))
        let md = report.render(.md, lang: .en)
        #expect(md.contains("| Items received | 29 | 10 | 39 |"))
        #expect(md.contains("November 2026"))
        let html = report.render(.html, lang: .ru)
        #expect(html.contains("<td>Получателей (каждый один раз)</td><td class=\"n\">2</td>"))
        #expect(html.contains("<svg"))
        let table = report.render(.table, lang: .ru)
        #expect(table.contains("Ноябрь 2026"))
        #expect(table.contains("План и факт"))
    }

    /// A period that is not whole months is read as its whole months from
    /// the monthly tables and the days at either end from the ledger: the
    /// sums must be the ledger's own, for the organisation and for a centre.
    @Test(arguments: [("2026-10-20", "2026-11-15"), ("2026-10-25", "2026-12-01"), ("2026-11-03", "2026-11-03"),
                      ("2026-10-01", "2026-11-20"), ("2026-10-15", "2026-11-30"), ("2026-09-30", "2026-12-31"),
                      ("2026-11-21", "2026-11-30")])
    func partsOfMonthsAddUpToTheLedger(from: String, to: String) throws {
        let data = try Self.build()
        let period = Period(from: LocalDate.parse(from)!, to: LocalDate.parse(to)!)
        let order = { (r: FlowRow) in "\(r.kind)\(r.fromBox ?? "")\(r.toBox ?? "")\(r.category)\(r.condition?.rawValue ?? "")\(r.atEvent)\(r.withRecipient)" }
        try data.f.store.read { tx in
            for centre in [nil, data.mat] {
                let parts = try tx.flows(period, centre: centre, fromLedger: false)
                let ledger = try tx.flows(period, centre: centre, fromLedger: true)
                #expect(parts.sorted { order($0) < order($1) } == ledger.sorted { order($0) < order($1) }, "\(from)…\(to) \(centre?.code ?? "all")")
            }
            let volunteers = try Int.fetchOne(tx.db, sql: """
                SELECT COUNT(DISTINCT volunteer_id) FROM movement m WHERE occurred_on BETWEEN ? AND ? AND volunteer_id IS NOT NULL
                  AND reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM movement x WHERE x.reverses_id = m.id)
                """, arguments: [from, to])
            #expect(try tx.sqlite.volunteerCount(period, centre: nil) == volunteers)
            // People helped, straight from the visits of the period's days.
            let visits = try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM recipient_visit WHERE day BETWEEN ? AND ?", arguments: [from, to]) ?? -1
            let expected = Self.tally(visits: visits, try Row.fetchAll(tx.db, sql: """
                WITH u AS (SELECT DISTINCT recipient_id FROM recipient_visit WHERE day BETWEEN ?1 AND ?2)
                SELECT r.household_size, COALESCE(g.code, '') AS grp,
                       (SELECT f.first_day FROM recipient_first f WHERE f.recipient_id = u.recipient_id) >= ?1 AS is_new
                FROM u JOIN recipient r ON r.id = u.recipient_id LEFT JOIN recipient_group g ON g.id = r.group_id
                """, arguments: [from, to]))
            #expect(try tx.sqlite.recipientFacts(period, centre: nil) == expected, "\(from)…\(to)")

            // One centre: its handouts and movements in the ledger, undone ones left out.
            for centre in [data.f.pre, data.mat] {
                let arguments: StatementArguments = [from, to, centre.id]
                let v = """
                    SELECT DISTINCT m.recipient_id, m.occurred_on AS day FROM movement m JOIN box b ON b.id = m.from_box_id
                    WHERE m.kind = 'handout' AND m.recipient_id IS NOT NULL AND m.reverses_id IS NULL AND b.centre_id = ?3
                      AND NOT EXISTS (SELECT 1 FROM movement x WHERE x.reverses_id = m.id)
                    """
                let visits = try Int.fetchOne(tx.db, sql: "WITH v AS (\(v)) SELECT COUNT(*) FROM v WHERE day BETWEEN ?1 AND ?2",
                                              arguments: arguments) ?? -1
                let expected = Self.tally(visits: visits, try Row.fetchAll(tx.db, sql: """
                    WITH v AS (\(v)), u AS (SELECT DISTINCT recipient_id FROM v WHERE day BETWEEN ?1 AND ?2)
                    SELECT r.household_size, COALESCE(g.code, '') AS grp,
                           NOT EXISTS (SELECT 1 FROM v WHERE v.recipient_id = u.recipient_id AND v.day < ?1) AS is_new
                    FROM u JOIN recipient r ON r.id = u.recipient_id LEFT JOIN recipient_group g ON g.id = r.group_id
                    """, arguments: arguments))
                #expect(try tx.sqlite.recipientFacts(period, centre: centre) == expected, "\(from)…\(to) \(centre.code)")
                let volunteers = try Int.fetchOne(tx.db, sql: """
                    SELECT COUNT(DISTINCT m.volunteer_id) FROM movement m
                    LEFT JOIN box fb ON fb.id = m.from_box_id LEFT JOIN box tb ON tb.id = m.to_box_id
                    WHERE m.occurred_on BETWEEN ?1 AND ?2 AND m.volunteer_id IS NOT NULL AND (fb.centre_id = ?3 OR tb.centre_id = ?3)
                      AND m.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM movement x WHERE x.reverses_id = m.id)
                    """, arguments: arguments)
                #expect(try tx.sqlite.volunteerCount(period, centre: centre) == volunteers, "\(from)…\(to) \(centre.code)")
            }
        }
    }

    /// People helped, from rows of (household size, group, is new), one a recipient.
    static func tally(visits: Int, _ rows: [Row]) -> RecipientFacts {
        var facts = RecipientFacts(visits: visits)
        for r in rows {
            facts.unique += 1
            facts.people += r[0] as Int
            if r[2] as Bool { facts.new += 1 }
            facts.byGroup[r[1], default: 0] += 1
        }
        return facts
    }

    /// A coordinator reads «12 345», a spreadsheet or a program reads 12345.
    @Test func largeAmountsAreGroupedForPeopleNotForMachines() throws {
        let f = try Fixture()
        let shoes = try #require(try f.store.read { try $0.categories() }.first { $0.code == "shoes" })
        _ = try f.store.write { tx in
            try tx.record(MovementDraft(kind: .intake, date: LocalDate.parse("2026-11-02")!, toBox: f.a.id,
                                        lines: [LineDraft(categoryID: shoes.id, quantity: 12_345, grams: Grams(1_234_500), condition: nil)]))
        }
        let report = try f.store.read { try $0.report(.monthly(Self.november)) }
        let nbsp = "\u{00A0}"
        #expect(report.render(.table, lang: .ru).contains("12\(nbsp)345"))
        #expect(report.render(.table, lang: .ru).contains("1\(nbsp)234,5"))
        #expect(report.render(.md, lang: .en).contains("| Items received | 12,345 | 0 | 12,345 |"))
        #expect(report.render(.md, lang: .en).contains("| Received, kg | 1,234.5 | 0 | 1,234.5 |"))
        #expect(report.render(.html, lang: .ru).contains("<td class=\"n\">12\(nbsp)345</td>"))
        #expect(report.render(.csv, lang: .ru).contains("Принято вещей, шт.;12345;0;12345\r\n"))
        #expect(report.render(.csv, lang: .ru).contains("Принято, кг;1234,5;0;1234,5\r\n"))
        #expect(report.render(.json, lang: .ru).contains("\"items\": 12345, \"kg\": 1234.5"))
    }

    /// 20:30 UTC on 30 November is already 1 December in Tyumen: an intake
    /// logged then for "today" belongs to December's report, not November's.
    @Test func theLastDayOfTheMonthIsTheCentresDay() throws {
        let f = try Fixture(timeZone: "Asia/Yekaterinburg")
        let lateEvening = f.store.at(Date(timeIntervalSince1970: 1_796_070_600)) // 2026-11-30T20:30:00Z
        let shoes = try f.category("shoes")
        let earlier = f.store.at(Date(timeIntervalSince1970: 1_796_050_000)) // 2026-11-30T14:46Z, 19:46 in Tyumen
        _ = try earlier.write { tx in
            try tx.record(MovementDraft(kind: .intake, date: try tx.today(), toBox: f.a.id, lines: [LineDraft(categoryID: shoes.id, quantity: 2)]))
        }
        try lateEvening.write { tx in
            #expect(try tx.today().description == "2026-12-01")
            try tx.record(MovementDraft(kind: .intake, date: try tx.today(), toBox: f.a.id, lines: [LineDraft(categoryID: shoes.id, quantity: 5)]))
        }
        let november = try f.store.read { try $0.report(.monthly(Self.november)) }.main
        let december = try f.store.read { try $0.report(.monthly(Self.november.next)) }.main
        #expect(november.received.items == 2)
        #expect(november.stockAtEnd.items == 2)
        #expect(december.received.items == 5)
        #expect(december.stockAtEnd.items == 7)
    }
}
