import Foundation
import Testing
@testable import DarmarkaKit

/// What volunteers tripped over at the command line (issue 11).
@Suite("Command line friction", .serialized)
struct CLIFrictionTests {
    // MARK: undo

    /// Through a pipe nobody can answer: no question, and the line says
    /// what was reversed, not only its number.
    @Test func undoThroughAPipeSaysWhatItReversedWithoutAsking() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--date", "2026-11-25", "--volunteer", "Анна"])
        let undo = try cli.run(["undo", "1"], stdin: "н\n")
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout == "Отменено №1: приём 3 шт. «Обувь» в \(pre), 2026-11-25, Анна (обратное движение №2).\n", "\(undo.stdout)")
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "2", "--date", "2026-11-26"])
        let english = try cli.run(["undo", "3", "--yes", "--lang", "en"])
        #expect(english.stdout == "Undone #3: intake of 2 × “Shoes” into \(pre), 2026-11-26 (reversing movement #4).\n", "\(english.stdout)")
        // A number that is itself an undo is refused before anything is asked.
        #expect(try cli.run(["undo", "2"]).stderr.contains("само является отменой"))
    }

    @Test func confirmationAsksOnlyAPersonAndTakesOnlyAClearYes() {
        #expect(Confirmation.shouldAsk(yes: false, stdinIsTerminal: true, stdoutIsTerminal: true))
        #expect(!Confirmation.shouldAsk(yes: true, stdinIsTerminal: true, stdoutIsTerminal: true))
        #expect(!Confirmation.shouldAsk(yes: false, stdinIsTerminal: false, stdoutIsTerminal: true))
        #expect(!Confirmation.shouldAsk(yes: false, stdinIsTerminal: true, stdoutIsTerminal: false))
        for yes in ["д", "Да", " ДА ", "y", "Yes"] { #expect(Confirmation.accepts(yes), "\(yes)") }
        for no in ["", "н", "нет", "n", "no", "ok", "дай"] { #expect(!Confirmation.accepts(no), "\(no)") }
        #expect(!Confirmation.accepts(nil))
    }

    /// On a pseudo-terminal (util-linux `script`), undo shows the movement
    /// and asks; «н» leaves the ledger alone, «да» undoes.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func undoOnATerminalAsksFirst() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--date", "2026-11-25"])
        func onTerminal(_ answer: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "'\(CLI.binary.path)' undo 1", "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env["DARMARKA_DB"] = cli.database
            env["LANG"] = "ru_RU.UTF-8"
            env["LC_ALL"] = nil
            env["DARMARKA_LANG"] = nil
            process.environment = env
            let out = Pipe(), input = Pipe()
            process.standardOutput = out
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data((answer + "\n").utf8))
            try input.fileHandleForWriting.close()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let declined = try onTerminal("н")
        #expect(declined.contains("№1: приём 3 шт. «Обувь» в \(pre), 2026-11-25"), "\(declined)")
        #expect(declined.contains("Отменить? [д/Н]"), "\(declined)")
        #expect(declined.contains("Ничего не отменено."), "\(declined)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.contains(",3,"))
        let accepted = try onTerminal("да")
        #expect(accepted.contains("Отменено №1"), "\(accepted)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.split(separator: "\r\n").count == 1)
    }

    // MARK: pre-printed codes

    @Test func aCodePrintedForOneCentreIsClaimedAtAnotherOnlyOnPurpose() throws {
        let (cli, _, _) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blank = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "2", "--template", "L7160",
                                 "--output", directory.appendingPathComponent("blank.pdf").path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(blank.stdout.utf8)) as? [String: Any]
        let codes = try #require(object?["codes"] as? [String])
        let refused = try cli.run(["box", "add", "--centre", "MAT", "--code", codes[0]])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("напечатан для центра PRE"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--other-centre"), "\(refused.stderr)")
        #expect(try cli.run(["box", "list", "--format", "csv"]).stdout.split(separator: "\r\n").count == 3)
        let scanned = try cli.run(["scan", "--claim-centre", "MAT"], stdin: codes[1] + "\n")
        #expect(scanned.stderr.contains("напечатан для центра PRE"), "\(scanned.stderr)")
        let onPurpose = try cli.run(["box", "add", "--centre", "MAT", "--code", codes[0], "--other-centre"])
        #expect(onPurpose.status == 0, "\(onPurpose.stderr)")
        #expect(try cli.run(["box", "add", "--centre", "PRE", "--code", codes[1]]).status == 0)
    }

    // MARK: names for people

    @Test func peopleReadNamesScriptsReadCodes() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--kg", "1,5", "--condition", "хорошее",
                             "--date", "2026-11-25", "--volunteer", "Анна"]).status == 0)
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--condition", "требует ремонта или стирки",
                             "--date", "2026-11-25"]).status == 0)
        let bad = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--condition", "плохое"])
        // The parser names every value it takes, Russian first.
        #expect(bad.stderr.contains("«новое», «хорошее», «ремонт», «утиль»"), "\(bad.stderr)")

        let stock = try cli.run(["stock"]).stdout
        #expect(stock.contains("Обувь") && !stock.contains("shoes"), "\(stock)")
        #expect(try cli.run(["stock", "--format", "csv"]).stdout.contains(",shoes,Обувь,4,1.5"))

        let history = try cli.run(["history"]).stdout
        #expect(history.contains("Волонтёр") && history.contains("Анна") && history.contains("Обувь") && !history.contains("shoes"), "\(history)")
        let csv = try cli.run(["history", "--format", "csv"]).stdout
        #expect(csv.contains(",Волонтёр,") && csv.contains(",shoes,3,1.5,good,,Анна,"), "\(csv)")
        #expect(history.contains("хорошее") && history.contains("требует ремонта или стирки"), "\(history)")
        #expect(try cli.run(["history", "--format", "json"]).stdout.contains("\"category\": \"shoes\", \"quantity\": 3, \"kg\": 1.5, \"condition\": \"good\", \"recipient\": null, \"volunteer\": \"Анна\""))
        #expect(try cli.run(["history", "--lang", "en"]).stdout.contains("Shoes"))

        let handout = try cli.run(["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "К-1",
                                   "--new-recipient", "--group", "многодетные", "--date", "2026-11-26"])
        #expect(handout.status == 0, "\(handout.stderr)")
        let recipients = try cli.run(["recipient", "list"]).stdout
        #expect(recipients.contains("Многодетная семья"), "\(recipients)")
        #expect(!recipients.contains("large"), "\(recipients)")
        #expect(try cli.run(["recipient", "list", "--format", "json"]).stdout.contains("\"group\": \"large"))

        let alias = try cli.run(["category", "alias", "shoes", "ботинки"])
        #expect(alias.stdout.contains("категорию «Обувь»"), "\(alias.stdout) \(alias.stderr)")
    }

    @Test func targetsTakeRussianNamesAndKilogramFractions() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--kg", "60,25", "--date", "2026-11-25"])
        let set = try cli.run(["target", "set", "--metric", "принято кг", "--value", "120,5", "--period", "2026"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("120,5"), "\(set.stdout)")
        #expect(try cli.run(["target", "set", "получатели", "40", "--period", "2026"]).status == 0)
        let ambiguous = try cli.run(["target", "set", "--metric", "kg", "--value", "5", "--period", "2026"])
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("kg-received, kg-handed-out"), "\(ambiguous.stderr)")
        let list = try cli.run(["target", "list"]).stdout
        #expect(list.contains("Принято, кг") && list.contains("120,5") && list.contains("Получателей"), "\(list)")
        #expect(try cli.run(["target", "list", "--format", "json"]).stdout.contains("\"metric\": \"kg-received\", \"from\": \"2026-01-01\", \"to\": \"2026-12-31\", \"value\": 120.5"))
        let report = try cli.run(["report", "year", "--year", "2026"]).stdout
        #expect(report.contains("120,5") && report.contains("60,25"), "\(report)")
        let json = try cli.run(["report", "year", "--year", "2026", "--format", "json"]).stdout
        #expect(json.contains("\"target\": 120.5, \"actual\": 60.25, \"percent\": 50"), "\(json)")
    }

    /// `DARMARKA_LANG` chooses the language when `--lang` does not, before `$LANG`.
    @Test func darmarkaLangComesBeforeLang() throws {
        let (cli, _, _) = try CLI.withDemo()
        #expect(try cli.run(["centre", "list"], environment: ["DARMARKA_LANG": "en"]).stdout.contains("Name"))
        #expect(try cli.run(["centre", "list", "--lang", "ru"], environment: ["DARMARKA_LANG": "en"]).stdout.contains("Название"))
        #expect(try cli.run(["intak"], environment: ["DARMARKA_LANG": "en"]).stderr.contains("There is no command"))
    }

    /// An import done before is told in the organisation's hours, not UTC.
    @Test func aRepeatedImportSaysWhenInTheOrganisationsTimeZone() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.importIntakes(2, into: pre, days: 2).status == 0)
        let again = try cli.importIntakes(2, into: pre, days: 2)
        #expect(again.stdout.contains("Asia/Yekaterinburg") && !again.stdout.contains("UTC"), "\(again.stdout)")
    }

    // MARK: Excel

    @Test func csvForExcelHasSemicolonsDecimalCommasAndNames() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--kg", "1,5", "--date", "2026-11-25"])
        let stock = try cli.run(["stock", "--format", "csv", "--excel"]).stdout
        #expect(stock == "\u{FEFF}Центр;Бокс;Категория;Шт.;Кг\r\nPRE;\(pre);Обувь;3;1,5\r\n", "\(stock)")
        let history = try cli.run(["history", "--format", "csv", "--excel", "--lang", "en"]).stdout
        #expect(history.contains(";intake;;\(pre);Shoes;3;1,5;;"), "\(history)")
        #expect(try cli.run(["box", "list", "--excel"]).stdout.hasPrefix("\u{FEFF}Код;Центр;"))
        #expect(try cli.run(["stock", "--format", "json", "--excel"]).status != 0)
    }

    // MARK: messages

    @Test func aJournalsImpossibleDateAndTooHeavyWeightSayWhatIsWrong() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let path = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("j.csv").path
        try "date,operation,box,category,quantity,kg\n31.02.2026,intake,\(pre),shoes,1,\n2026-11-02,intake,\(pre),shoes,1,150000\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("такой даты нет: «31.02.2026»"), "\(result.stderr)")
        #expect(result.stderr.contains("больше 100\u{00A0}000 кг"), "\(result.stderr)")
        let heavy = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--kg", "150000"])
        #expect(heavy.stderr.contains("больше предела в 100\u{00A0}000 кг"), "\(heavy.stderr)")
    }

    @Test func aMistypedCommandIsNamedWithTheNearestAndHelpIsTheCommands() throws {
        let (cli, _, _) = try CLI.withDemo()
        let typo = try cli.run(["intak", "--box", "B-1"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("darmarka: Нет команды «intak». Может быть, intake?"), "\(typo.stderr)")
        #expect(try cli.run(["box", "lst"]).stderr.contains("Может быть, list? Список команд: darmarka box --help."))
        let option = try cli.run(["intake", "--boxx", "B-1", "--category", "shoes", "--quantity", "1"])
        #expect(option.stderr.contains("Справка: darmarka intake --help."), "\(option.stderr)")
        let inRun = try cli.run(["import", "x.csv", "--kind", "nonsense"])
        #expect(inRun.stderr.contains("Справка: darmarka import --help."), "\(inRun.stderr)")
    }

    /// With `--format json` a script gets the error as an object on
    /// standard error, and the same exit status.
    @Test func withJSONAnErrorIsAnObject() throws {
        let (cli, _, _) = try CLI.withDemo()
        for arguments in [["undo", "99"], ["intak"], ["stock", "--box", "B-0001Y"], ["intake", "--boxx", "1"]] {
            let plain = try cli.run(arguments)
            let json = try cli.run(arguments + ["--format", "json"])
            #expect(json.status == plain.status && json.status != 0, "\(arguments)")
            let object = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: [String: String]]
            let error = try #require(object?["error"], "\(json.stderr)")
            #expect(error["message"].map { plain.stderr.contains($0) } == true, "\(json.stderr) vs \(plain.stderr)")
            #expect(error["code"]?.isEmpty == false)
        }
        #expect(try cli.run(["undo", "99", "--format", "json"]).stderr.contains("\"code\": \"unknownMovement\""))
        #expect(try cli.run(["intak", "--format", "json"]).stderr.contains("\"code\": \"unknownCommand\""))
    }
}

@Suite("Error codes for scripts")
struct ErrorCodeTests {
    @Test func aCodeIsTheProblemsCaseName() {
        #expect(ErrorJSON.code(of: LedgerProblem.badDate("x")) == "badDate")
        #expect(ErrorJSON.code(of: LedgerProblem.codesExhausted) == "codesExhausted")
        #expect(ErrorJSON.code(of: ImportError(line: 1, .emptyFile)) == "emptyFile")
        #expect(ErrorJSON.object(code: "a", message: "«б» \"в\"") == #"{"error": {"code": "a", "message": "«б» \"в\""}}"#)
    }
}
