import ArgumentParser
import DarmarkaKit

struct BoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "box", abstract: "Боксы / boxes.",
                                                    subcommands: [Add.self, List.self, Show.self, Retire.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Зарегистрировать бокс и выдать ему код / register a box.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Центр / centre code.") var centre: String
        @Option(help: "Название / name.") var name: String?
        @Option(help: "Вид бокса / kind of box.") var kind: BoxKind = .collection
        @Option(help: "Заранее напечатанный код / a pre-printed code to claim.") var code: String?
        @Flag(name: .customLong("other-centre"),
              help: "Код напечатан для другого центра, занять его здесь нарочно / the code was printed for another centre: claim it here on purpose.")
        var otherCentre = false

        func run() throws {
            let ctx = try Context(global)
            let box = try ctx.store().write { tx in
                let centre = try tx.centre(centre)
                var claimed: BoxCode?
                if let code {
                    switch BoxCode.find(in: code) {
                    case .success(let c): claimed = c
                    case .failure(let p): throw LedgerProblem.badBoxCode(code, p)
                    }
                }
                return try tx.addBox(centre: centre, name: name, kind: kind, claiming: claimed, otherCentre: otherCentre)
            }
            ctx.report(.boxAdded(code: box.code.description, centre: box.centreCode),
                       [("code", .text(box.code.description)), ("centre", .text(box.centreCode))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список боксов / list boxes.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        @Option(help: "Только этот центр / one centre only.") var centre: String?
        func run() throws {
            let ctx = try Context(global, excel: excel)
            let boxes = try ctx.store().read { tx in try tx.boxes(centre: try centre.map(tx.centre)) }
            ctx.show(Listings.boxes(boxes))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Что в боксе и что с ним было / contents and history.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Код бокса / box code.") var code: String
        @Option(parsing: .unconditional, help: "Сколько последних движений / how many recent movements.") var last = 10

        func run() throws {
            let ctx = try Context(global)
            let (box, stock, history) = try ctx.store().read { tx in
                let box = try tx.box(code)
                return (box, try tx.stock(box: box), try tx.history(box: box, limit: try Parse.atLeastOne(last, "--last")))
            }
            let about = Listings.boxes([box])
            switch ctx.format {
            case .json:
                Console.out("{\"box\": \(about.jsonObjects().joined()),\n \"stock\": \(Listings.stock(stock, lang: ctx.lang).json()), \"history\": \(Listings.history(history, lang: ctx.lang).json())}")
            default:
                ctx.show(about)
                Console.out("")
                Console.out(CLINote.boxContents.text(ctx.lang))
                ctx.show(Listings.stock(stock, lang: ctx.lang))
                Console.out("")
                Console.out(CLINote.recentMovements.text(ctx.lang))
                ctx.show(Listings.history(history, lang: ctx.lang))
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire", abstract: "Вывести бокс из работы / retire a box.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Код бокса / box code.") var code: String
        func run() throws {
            let ctx = try Context(global)
            let (box, holding) = try ctx.store().write { tx in
                let box = try tx.box(code)
                try tx.retire(box)
                return (box, try tx.stock(box: box).reduce(0) { $0 + $1.quantity })
            }
            ctx.report(.boxRetired(code: box.code.description, holding: holding),
                       [("code", .text(box.code.description)), ("status", .text("retired")), ("items", .int(holding))])
        }
    }
}
