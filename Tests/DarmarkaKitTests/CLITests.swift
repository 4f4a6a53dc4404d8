import Foundation
import Testing
@testable import DarmarkaKit

@Suite("Command line", .serialized)
struct CLITests {
    @Test func everydayUseEndToEnd() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let intake = try cli.run(["intake", "--box", pre.lowercased(), "--category", "обувь", "--quantity", "5", "--kg", "2,5", "--date", "03.11.2026"])
        #expect(intake.status == 0)
        #expect(intake.stdout.contains("принято 5 шт. «Обувь»"))
        let handout = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "2", "--recipient", "К-17", "--new-recipient", "--date", "2026-11-04"])
        #expect(handout.status == 0)
        #expect(handout.stdout.contains("Новый получатель К-17 зарегистрирован"))
        #expect(try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "shoes", "--quantity", "1", "--date", "2026-11-05"]).status == 0)

        let stock = try cli.run(["stock", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stock.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows { for key in ["box", "category", "quantity", "kg"] { #expect(row[key] != nil, "stock JSON lacks \(key)") } }
        #expect(rows.first { $0["box"] as? String == pre }?["quantity"] as? Int == 2)
        // 2,5 kg for 5 pairs: the 3 that left unweighed took their share by moving average.
        #expect(rows.first { $0["box"] as? String == pre }?["kg"] as? Double == 1.0)

        let boxes = try cli.run(["box", "list", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(boxes.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        for box in list { for key in ["code", "centre", "name", "kind", "status"] { #expect(box.keys.contains(key)) } }

        let centre = try cli.run(["stock", "--centre", "MAT", "--lang", "en"])
        #expect(centre.stdout.contains("Shoes"))
        #expect(!centre.stdout.contains(pre))

        let csv = try cli.run(["history", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\r\n").count == 4)

        let undo = try cli.run(["undo", "2"])
        #expect(undo.status == 0)
        #expect(undo.stdout.contains("№2"))
        let show = try cli.run(["box", "show", pre])
        #expect(show.stdout.contains("отменено"))
    }

    /// Every wrong input: one line saying what is wrong, a non-zero status,
    /// and the database exactly as it was.
    /// JSON is for scripts: kinds, statuses and operations as their codes
    /// in either language; tables and CSV name them in the user's.
    @Test func jsonCarriesCodesTablesCarryNames() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        let boxes = try cli.run(["box", "list", "--format", "json"]).stdout
        #expect(boxes.contains("\"kind\": \"collection\"") && boxes.contains("\"status\": \"active\""), "\(boxes)")
        let history = try cli.run(["history", "--format", "json"]).stdout
        #expect(history.contains("\"kind\": \"intake\""), "\(history)")
        #expect(try cli.run(["box", "list"]).stdout.contains("в работе"))
        #expect(try cli.run(["history", "--format", "csv"]).stdout.contains(",приём,"))
        #expect(try cli.run(["history", "--format", "csv", "--lang", "en"]).stdout.contains(",intake,"))
    }

    @Test func retiringABoxSaysWhatIsStillInIt() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        let full = try cli.run(["box", "retire", pre])
        #expect(full.stdout == "Бокс \(pre) выведен из работы; в нём ещё 5 шт.: их можно выдать, перенести (darmarka transfer) или списать.\n")
        #expect(try cli.run(["box", "retire", mat]).stdout == "Бокс \(mat) выведен из работы.\n")
        // What is in it can still leave it.
        #expect(try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-02"]).status == 0)
    }

    /// `ТК-001` typed with Latin letters is the same card: the fund counts
    /// people once.
    @Test func aRecipientCodeTypedInTheOtherScriptIsTheSamePerson() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        #expect(try cli.run(["recipient", "add", "ТК-001"]).status == 0)                      // Cyrillic Т and К
        let latin = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "TK-001", "--date", "2026-11-02"])
        #expect(latin.status == 0, "\(latin.stderr)")
        #expect(!latin.stdout.contains("Новый получатель"), "\(latin.stdout)")
        let mixed = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "тk-001", "--date", "2026-11-03"])
        #expect(!mixed.stdout.contains("Новый получатель"), "\(mixed.stdout)")
        #expect(try cli.run(["recipient", "list", "--format", "csv"]).stdout.split(separator: "\r\n").count == 2)
        let again = try cli.run(["recipient", "add", "TK-001"])
        #expect(again.status != 0)
        // In a journal too, however each row spells it.
        let journal = "date,operation,box,category,quantity,recipient\n2026-11-04,handout,\(pre),shoes,1,ТД-7\n2026-11-05,handout,\(pre),shoes,1,TД-7\n"
        let path = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("j.csv").path
        try journal.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", path, "--lang", "en"])
        #expect(imported.stdout.contains("New recipients: 1,"), "\(imported.stdout)")
    }

    /// --group and --household describe a new recipient; said for one who
    /// is registered already, they must agree, or nothing is written.
    @Test func detailsOfAKnownRecipientMustAgree() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        #expect(try cli.run(["recipient", "add", "R1", "--group", "large-family", "--household", "3"]).status == 0)
        let same = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "R1",
                                "--group", "многодетные", "--household", "3", "--date", "2026-11-02"])
        #expect(same.status == 0, "\(same.stderr)")
        let other = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "R1",
                                 "--household", "7", "--date", "2026-11-02"])
        #expect(other.status != 0)
        #expect(other.stderr.contains("Получатель R1 уже зарегистрирован с другой группой или составом семьи"), "\(other.stderr)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.contains(",4,"))
    }

    @Test func anIntakeWhoseThingsLeftCannotBeUndone() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--date", "2026-11-01"])
        try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "2", "--date", "2026-11-02"])
        let r = try cli.run(["undo", "1"])
        #expect(r.status != 0)
        #expect(r.stderr == "darmarka: Отменить №1 нельзя: вещи уже ушли из бокса \(pre) — на 2026-11-02 там «Обувь» 1 шт., а отмена забирает 3. Сначала отмените выдачу или перемещение, которые их забрали.\n", "\(r.stderr)")
        #expect(try cli.run(["undo", "2"]).status == 0)
        #expect(try cli.run(["undo", "1"]).status == 0)
    }

    @Test func aCountThatAgreesIsAConfirmation() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "toys", "--quantity", "5", "--date", "2026-11-01"])
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let r = try cli.run(["count", "--box", pre, "--category", "toys", "--quantity", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Пересчёт сходится: в боксе \(pre) «Игрушки» 5 шт., как и по учёту; записывать нечего.\n")
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
        let json = try cli.run(["count", "--box", pre, "--category", "toys", "--quantity", "5", "--format", "json"])
        #expect(json.status == 0 && json.stdout.hasPrefix("{\"id\": null, "), "\(json.stdout)")
    }

    /// A screenful by default, and it says so; a period asked for comes whole.
    @Test func historyListsAPeriodWhole() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.importIntakes(60, into: pre, days: 20).status == 0)
        let screen = try cli.run(["history", "--format", "csv"])
        #expect(screen.stdout.split(separator: "\r\n").count == 51)
        #expect(screen.stderr == "Показаны последние 50 движений; за период целиком — --from и --to, больше — --limit.\n")
        let month = try cli.run(["history", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv"])
        #expect(month.stdout.split(separator: "\r\n").count == 61 && month.stderr.isEmpty)
        let ten = try cli.run(["history", "--limit", "10", "--format", "csv"])
        #expect(ten.stdout.split(separator: "\r\n").count == 11 && ten.stderr.isEmpty)
    }

    @Test func checkSaysOkAsABooleanToScripts() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        let json = try cli.run(["check", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(json.stdout.hasPrefix("{\"ok\": true, "), "\(json.stdout)")
        #expect(object?["ok"] as? Bool == true)
        #expect(try cli.run(["check", "--format", "csv"]).stdout.split(separator: "\r\n").last == "true,1,1")
    }

    /// What is handed out at an event counts as handed out at events: an
    /// event named by its number must still be on the handout's day.
    @Test func aHandoutAtAnEventIsOnTheEventsDay() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "5", "--date", "2026-11-01"])
        #expect(try cli.run(["event", "add", "--name", "Ярмарка", "--date", "2026-11-14", "--centre", "PRE"]).status == 0)
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let wrong = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--event", "1", "--date", "2026-11-20"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr == "darmarka: Мероприятие «Ярмарка» было 2026-11-14, а выдача датирована 2026-11-20: укажите дату мероприятия (--date 2026-11-14) или другое мероприятие.\n")
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
        let right = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--event", "1", "--date", "2026-11-14"])
        #expect(right.status == 0, "\(right.stderr)")
    }

    @Test(arguments: [
        (["intake", "--box", "B-ZZZZZ", "--category", "shoes", "--quantity", "1"], "B-ZZZZZ"),
        (["intake", "--box", "B-00", "--category", "shoes", "--quantity", "1"], "B-7K3QX"),
        (["intake", "--box", "B-0001Z B-00070", "--category", "shoes", "--quantity", "1"], "два кода боксов, B-0001Z и B-00070"),
        (["intake", "--box", "{PRE}", "--category", "носки-2", "--quantity", "1"], "darmarka category list"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "0"], "больше нуля"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "-3"], "больше нуля"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "два"], "«два»"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1.5"], "целым"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--date", "31.04.2026"], "Такой даты нет"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--date", "2025-02-29"], "Такой даты нет"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--date", "28.11.62"], "Дата 2062-11-28 ещё не наступила"),
        (["handout", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--date", "9999-12-31"], "ещё не наступила"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--kg", "abc"], "Вес"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--kg", "999999999999999"], "больше предела в 100\u{A0}000 кг"),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--kg", "100000,5"], "больше предела в 100\u{A0}000 кг"),
        (["handout", "--box", "{PRE}", "--category", "shoes", "--quantity", "50"], "а нужно 50"),
        (["handout", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--date", "2026-10-01"], "а нужно 1"),
        (["transfer", "--from", "{PRE}", "--to", "{PRE}", "--category", "shoes", "--quantity", "1"], "тот же бокс"),
        (["undo", "999"], "№999"),
        (["undo", "abc"], "abc"),
        (["box", "add", "--centre", "XXX"], "XXX"),
        (["writeoff", "--box", "{PRE}", "--category", "shoes"], "не указан обязательный аргумент «--quantity"),
        (["intake", "--box", "{PRE}", "--category", "shoes"], "--category и --quantity указываются вместе"),
        (["stock", "--bogus"], "неизвестный параметр «--bogus»"),
        (["stock", "--format", "xml"], "xml"),
        (["stock", "--lang", "de"], "de"),
        (["init"], "уже создана"),
        (["event", "add", "--name", "Будущая", "--date", "2027-11-20", "--participants", "40"], "Мероприятие 2027-11-20 ещё не прошло"),
        (["target", "set", "items-handed-out", "0", "--period", "2026"], "VALUE — число от 1, а здесь 0."),
        (["history", "--from", "2026-11-15", "--to", "2026-11-01"], "Период кончается (2026-11-01) раньше, чем начинается (2026-11-15)"),
        (["export", "journal", "--from", "2026-11-15", "--to", "2026-11-01"], "раньше, чем начинается"),
        (["handout", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--household", "4"], "укажите и его код (--recipient)"),
        (["recipient", "add", "R-103", "--contact", "tel", "--consent-date", "2027-01-01"], "Дата согласия 2027-01-01 ещё не наступила"),
        (["recipient", "add", "R-104", "--date", "2027-03-01"], "Дата регистрации 2027-03-01 ещё не наступила"),
        (["event", "add", "--name", "Фримаркет", "--date", "2026-11-20", "--participants", "99999999"], "не больше 1000000"),
        (["category", "add", "--code", "nl", "--name-ru", "Зимние\nкуртки"], "Название «Зимние⏎куртки» — не в одну строку"),
        (["box", "add", "--centre", "PRE", "--name", "Бокс\nу входа"], "Название «Бокс⏎у входа» — не в одну строку"),
        (["centre", "add", "--code", "NEW", "--name", ""], "Название пустое: напишите его в --name."),
        (["intake", "--box", "{PRE}", "--category", "shoes", "--quantity", "1", "--volunteer", "Анна\tП."], "«Анна·П.» — не в одну строку"),
        (["history", "--limit", "0"], "--limit — число от 1, а здесь 0."),
        (["box", "show", "{PRE}", "--last", "0"], "--last — число от 1, а здесь 0."),
        (["init", "--db", "/dev/null"], "это не база Дармарки: init его не тронет"),
        (["report", "range", "--from", "2026-11-15", "--to", "2026-11-14"], "Период кончается (2026-11-14) раньше, чем начинается (2026-11-15)"),
        (["report", "year", "--year", "0"], "Год «0» не понят"),
        (["target", "set", "items-handed-out", "10", "--period", "2026-12-01..2026-11-01"], "раньше, чем начинается"),
        (["target", "set", "items-handed-out", "10", "--period", "весной"], "Период «весной» не понят"),
        (["restore", "/nonexistent/copy.sqlite"], "Укажите копию базы, сделанную darmarka backup"),
        (["restore", "/tmp"], "/tmp — папка, а нужен файл"),
        (["backup", "/nonexistent/copy.sqlite"], "Папки /nonexistent нет"),
        (["export", "journal", "--output", "/nonexistent/journal.csv"], "Папки /nonexistent нет"),
    ] as [([String], String)])
    func badInputIsOneLineAndWritesNothing(arguments: [String], mentions: String) throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--date", "2026-11-01"])
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let result = try cli.run(arguments.map { $0 == "{PRE}" ? pre : $0 })
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("darmarka: "))
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)).count == before.count)
    }

    @Test func saysItsVersion() throws {
        let cli = CLI(database: "/nonexistent/never-opened.sqlite")
        let result = try cli.run(["--version"])
        #expect(result.status == 0 && result.stdout == DarmarkaVersion.text + "\n" && result.stderr.isEmpty)
    }

    @Test func refusesFilesThatAreNotDarmarkas() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = dir.appendingPathComponent("journal.xlsx").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: text))
        let r = try CLI(database: text).run(["stock"])
        #expect(r.status != 0)
        #expect(r.stderr == "darmarka: Файл \(text) — не база Дармарки. Укажите правильный файл в --db.\n")
        let missing = try CLI(database: dir.appendingPathComponent("none.sqlite").path).run(["stock", "--lang", "en"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("darmarka init"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func speaksTheLanguageOfLANG() throws {
        var (cli, pre, _) = try CLI.withDemo()
        cli.lang = "en_GB.UTF-8"
        let en = try cli.run(["intake", "--box", pre, "--category", "toys", "--quantity", "2"])
        #expect(en.stdout.contains("taken into box"))
        cli.lang = "ru_RU.UTF-8"
        let ru = try cli.run(["handout", "--box", pre, "--category", "toys", "--quantity", "9"])
        #expect(ru.stderr.contains("В боксе"))
        let forced = try cli.run(["handout", "--box", pre, "--category", "toys", "--quantity", "9", "--lang", "en"])
        #expect(forced.stderr.contains("holds 2 of “Toys”"))
        // Global options may also stand before the command.
        let before = try cli.run(["--lang", "en", "--db", cli.database, "stock", "--format", "csv"])
        #expect(before.status == 0 && before.stdout.hasPrefix("Centre,Box"))
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("intake"))
    }

    @Test func countRecordsTheDifference() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "books", "--quantity", "10"])
        let count = try cli.run(["count", "--box", pre, "--category", "книги", "--quantity", "7", "--format", "json"])
        #expect(count.status == 0)
        #expect(count.stdout.contains("\"before\": 10"))
        let stock = try cli.run(["stock", "--box", pre, "--format", "csv"])
        #expect(stock.stdout.contains(",7,"))
        let same = try cli.run(["count", "--box", pre, "--category", "books", "--quantity", "7"])
        // A count that agrees confirms the books; nothing is recorded.
        #expect(same.status == 0)
        #expect(same.stdout.contains("Пересчёт сходится") && same.stdout.contains("7 шт."))
        #expect(try cli.run(["count", "--box", pre, "--category", "books", "--quantity", "0"]).status == 0)
    }
}
