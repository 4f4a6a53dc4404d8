import ArgumentParser
import DarmarkaKit

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stock", abstract: "Остатки по боксам / what is in stock.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box.") var box: String?
    @Option(help: "Центр / centre.") var centre: String?
    @Option(help: "На конец дня / at the end of a day.") var date: String?

    func run() throws {
        let ctx = try Context(global)
        let lines = try ctx.store().read { tx in
            try tx.stock(box: try box.map(tx.box), centre: try centre.map(tx.centre),
                         on: try Parse.optionalDate(date, today: try tx.today()))
        }
        ctx.show(Listings.stock(lines, lang: ctx.lang))
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Журнал движений / the journal of movements.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box.") var box: String?
    @Option(help: "Центр / centre.") var centre: String?
    @Option(help: "С даты / from.") var from: String?
    @Option(help: "По дату / to.") var to: String?
    @Option(help: "Не больше стольких движений / at most this many.") var limit = 50

    func run() throws {
        let ctx = try Context(global)
        let entries = try ctx.store().read { tx in
            let range = try Parse.dateRange(from: from, to: to, today: try tx.today())
            return try tx.history(box: try box.map(tx.box), centre: try centre.map(tx.centre),
                                  from: range.from, to: range.to,
                                  limit: try Parse.atLeastOne(limit, "--limit"))
        }
        ctx.show(Listings.history(entries, lang: ctx.lang))
    }
}
