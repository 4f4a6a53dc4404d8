import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// What volunteers trip over: a card code typed another way, a typo that
/// would have made a new person, and a visit of several lines.
@Suite("Recipient codes and lines on the command line", .serialized)
struct RecipientCodeCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func movements(_ cli: CLI) throws -> Int {
        try DatabaseQueue(path: cli.database).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movement") } ?? -1
    }

    static func recipients(_ cli: CLI) throws -> Int {
        try cli.run(["recipient", "list", "--format", "csv"]).stdout.split(separator: "\r\n").count - 1
    }

    static func unique(_ cli: CLI) throws -> (unique: Int?, new: Int?, visits: Int?) {
        let report = try json(try cli.run(["report", "monthly", "--month", "2026-11", "--format", "json"]).stdout)
        let r = report["recipients"] as? [String: Any]
        return (r?["unique"] as? Int, r?["new"] as? Int, r?["visits"] as? Int)
    }

    @Test func aCodeTypedWithoutDashInLowerCaseOrWithoutZerosIsOnePerson() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01"])
        #expect(try cli.run(["recipient", "add", "ТД-042", "--date", "2026-11-01"]).status == 0)
        for (typed, day) in [("тд42", "02"), ("td-42", "03"), ("ТД-042", "04"), ("ТД 0042", "05")] {
            let r = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", typed, "--date", "2026-11-\(day)"])
            #expect(r.status == 0, "\(typed): \(r.stderr)")
            #expect(!r.stdout.contains("Новый получатель"), "\(typed): \(r.stdout)")
        }
        #expect(try Self.recipients(cli) == 1)
        let figures = try Self.unique(cli)
        #expect(figures.unique == 1 && figures.new == 1 && figures.visits == 4, "\(figures)")
        // Registering it again under another spelling names the card there is.
        let again = try cli.run(["recipient", "add", "td42"])
        #expect(again.status != 0 && again.stderr.contains("Получатель с кодом ТД-042 уже есть"), "\(again.stderr)")
        let fresh = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД42", "--new-recipient",
                                 "--date", "2026-11-06"])
        #expect(fresh.status != 0 && fresh.stderr.contains("ТД-042 уже есть"), "\(fresh.stderr)")
        #expect(try Self.movements(cli) == 5)
    }

    @Test func anUnknownCodeIsRefusedNamingTheNearestAndNothingIsWritten() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01"])
        for code in ["ТД-042", "ТД-023", "ТД-100", "К-24"] { try cli.run(["recipient", "add", code, "--date", "2026-11-01"]) }
        let before = try Self.movements(cli)
        let typo = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-024", "--date", "2026-11-02"])
        #expect(typo.status != 0)
        #expect(typo.stderr == "darmarka: Получателя ТД-024 нет. Похожие: ТД-042, ТД-023. Новый получатель: --new-recipient.\n",
                "\(typo.stderr)")
        #expect(try Self.movements(cli) == before && Self.recipients(cli) == 4)
        let english = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ZZ-1", "--lang", "en"])
        #expect(english.status != 0 && english.stderr.contains("There is no recipient ZZ-1. A new recipient: --new-recipient."),
                "\(english.stderr)")
        // A scanner session is refused before its first scan.
        let scan = try cli.run(["scan", "--handout", "shoes", "--recipient", "ТД-024"], stdin: "\(pre)\n")
        #expect(scan.status != 0 && scan.stderr.contains("Похожие: ТД-042, ТД-023"), "\(scan.stderr)")
        #expect(try Self.movements(cli) == before)

        // Said outright, the new card is registered, once.
        let new = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-024", "--new-recipient",
                               "--group", "многодетные", "--date", "2026-11-02"])
        #expect(new.status == 0 && new.stdout.contains("Новый получатель ТД-024 зарегистрирован"), "\(new.stderr)")
        #expect(try Self.recipients(cli) == 5)
        let known = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "тд24", "--date", "2026-11-03"])
        #expect(known.status == 0, "\(known.stderr)")
        let alone = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--new-recipient"])
        #expect(alone.status != 0 && alone.stderr.contains("--recipient"), "\(alone.stderr)")
        let scanNew = try cli.run(["scan", "--handout", "shoes", "--recipient", "ТД-025", "--new-recipient", "--format", "json"],
                                  stdin: "\(pre)\n\(pre)\n")
        #expect(scanNew.status == 0, "\(scanNew.stderr)")
        #expect(scanNew.stdout.components(separatedBy: "Новый получатель ТД-025").count == 2, "\(scanNew.stdout)")
        #expect(try Self.recipients(cli) == 6)
        #expect(try Self.unique(cli).unique == 1)
    }

    @Test func aJournalRegistersTheCodesItNamesAndListsThem() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01"])
        try cli.run(["recipient", "add", "ТД-042", "--date", "2026-11-01"])
        let journal = """
            date,operation,box,category,quantity,recipient
            2026-11-02,handout,\(pre),shoes,1,ТД-051
            2026-11-03,handout,\(pre),shoes,1,тд51
            2026-11-03,handout,\(pre),shoes,1,td-42
            2026-11-04,handout,\(pre),shoes,1,ТД-24

            """
        let path = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("j.csv").path
        try journal.write(toFile: path, atomically: true, encoding: .utf8)
        let dry = try cli.run(["import", path, "--dry-run", "--format", "json"])
        #expect((try Self.json(dry.stdout)["newRecipients"] as? [String]) == ["ТД-051", "ТД-24"], "\(dry.stdout)")
        let imported = try cli.run(["import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Новых получателей: 2,"), "\(imported.stdout)")
        #expect(imported.stdout.contains("Новые коды получателей: ТД-051, ТД-24."), "\(imported.stdout)")
        #expect(try Self.recipients(cli) == 3)
        #expect(try Self.unique(cli).unique == 3)
    }

    @Test func checkNamesTwoCodesThatAreOneAndAnyOtherSpellingIsRefused() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01"])
        try cli.run(["recipient", "add", "ТД-042", "--date", "2026-11-01"])
        // As a database from before codes were compared by key may hold them.
        try DatabaseQueue(path: cli.database).write { db in
            try db.execute(sql: "INSERT INTO recipient(code, code_key, registered_on) VALUES ('ТД42', 'TD42', '2026-11-01')")
        }
        let check = try cli.run(["check"])
        #expect(check.status == 0 && check.stdout.contains("Получатели ТД-042, ТД42 — один код"), "\(check.stdout)\(check.stderr)")
        let exact = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД42", "--date", "2026-11-02"])
        #expect(exact.status == 0, "\(exact.stderr)")
        let other = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "td-42", "--date", "2026-11-02"])
        #expect(other.status != 0 && other.stderr.contains("подходит нескольким получателям: ТД-042, ТД42"), "\(other.stderr)")
        #expect(try Self.movements(cli) == 2)
    }

    @Test func aHandoutOfTwoLinesIsOneMovementAndOneVisit() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let intake = try cli.run(["intake", "--box", pre, "--line", "shoes:5", "--line", "kids:4:2,5", "--date", "2026-11-01"])
        #expect(intake.status == 0 && intake.stdout.contains("принято 5 шт. «Обувь», 4 шт. «Детская одежда» в бокс \(pre)"), "\(intake.stdout)\(intake.stderr)")
        let handout = try cli.run(["handout", "--box", pre, "--recipient", "ТД-042", "--new-recipient", "--line", "shoes:2", "--line", "kids:3:1,2",
                                   "--date", "2026-11-02"])
        #expect(handout.status == 0, "\(handout.stderr)")
        #expect(handout.stdout.contains("выдано 2 шт. «Обувь», 3 шт. «Детская одежда» из бокса \(pre)"), "\(handout.stdout)")
        let lines = try DatabaseQueue(path: cli.database).read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.kind, l.line, l.quantity, l.grams FROM movement m JOIN movement_line l ON l.movement_id = m.id
                WHERE m.kind = 'handout' ORDER BY l.line
                """).map { "\($0["kind"] as String) \($0["line"] as Int) \($0["quantity"] as Int) \(($0["grams"] as Int?) ?? -1)" }
        }
        #expect(lines == ["handout 1 2 -1", "handout 2 3 1200"])
        let figures = try Self.unique(cli)
        #expect(figures.unique == 1 && figures.visits == 1, "\(figures)")
        let stock = try cli.run(["stock", "--format", "csv"]).stdout
        #expect(stock.contains(",shoes,Обувь,3,") && stock.contains(",kids,Детская одежда,1,"), "\(stock)")
        // Two lines of one category are checked together: 2 + 2 of 3 shoes is too many.
        let twice = try cli.run(["handout", "--box", pre, "--line", "shoes:2", "--line", "обувь:2", "--date", "2026-11-03"])
        #expect(twice.status != 0 && twice.stderr.contains("а нужно 4"), "\(twice.stderr)")
        #expect(try Self.movements(cli) == 2)
    }

    /// A bad `--line` is one line, non-zero, and nothing is written.
    @Test(arguments: [
        (["--line", "shoes"], "«shoes»"),
        (["--line", "shoes:"], "«shoes:»"),
        (["--line", "shoes:2:1:5"], "«shoes:2:1:5»"),
        (["--line", "shoes:x"], "x"),
        (["--line", "shoes:0"], "0"),
        (["--line", "shoes:2:1кг"], "1кг"),
        (["--line", "носки-2:1"], "носки-2"),
        (["--line", "shoes:1", "--category", "kids", "--quantity", "1"], "--line"),
        (["--line", "shoes:1", "--kg", "2"], "--line"),
        (["--category", "kids"], "--quantity"),
        ([], "--category"),
    ] as [([String], String)])
    func aBadLineIsRefused(arguments: [String], mentions: String) throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "9", "--date", "2026-11-01"])
        for command in ["intake", "handout"] {
            let r = try cli.run([command, "--box", pre] + arguments)
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(mentions), "\(command) \(arguments): \(r.stderr)")
        }
        #expect(try Self.movements(cli) == 1)
    }
}
