import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// Kilograms by moving average, through the CLI as volunteers type them.
@Suite("Kilograms by moving average")
struct KilogramTests {
    /// The stock of every box as JSON: box code → (items, kg or nil when not weighed).
    static func stock(_ cli: CLI, _ category: String = "outerwear") throws -> [String: (items: Int, kg: Double?)] {
        let out = try cli.run(["stock", "--format", "json"]).stdout
        let rows = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
        var stock: [String: (items: Int, kg: Double?)] = [:]
        for row in rows where row["category"] as? String == category {
            stock[row["box"] as? String ?? ""] = (row["quantity"] as? Int ?? 0, row["kg"] as? Double)
        }
        return stock
    }

    static func report(_ cli: CLI) throws -> [String: Any] {
        let out = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] ?? [:]
    }

    static func kg(_ report: [String: Any], _ key: String, _ field: String = "kg") -> Double? {
        (report[key] as? [String: Any])?[field] as? Double
    }

    static func grams(_ cli: CLI) throws -> [Int64] {
        try DatabaseQueue(path: cli.database).read { try Int64.fetchAll($0, sql: "SELECT grams FROM balance ORDER BY box_id") }
    }

    /// 5 coats, 10 kg in; 3 handed out unweighed take 6 kg; 1 moved carries
    /// 2 kg to the other box; the last one handed out leaves exactly 0 kg.
    @Test func unweighedOutflowsTakeTheirShareAndTransfersCarryIt() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "outerwear", "--quantity", "5", "--kg", "10", "--date", "2026-11-02"])
        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "3", "--date", "2026-11-03"])
        var stock = try Self.stock(cli)
        #expect(stock[pre]?.items == 2 && stock[pre]?.kg == 4)
        let line = try cli.run(["stock", "--box", pre]).stdout.split(separator: "\n").first { $0.contains("Верхняя одежда") }
        #expect(line.map { $0.split(separator: " ").suffix(2) == ["2", "4"] } == true)
        var report = try Self.report(cli)
        #expect(Self.kg(report, "received") == 10)
        #expect(Self.kg(report, "handedOut") == 6 && Self.kg(report, "handedOut", "kgEstimated") == 6)
        #expect(Self.kg(report, "stockAtEnd") == 4)

        try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "outerwear", "--quantity", "1", "--date", "2026-11-04"])
        stock = try Self.stock(cli)
        #expect(stock[pre]?.kg == 2 && stock[mat]?.kg == 2)

        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "1", "--date", "2026-11-05"])
        #expect(try Self.grams(cli) == [0, 2_000])
        report = try Self.report(cli)
        #expect(Self.kg(report, "handedOut") == 8 && Self.kg(report, "handedOut", "kgEstimated") == 8)
        #expect(Self.kg(report, "stockAtEnd") == 2)
        let text = try cli.run(["report", "monthly", "--month", "2026-11"]).stdout
        #expect(text.contains("из них оценка, кг"))
        #expect(try cli.run(["check"]).status == 0)
    }

    /// A weighed handout takes its weight; more than the box holds takes what it holds.
    @Test func aWeighedOutflowIsClampedToTheStock() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "outerwear", "--quantity", "4", "--kg", "2", "--date", "2026-11-02"])
        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "1", "--kg", "0,5", "--date", "2026-11-03"])
        #expect(try Self.stock(cli)[pre]?.kg == 1.5)
        try cli.run(["writeoff", "--box", pre, "--category", "outerwear", "--quantity", "1", "--kg", "9", "--date", "2026-11-03"])
        #expect(try Self.grams(cli) == [0])
        let report = try Self.report(cli)
        #expect(Self.kg(report, "handedOut") == 0.5 && Self.kg(report, "handedOut", "kgEstimated") == 0)
        // 9 kg were weighed, 1,5 kg were there: the difference is named apart.
        #expect(Self.kg(report, "writtenOff") == 1.5 && Self.kg(report, "writtenOff", "kgEstimated") == -7.5)
        #expect(try cli.run(["check"]).status == 0)
    }

    /// A back-dated intake changes the share of every later handout, and an
    /// undo puts back exactly what was estimated.
    @Test func backDatedMovementsAndUndosRevalueLaterOutflows() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "outerwear", "--quantity", "5", "--kg", "10", "--date", "2026-11-01"])
        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "3", "--date", "2026-11-03"])
        try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "outerwear", "--quantity", "1", "--date", "2026-11-04"])
        // Five unweighed coats on the 2nd: the handout now takes 3 of 10 coats' 10 kg.
        let late = try cli.run(["intake", "--box", pre, "--category", "outerwear", "--quantity", "5", "--date", "2026-11-02", "--format", "json"])
        #expect(late.status == 0)
        var stock = try Self.stock(cli)
        #expect(stock[pre]?.items == 6 && stock[pre]?.kg == 6)
        #expect(stock[mat]?.kg == 1)
        #expect(try cli.run(["check"]).status == 0)

        // Undo the handout (movement 1 is the intake): its 3 kg come back, and the transfer carries a tenth of 10 kg.
        #expect(try cli.run(["undo", "2"]).status == 0)
        stock = try Self.stock(cli)
        #expect(stock[pre]?.items == 9 && stock[pre]?.kg == 9)
        #expect(stock[mat]?.kg == 1)
        #expect(try cli.run(["check"]).status == 0)
        // Undo the unweighed intake too: as if only the first intake and the transfer had been.
        #expect(try cli.run(["undo", "4"]).status == 0)
        stock = try Self.stock(cli)
        #expect(stock[pre]?.items == 4 && stock[pre]?.kg == 8)
        #expect(stock[mat]?.kg == 2)
        let report = try Self.report(cli)
        #expect(Self.kg(report, "handedOut") == 0 && Self.kg(report, "handedOut", "kgEstimated") == 0)
        #expect(try cli.run(["check"]).status == 0)
    }

    /// Things nobody weighed show as not weighed, not as 0 kg.
    @Test func unweighedStockSaysSo() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "4", "--date", "2026-11-02"])
        #expect(try cli.run(["stock"]).stdout.contains("не взвешено"))
        #expect(try cli.run(["resolve", pre]).stdout.contains("не взвешено"))
        #expect(try Self.stock(cli, "shoes")[pre].map { $0.items == 4 && $0.kg == nil } == true)
        let text = try cli.run(["report", "monthly", "--month", "2026-11"]).stdout
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Остаток на конец периода, кг") && $0.contains("не взвешено") })
    }

    /// An import values kilograms as recording the same rows one by one
    /// does: rows in date order as they come, others from the file's first day.
    @Test(arguments: [false, true])
    func anImportValuesAsRecordDoes(sorted: Bool) throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let rows = [
            "2026-11-03,handout,\(pre),,outerwear,3,",
            "2026-11-01,intake,\(pre),,outerwear,5,10",
            "2026-11-04,transfer,\(pre),\(mat),outerwear,1,",
            "2026-11-02,intake,\(pre),,outerwear,5,",
            "2026-11-05,handout,\(mat),,outerwear,1,",
        ]
        let journal = "date,operation,box,to_box,category,quantity,kg\n" + (sorted ? rows.sorted() : rows).joined(separator: "\n") + "\n"
        let path = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("j.csv").path
        try journal.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let stock = try Self.stock(cli)
        #expect(stock[pre]?.items == 6 && stock[pre]?.kg == 6)
        #expect(stock[mat] == nil)
        #expect(try Self.grams(cli) == [6_000, 0])
        let report = try Self.report(cli)
        #expect(Self.kg(report, "handedOut") == 4 && Self.kg(report, "handedOut", "kgEstimated") == 4)
        #expect(try cli.run(["check"]).status == 0)
        // A later movement recorded by hand goes on from the imported valuation.
        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "6", "--date", "2026-11-06"])
        #expect(try Self.grams(cli) == [0, 0])
    }

    /// `check` values the ledger afresh and finds kilograms kept wrong.
    @Test func checkFindsKilogramsKeptWrong() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "outerwear", "--quantity", "5", "--kg", "10", "--date", "2026-11-02"])
        try cli.run(["handout", "--box", pre, "--category", "outerwear", "--quantity", "3", "--date", "2026-11-03"])
        #expect(try cli.run(["check"]).status == 0)
        try DatabaseQueue(path: cli.database).write { try $0.execute(sql: "UPDATE line_valuation SET grams = grams + 1") }
        let check = try cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.stdout.contains("line_valuation") || check.stderr.contains("line_valuation"))
    }
}
