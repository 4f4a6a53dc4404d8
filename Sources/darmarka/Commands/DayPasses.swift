import ArgumentParser
import DarmarkaCore
import DarmarkaKit
import DarmarkaWeb
import Foundation

/// `darmarka user pass …`: one-time links that sign a phone in as a
/// volunteer of one centre for a free-market day.
struct DayPassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pass", abstract: "Пропуск на день для волонтёра / a day pass for a casual volunteer.",
        subcommands: [Create.self, List.self, Revoke.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Новый пропуск: ссылка и её QR-код / a new pass: its link and the link's QR code.",
            discussion: """
            Ссылка открывается один раз, на одном телефоне, и даёт права волонтёра центра до конца срока. \
            Ссылка выводится только сейчас: база хранит лишь её хеш.
            The link opens once, on one phone, as a volunteer of the centre until the pass ends. \
            It is shown only now: the database keeps only its hash.
            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Центр / centre.") var centre: String
        @Option(parsing: .unconditional, help: "Сколько часов действует / how many hours it lasts.") var hours = "12"
        @Option(name: .customLong("url-base"),
                help: "Адрес сервера (иначе запомненный darmarka serve --url-base) / the server's address (else the one serve remembered).")
        var urlBase: String?
        @Option(name: .shortAndLong, help: "PNG с QR-кодом (иначе pass-N.png) / the QR code's PNG (else pass-N.png).") var output: String?
        @Flag(help: "Перезаписать файл / overwrite the output file.") var force = false

        func run() throws {
            let ctx = try Context(global)
            let hours = try DayPassRules.hours(self.hours)
            if let output { try OutputFile.check(output, force: force) }
            let store = try ctx.store()
            // The file is written inside the transaction: a pass whose QR
            // could not be written is not kept, as nobody could open it.
            let (pass, link, file) = try store.write { tx -> (DayPass, String, String) in
                guard let base = try urlBase ?? tx.publicAddress() else { throw DayPassProblem.noURLBase }
                let (pass, link) = try DayPassIssue.issue(in: tx, centre: try tx.centre(centre), hours: hours, base: base)
                let file = output ?? "pass-\(pass.id).png"
                // The picture opens a sign-in: readable by its owner only.
                try OutputFile.write(try QRPicture.png(link), to: file, force: force, audience: .ownerOnly)
                return (pass, link, file)
            }
            ctx.report(.empty(DayPassNote.created(id: pass.id, centre: pass.centre, until: pass.expires, link: link, file: file).phrase),
                       [("id", .int(Int(pass.id))), ("centre", .text(pass.centre)), ("expires", .text(pass.expires)),
                        ("link", .text(link)), ("file", .text(file))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Пропуска и их состояние / passes and their state.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let ctx = try Context(global)
            ctx.show(.dayPasses(try ctx.store().read { try $0.dayPasses() }))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Отозвать пропуск сразу / revoke a pass at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Номер пропуска / the pass's number.") var number: String
        func run() throws {
            let ctx = try Context(global)
            let id = try ctx.store().write { try $0.revokeDayPass(number) }
            ctx.say(.empty(DayPassNote.revoked(id: id).phrase))
        }
    }
}
