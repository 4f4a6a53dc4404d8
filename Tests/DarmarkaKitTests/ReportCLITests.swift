import Foundation
import Testing
@testable import DarmarkaKit

/// What a coordinator sees of a report through the command line: the
/// balance of the period, a terminal's width, the month as typed.
@Suite("Report through the CLI", .serialized)
struct ReportCLITests {
    /// Two centres; PRE sends 4 of its 12 shoes to MAT and 2 to its other box, each hands some out.
    static func ledger(organisation: String = "Тюменская Дармарка") throws -> (CLI, pre: String, mat: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cli = CLI(database: dir.appendingPathComponent("cli.sqlite").path)
        try cli.run(["init", "--organisation", organisation])
        try cli.run(["centre", "add", "--code", "PRE", "--name", "Соседский центр «Преображенский»"])
        try cli.run(["centre", "add", "--code", "MAT", "--name", "Соседский центр «Матмасы»"])
        let pre = try CLI.code(try cli.run(["box", "add", "--centre", "PRE", "--format", "json"]).stdout)
        let mat = try CLI.code(try cli.run(["box", "add", "--centre", "MAT", "--format", "json"]).stdout)
        let pre2 = try CLI.code(try cli.run(["box", "add", "--centre", "PRE", "--format", "json"]).stdout)
        let steps: [[String]] = [
            ["intake", "--box", pre, "--category", "shoes", "--quantity", "12", "--kg", "6", "--date", "2026-10-20"],
            ["intake", "--box", mat, "--category", "toys", "--quantity", "5", "--kg", "2,5", "--date", "2026-11-02"],
            ["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "4", "--kg", "2", "--date", "2026-11-05"],
            ["transfer", "--from", pre, "--to", pre2, "--category", "shoes", "--quantity", "2", "--kg", "1", "--date", "2026-11-06"],
            ["handout", "--box", mat, "--category", "shoes", "--quantity", "1", "--kg", "0,5", "--recipient", "ТД-001",
             "--new-recipient", "--group", "pensioner", "--household", "2", "--date", "2026-11-07"],
            ["handout", "--box", pre2, "--category", "shoes", "--quantity", "2", "--kg", "1", "--recipient", "ТД-002",
             "--new-recipient", "--group", "large-family", "--household", "5", "--date", "2026-11-08"],
            ["writeoff", "--box", mat, "--category", "toys", "--quantity", "1", "--kg", "0,5", "--reason", "ветошь", "--date", "2026-11-09"],
        ]
        for step in steps {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        return (cli, pre, mat)
    }

    static func json(_ cli: CLI, _ arguments: [String]) throws -> [String: Any] {
        let r = try cli.run(["report", "monthly", "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func amount(_ object: [String: Any], _ path: String...) -> (items: Int, kg: Double) {
        var o: Any? = object
        for key in path { o = (o as? [String: Any])?[key] }
        let a = o as? [String: Any]
        return ((a?["items"] as? Int) ?? -999_999, (a?["kg"] as? Double) ?? -999_999)
    }

    /// received + in − handed out − written off − out ± stock takes = end − start,
    /// for each centre and the organisation, in items and in kilograms.
    @Test func everyCentreAndTheOrganisationBalance() throws {
        let (cli, _, _) = try Self.ledger()
        var seen: [String: (in: Int, out: Int)] = [:]
        for scope in [[], ["--centre", "PRE"], ["--centre", "MAT"]] {
            let o = try Self.json(cli, ["--month", "2026-11"] + scope)
            for column in [o, o["previousMonth"] as? [String: Any] ?? [:], o["yearToDate"] as? [String: Any] ?? [:]] {
                let start = Self.amount(column, "stockAtStart"), end = Self.amount(column, "stockAtEnd")
                let flows = [Self.amount(column, "received"), Self.amount(column, "transfers", "in"),
                             Self.amount(column, "adjustments")]
                let outs = [Self.amount(column, "handedOut"), Self.amount(column, "writtenOff"), Self.amount(column, "transfers", "out")]
                let items = flows.map(\.items).reduce(0, +) - outs.map(\.items).reduce(0, +)
                let kg = flows.map(\.kg).reduce(0, +) - outs.map(\.kg).reduce(0, +)
                #expect(end.items - start.items == items, "\(scope) \(column["period"] ?? "")")
                #expect(abs((end.kg - start.kg) - kg) < 0.0005, "\(scope) \(column["period"] ?? "")")
            }
            seen[scope.last ?? "all"] = (Self.amount(o, "transfers", "in").items, Self.amount(o, "transfers", "out").items)
        }
        // PRE's transfer to its own second box is not a transfer out of PRE.
        #expect(seen["PRE"]! == (0, 4))
        #expect(seen["MAT"]! == (4, 0))
        #expect(seen["all"]! == (4, 4))

        let pre = try cli.run(["report", "monthly", "--month", "2026-11", "--centre", "PRE"]).stdout
        let lines = pre.split(separator: "\n").map(String.init)
        let balance = try #require(lines.firstIndex { $0.hasPrefix("Баланс периода, шт.") })
        let rows = lines[balance...].prefix { !$0.isEmpty }
        func values(_ label: String) -> [String] {
            rows.first { $0.hasPrefix(label + " ") }.map { $0.dropFirst(label.count).split(separator: " ").map(String.init) } ?? []
        }
        #expect(values("Остаток на начало периода") == ["12", "0", "0"])
        #expect(values("Передано в другие центры") == ["-4", "0", "-4"])
        #expect(values("Передано из других центров") == ["0", "0", "0"])
        #expect(values("Остаток на конец периода") == ["6", "12", "6"])
        #expect(lines.contains { $0.hasPrefix("Баланс периода, кг") })
    }

    /// A terminal of 100 columns: no line of the report is wider, counted in
    /// characters (Cyrillic is two bytes a letter), however long a name.
    @Test(arguments: ["ru_RU.UTF-8", "en_GB.UTF-8"])
    func theReportFitsATerminal(lang: String) throws {
        var (cli, _, _) = try Self.ledger(
            organisation: "Межрегиональная общественная организация помощи людям в трудной жизненной ситуации «Дармарка»")
        cli.lang = lang
        let long = "Соседский центр «Преображенский» при управе района, открыт по субботам и воскресеньям с десяти до шести"
        try cli.run(["centre", "add", "--code", "LNG", "--name", long])
        let box = try CLI.code(try cli.run(["box", "add", "--centre", "LNG", "--format", "json"]).stdout)
        try cli.run(["intake", "--box", box, "--category", "books", "--quantity", "3", "--date", "2026-11-10"])
        for arguments in [["--month", "2026-11"], ["--month", "2026-11", "--centre", "LNG"], []] {
            let r = try cli.run(["report", "monthly"] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            let wide = r.stdout.split(separator: "\n").filter { $0.count > 100 }
            #expect(wide.isEmpty, "\(arguments): \(wide.map { "\($0.count): \($0)" }.joined(separator: "\n"))")
            // The long name is wrapped, not lost.
            if !arguments.isEmpty { #expect(r.stdout.contains("воскресеньям")) }
        }
        // Before, a table in items and kilograms for three periods was some 160 characters wide.
        #expect(try cli.run(["report", "monthly", "--month", "2026-11"]).stdout.split(separator: "\n").count > 40)
    }

    /// Today in the centres' time zone may differ from the test's by a day.
    static func aroundToday() -> [LocalDate] {
        let utc = TimeZone(identifier: "UTC")!
        return [-1, 0, 1].map { LocalDate.today(in: utc).adding(days: $0) }
    }

    @Test(arguments: ["11.2026", "2026-11", "ноябрь 2026", "november 2026", "November 2026", "ноября 2026"])
    func aMonthIsTakenAsPeopleWriteIt(month: String) throws {
        let (cli, _, _) = try Self.ledger()
        let r = try cli.run(["report", "monthly", "--month", month])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Отчёт за ноябрь 2026\n") || r.stdout.contains("· Отчёт за ноябрь 2026\n"), "\(r.stdout.prefix(80))")
        #expect(!r.stdout.contains("последний полный месяц"))
    }

    /// A name alone: this year's month if it has begun, else last year's.
    @Test func aMonthsNameAlone() throws {
        let (cli, _, _) = try Self.ledger()
        for name in ["ноябрь", "november", "январь"] {
            let r = try cli.run(["report", "monthly", "--month", name])
            #expect(r.status == 0, "\(r.stderr)")
            let titles = Self.aroundToday().compactMap { MonthInput.parse(name, today: $0) }
                .map { "Отчёт за " + MonthNames.month($0).ru.lowercased() + "\n" }
            #expect(titles.contains { r.stdout.contains($0) }, "\(name): \(r.stdout.prefix(80))")
        }
    }

    @Test func withoutAMonthTheLastWholeMonth() throws {
        let (cli, _, _) = try Self.ledger()
        let r = try cli.run(["report", "monthly"])
        #expect(r.status == 0, "\(r.stderr)")
        let titles = Self.aroundToday().map { "Отчёт за " + MonthNames.month(YearMonth($0).previous).ru.lowercased() + " (последний полный месяц)\n" }
        #expect(titles.contains { r.stdout.contains($0) }, "\(r.stdout.prefix(120))")
        var english = cli
        english.lang = "en_GB.UTF-8"
        #expect(try english.run(["report", "monthly"]).stdout.contains("(the last whole month)"))
        // JSON says the period; the title is for people.
        let json = try english.run(["report", "monthly", "--format", "json"]).stdout
        #expect(Self.aroundToday().contains { json.contains("\"from\": \"\(YearMonth($0).previous.first)\"") })
    }

    @Test(arguments: ["13.2026", "вчера", "2026", "ма", "ноябрь 26"])
    func anUnknownFormNamesTheFormsTaken(month: String) throws {
        let (cli, _, _) = try Self.ledger()
        let r = try cli.run(["report", "monthly", "--month", month])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "\(message)")
        #expect(message.contains("«\(month)»") && message.contains("2026-11") && message.contains("11.2026")
                && message.contains("ноябрь 2026"), "\(message)")
    }

    /// Groups of recipients sit under their own heading, not under the
    /// handouts without a recipient.
    @Test func groupsHaveTheirOwnHeading() throws {
        let (cli, _, _) = try Self.ledger()
        let text = try cli.run(["report", "monthly", "--month", "2026-11"]).stdout
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let people = try #require(lines.firstIndex { $0.hasPrefix("Получатели помощи") })
        let peopleTable = lines[people...].prefix { !$0.isEmpty }
        #expect(peopleTable.last?.hasPrefix("Выдач без учёта получателя") == true, "\(peopleTable)")
        #expect(!peopleTable.contains { $0.contains("Пенсионеры") || $0.contains("группа") })
        let groups = try #require(lines.firstIndex { $0.hasPrefix("Получатели по целевым группам") })
        let groupTable = lines[groups...].prefix { !$0.isEmpty }
        #expect(groupTable.contains { $0.hasPrefix("Многодетная семья ") } && groupTable.contains { $0.hasPrefix("Пенсионеры ") })

        let html = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "html"]).stdout
        let heading = try #require(html.range(of: "<h2>Получатели по целевым группам</h2>"))
        let anonymous = try #require(html.range(of: "<td>Выдач без учёта получателя</td>"))
        let pensioners = try #require(html.range(of: "<td>Пенсионеры</td>"))
        #expect(anonymous.lowerBound < heading.lowerBound && heading.lowerBound < pensioners.lowerBound)
        #expect(!html.contains("группа:"))

        let dir = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("ноябрь.pdf")
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "--output", pdf.path]).status == 0)
        let pdfText = try ReportFileTests.text(pdf)
        let h = try #require(pdfText.range(of: "Получатели по целевым группам"))
        let a = try #require(pdfText.range(of: "Выдач без учёта получателя"))
        let p = try #require(pdfText.range(of: "Пенсионеры", range: h.upperBound..<pdfText.endIndex))
        #expect(a.lowerBound < h.lowerBound && h.lowerBound < p.lowerBound)
        #expect(pdfText.contains("Баланс периода"))
        #expect(!pdfText.contains("группа:"))
    }

    /// The workbook and CSV carry the balance too.
    @Test func theBalanceIsInEveryForm() throws {
        let (cli, _, _) = try Self.ledger()
        let csv = try cli.run(["report", "monthly", "--month", "2026-11", "--centre", "PRE", "--format", "csv"]).stdout
        #expect(csv.contains("Баланс периода;Ноябрь 2026, шт.;"))
        #expect(csv.contains("Передано в другие центры;-4;0;-4;-2;0;-2\r\n"), "\(csv)")
        #expect(csv.contains("Остаток на начало периода;12;0;0;6;0;0\r\n"))
        let md = try cli.run(["report", "monthly", "--month", "2026-11", "--format", "md"]).stdout
        #expect(md.contains("## Баланс периода"))
        #expect(md.contains("## Получатели по целевым группам"))
        let dir = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("ноябрь.xlsx")
        #expect(try cli.run(["report", "monthly", "--month", "2026-11", "--output", xlsx.path]).status == 0)
        let workbook = try LabelTools.run("unzip", ["-p", xlsx.path, "xl/workbook.xml"]).output
        #expect(workbook.contains("Баланс периода"))
        #expect(workbook.contains("Получатели по целевым группам"))
    }
}
