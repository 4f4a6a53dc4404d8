import Testing
@testable import DarmarkaCore

@Suite("Periods as whole months and days at the ends")
struct PeriodPartsTests {
    static func period(_ from: String, _ to: String) -> Period {
        Period(from: LocalDate.parse(from)!, to: LocalDate.parse(to)!)
    }

    static func describe(_ p: Period) -> String {
        let parts = p.parts
        let months = parts.months.map { "\($0.lowerBound)…\($0.upperBound)" } ?? "-"
        return ([months] + parts.edges.map { "\($0.from)…\($0.to)" }).joined(separator: " ")
    }

    @Test(arguments: [
        ("2026-03-01", "2026-11-17", "2026-03…2026-10 2026-11-01…2026-11-17"),
        ("2026-03-15", "2026-11-30", "2026-04…2026-11 2026-03-15…2026-03-31"),
        ("2026-03-15", "2026-11-17", "2026-04…2026-10 2026-03-15…2026-03-31 2026-11-01…2026-11-17"),
        ("2026-11-01", "2026-11-30", "2026-11…2026-11"),
        ("2026-01-01", "2026-12-31", "2026-01…2026-12"),
        ("2026-11-03", "2026-11-17", "- 2026-11-03…2026-11-17"),
        ("2026-11-01", "2026-11-17", "- 2026-11-01…2026-11-17"),
        ("2026-10-15", "2026-11-14", "- 2026-10-15…2026-11-14"),
        ("2026-10-15", "2026-11-30", "2026-11…2026-11 2026-10-15…2026-10-31"),
        ("2024-02-10", "2024-02-29", "- 2024-02-10…2024-02-29"),
        ("2025-12-31", "2026-01-01", "- 2025-12-31…2026-01-01"),
    ])
    func splits(from: String, to: String, expected: String) {
        #expect(Self.describe(Self.period(from, to)) == expected)
    }

    /// Every day of the period is in exactly one part, for every pair of ends in two years.
    @Test func everyDayOnce() {
        let start = LocalDate.parse("2025-11-20")!.dayNumber
        for a in stride(from: 0, to: 420, by: 13) {
            for b in stride(from: a, to: 430, by: 17) {
                let p = Period(from: LocalDate(dayNumber: start + a), to: LocalDate(dayNumber: start + b))
                var days: [Int] = []
                let parts = p.parts
                if let m = parts.months {
                    var month = m.lowerBound
                    while true {
                        days += Array(month.first.dayNumber...month.last.dayNumber)
                        if month == m.upperBound { break }
                        month = month.next
                    }
                }
                for e in parts.edges { days += Array(e.from.dayNumber...e.to.dayNumber) }
                #expect(days.sorted() == Array(p.from.dayNumber...p.to.dayNumber), "\(p.from)…\(p.to)")
            }
        }
    }

    @Test func anEmptyPeriodHasNoParts() {
        let parts = Self.period("2026-11-17", "2026-11-03").parts
        #expect(parts.months == nil && parts.edges.isEmpty)
    }

    @Test func mergedAddsAlikeRowsAndDropsNothingness() {
        func row(_ box: String, _ items: Int, grams: Int64 = 0, movements: Int = 1, condition: Condition? = nil) -> FlowRow {
            FlowRow(kind: .intake, fromCentre: nil, toCentre: "PRE", fromBox: nil, toBox: box, category: "shoes",
                    condition: condition, atEvent: false, withRecipient: false, items: items, grams: grams, weighed: grams == 0 ? 0 : items,
                    movements: movements)
        }
        let merged = FlowRow.merged([row("B-0001Z", 3, grams: 500), row("B-00081", 2), row("B-0001Z", 4, grams: 250),
                                     row("B-0001Z", 1, condition: .new), row("B-00081", -2, movements: -1)])
        #expect(merged == [row("B-0001Z", 7, grams: 750, movements: 2), row("B-0001Z", 1, condition: .new)])
    }
}
