import ArgumentParser
import DarmarkaKit
import Foundation

@main
struct Darmarka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "darmarka",
        abstract: "Учёт вещей Дармарки: приём, выдача, боксы, отчёты. / Darmarka: a ledger of donated things.",
        discussion: """
        База: --db ПУТЬ, иначе $DARMARKA_DB, иначе \(Context.defaultDatabasePath()).
        Язык: --lang ru|en, иначе $DARMARKA_LANG, иначе из $LANG. Форматы списков: --format table|json|csv
        (--excel: CSV для русского Excel).

        Database: --db PATH, else $DARMARKA_DB, else the path above. Language: --lang ru|en, else $DARMARKA_LANG,
        else from $LANG. Lists: --format table|json|csv (--excel: CSV for Russian Excel).
        """,
        version: DarmarkaVersion.text,
        subcommands: [
            Init.self, CentreCommand.self, BoxCommand.self, CategoryCommand.self, GroupCommand.self,
            RecipientCommand.self, EventCommand.self,
            Intake.self, Handout.self, Transfer.self, Writeoff.self, Count.self, Undo.self,
            StockCommand.self, History.self, ReportCommand.self, TargetCommand.self,
            ImportCommand.self, ExportCommand.self,
            Check.self, Backup.self, Restore.self, Verify.self,
            LabelsCommand.self, Resolve.self, Scan.self,
            Serve.self, UserCommand.self,
        ]
    )

    /// Every failure ends here: one line in the user's language, a non-zero
    /// status, and never a stack trace.
    static func main() {
        Console.start()
        let arguments = Context.globalOptionsLast(Array(CommandLine.arguments.dropFirst()))
        let lang = Context.language(arguments: arguments)
        // The command typed, for "see darmarka intake --help"; an unknown
        // one is named with the nearest that exists.
        let typed = commandTyped(arguments)
        if let unknown = typed.unknown {
            let problem = LedgerProblem.unknownCommand(unknown, suggestion: CommandSuggestion.nearest(to: unknown, among: subcommandNames(of: typed.type)),
                                                       parent: typed.path)
            Context.fail(problem.text(lang), code: "unknownCommand", status: 64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch is StandardOutput.Closed {
            Darmarka.exit(withError: ExitCode(Console.closedPipeStatus))
        } catch let problem as LedgerProblem {
            if case .invalidArguments(let m) = problem {
                Context.fail(LedgerProblem.invalidArgumentsOf(m, command: typed.path).text(lang), code: "invalidArguments")
            }
            Context.fail(problem.text(lang), code: ErrorJSON.code(of: problem))
        } catch let problem as UserFacingError {
            Context.fail(problem.text(lang), code: ErrorJSON.code(of: problem))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version are not failures.
                Console.out(fullMessage(for: error))
                Darmarka.exit(withError: nil)
            }
            let message = ArgumentMessages.oneLine(message(for: error))
            Context.fail(LedgerProblem.invalidArgumentsOf(message, command: typed.path).text(lang), code: "invalidArguments",
                         status: code == .validationFailure ? 64 : code.rawValue)
        }
    }

    /// The command the arguments name, as far as its words go (`darmarka
    /// box add`), and the first word that names no subcommand where one was
    /// expected.
    static func commandTyped(_ arguments: [String]) -> (path: String, type: ParsableCommand.Type, unknown: String?) {
        var type: ParsableCommand.Type = Darmarka.self
        var path = "darmarka"
        for word in arguments {
            let subcommands = type.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { break }
            // `darmarka help intake` is ArgumentParser's own.
            if word == "help" { break }
            guard let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) else {
                return (path, type, word)
            }
            type = next
            path += " " + next._commandName
        }
        return (path, type, nil)
    }

    static func subcommandNames(of type: ParsableCommand.Type) -> [String] {
        type.configuration.subcommands.map { $0._commandName }
    }
}
