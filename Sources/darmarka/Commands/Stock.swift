import ArgumentParser
import DarmarkaKit
import Foundation

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stock", abstract: "Остатки по боксам / what is in stock.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var excel: ExcelOption
    @Option(help: "Бокс / box.") var box: String?
    @Option(help: "Центр / centre.") var centre: String?
    @Option(help: "На конец дня / at the end of a day.") var date: String?

    func run() throws {
        let ctx = try Context(global, excel: excel)
        let lines = try ctx.store().read { tx in
            try tx.stock(box: try box.map(tx.box), centre: try centre.map(tx.centre),
                         on: try Parse.optionalDate(date, today: try tx.today()))
        }
        ctx.show(Listings.stock(lines, lang: ctx.lang))
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Журнал движений / the journal of movements.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var excel: ExcelOption
    @Option(help: "Бокс / box.") var box: String?
    @Option(help: "Центр / centre.") var centre: String?
    @Option(help: "С даты / from.") var from: String?
    @Option(help: "По дату / to.") var to: String?
    @Option(parsing: .unconditional, help: "Не больше стольких движений (без периода — 50) / at most this many (50 without a period).") var limit: Int?

    /// How many a screen shows when neither a period nor a limit was given.
    static let screenful = 50

    func run() throws {
        let ctx = try Context(global, excel: excel)
        // A period asked for is listed whole: sums checked against a report
        // must not stop at a screenful.
        let cap = try limit.map { try Parse.atLeastOne($0, "--limit") } ?? (from != nil || to != nil ? Int.max - 1 : Self.screenful)
        var entries = try ctx.store().read { tx in
            let range = try Parse.dateRange(from: from, to: to, today: try tx.today())
            return try tx.history(box: try box.map(tx.box), centre: try centre.map(tx.centre),
                                  from: range.from, to: range.to, limit: cap + 1)
        }
        let cut = entries.count > cap
        if cut { entries.removeLast(entries.count - cap) }
        ctx.show(Listings.history(entries, lang: ctx.lang))
        if cut, limit == nil {
            Console.err(Note.historyCut(shown: cap).text(ctx.lang))
        }
    }
}
