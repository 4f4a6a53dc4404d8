import ArgumentParser
import DarmarkaKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Проверить базу и журнал / check the database and the ledger.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let (findings, counts, sameCodes) = try ctx.store().read { tx in
            (try tx.verify(), try tx.ledgerSize(), try tx.recipientsSharingCodes())
        }
        // Not a fault of the file (a restore takes it), but people to tell apart.
        let notes = sameCodes.map { RecipientNote.sameCode($0).text(ctx.lang) }
        guard findings.isEmpty else {
            for f in findings { Console.out("- " + f.text(ctx.lang)) }
            for n in notes { Console.out("- " + n) }
            throw LedgerProblem.checkFailed(findings.count)
        }
        ctx.report(.checked(movements: counts.movements, lines: counts.lines),
                   [("ok", .bool(true)), ("movements", .int(counts.movements)), ("lines", .int(counts.lines))])
        // JSON and CSV keep their shape for scripts; the notes go beside them.
        for n in notes {
            if ctx.format == .table { Console.out(n) } else { Console.err(n) }
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Копия базы, можно во время работы / back up, safe while others write.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Файл копии / backup file.") var file: String
    @Flag(help: "Перезаписать / overwrite.") var force = false

    func run() throws {
        let ctx = try Context(global)
        try ctx.store().backup(to: file, force: force)
        ctx.report(.backedUp(path: file), [("path", .text(file))])
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Восстановить базу из копии / restore from a backup.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Файл копии / backup file.") var file: String

    func run() throws {
        let ctx = try Context(global)
        // Never ctx.store(): restore is the way out when the database does not open.
        switch try Store.restore(into: try ctx.databasePath, from: file) {
        case .replaced(let kept):
            ctx.report(.restored(from: file, kept: kept), [("from", .text(file)), ("kept", .text(kept)), ("checked", .bool(true))])
        case .replacedDamaged(let kept):
            ctx.report(.restoredOverDamaged(from: file, kept: kept),
                       [("from", .text(file)), ("kept", .text(kept)), ("checked", .bool(true))])
        case .created:
            ctx.report(.restoredAfresh(from: file, path: try ctx.databasePath),
                       [("from", .text(file)), ("kept", .text("")), ("checked", .bool(true))])
        }
    }
}

extension RecipientCommand {
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forget", abstract: "Забыть человека (152-ФЗ), сохранив цифры / forget a person, keep the figures.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Код получателя / recipient code.") var code: String

        func run() throws {
            let ctx = try Context(global)
            // Erasing: the person's code and the notes naming it leave no
            // trace in the working file or its WAL.
            let (placeholder, redacted) = try ctx.store().erasing { tx in
                guard let r = try tx.recipient(code), !r.forgotten else { throw LedgerProblem.unknownRecipient(code) }
                let redacted = try tx.forgetTraces(of: r, code: r.code)
                return (try tx.forget(recipient: r), redacted)
            }
            ctx.report(.forgotten(code: code, placeholder: placeholder),
                       [("code", .text(code)), ("now", .text(placeholder)), ("notes_redacted", .int(redacted))])
            if redacted > 0 {
                let text = SealText.notesRedacted(redacted).text(ctx.lang)
                if ctx.format == .table { Console.out(text) } else { Console.err(text) }
            }
        }
    }
}
