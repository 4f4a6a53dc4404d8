import ArgumentParser
import DarmarkaKit
import GRDB
import Foundation

@main
struct Darmarka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "darmarka",
        abstract: "Учёт вещей Дармарки: приём, выдача, боксы, отчёты. / Darmarka: a ledger of donated things.",
        discussion: """
        База: --db ПУТЬ, иначе $DARMARKA_DB, иначе \(Context.defaultDatabasePath()).
        Язык: --lang ru|en, иначе из $LANG. Форматы списков: --format table|json|csv.

        Database: --db PATH, else $DARMARKA_DB, else the path above. Language: --lang ru|en, else from $LANG.
        """,
        version: DarmarkaVersion.text,
        subcommands: [
            Init.self, CentreCommand.self, BoxCommand.self, CategoryCommand.self, GroupCommand.self,
            RecipientCommand.self, EventCommand.self,
            Intake.self, Handout.self, Transfer.self, Writeoff.self, Count.self, Undo.self,
            StockCommand.self, History.self, ReportCommand.self, TargetCommand.self,
            ImportCommand.self, ExportCommand.self,
            Check.self, Backup.self, Restore.self,
            LabelsCommand.self, Resolve.self, Scan.self,
        ]
    )

    /// Every failure ends here: one line in the user's language, a non-zero
    /// status, and never a stack trace.
    static func main() {
        let arguments = Context.globalOptionsLast(Array(CommandLine.arguments.dropFirst()))
        let lang = Context.language(arguments: arguments)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let problem as UserFacingError {
            Context.fail(problem.text(lang))
        } catch let error as DatabaseError {
            Context.fail(LedgerProblem.unexpected(error.message ?? "\(error.resultCode)").text(lang))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version are not failures.
                print(fullMessage(for: error))
                Darmarka.exit(withError: nil)
            }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Context.fail(LedgerProblem.invalidArguments(message).text(lang), status: code == .validationFailure ? 64 : code.rawValue)
        }
    }
}
