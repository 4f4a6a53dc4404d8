import ArgumentParser
import DarmarkaKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", 
        abstract: "Что за бокс по коду, ссылке или скану / which box a code, URL or scan is, and what it holds.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Код, ссылка с кодом или то, что ввёл сканер / a code, a URL with one, or what a scanner typed.")
    var text: String

    func run() throws {
        let ctx = try Context(global)
        let (resolved, stock) = try ctx.store().read { tx -> (ResolvedCode, [StockLine]) in
            let resolved = try tx.resolve(text)
            guard case .box(let box) = resolved else { return (resolved, []) }
            return (resolved, try tx.stock(box: box))
        }
        switch (resolved, ctx.format) {
        case (.box(let box), .table):
            ctx.say(.empty(LabelNote.box(code: box.code.description, name: box.name, centre: box.centreCode,
                                         centreName: box.centreName, kind: box.kind, status: box.status).phrase))
            if stock.isEmpty { ctx.say(.empty(LabelNote.boxIsEmpty.phrase)) } else { ctx.show(Listings.stock(stock, lang: ctx.lang)) }
        case (.box(let box), .json):
            let about = Listing(columns: ResolvedRow.columns.prefix(6).map { $0 }, rows: [Array(ResolvedRow.box(box).prefix(6))])
            Console.out("{\"input\": \(JSONText.string(text)), \"status\": \"box\", \"box\": \(about.jsonObjects().joined()),\n"
                  + " \"stock\": \(Listings.stock(stock, lang: ctx.lang).json())}")
        case (.box(let box), .csv):
            // One flat row per stock line (or one for an empty box), so the box travels with each.
            let rows = stock.isEmpty ? [ResolvedRow.box(box) + [.none, .none, .none, .none]]
                : stock.map { ResolvedRow.box(box) + [.text($0.category), .text($0.categoryName.text(ctx.lang)), .int($0.quantity), $0.kgCell] }
            Console.out(Listing(columns: ResolvedRow.columns, rows: rows).csv(ctx.lang), terminator: "")
        case (.unclaimed(let code, let centre), .table):
            ctx.say(.empty(LabelNote.unclaimed(code: code.description, centre: centre.code).phrase))
        case (.unclaimed(let code, let centre), .json):
            Console.out("{\"input\": \(JSONText.string(text)), \"status\": \"unclaimed\", \"code\": \(JSONText.string(code.description)), "
                  + "\"centre\": \(JSONText.string(centre.code)), \"centreName\": \(JSONText.string(centre.name)), "
                  + "\"claim\": \(JSONText.string("darmarka box add --centre \(centre.code) --code \(code)"))}")
        case (.unclaimed(let code, let centre), .csv):
            let row: [Cell] = [.text(code.description), .text(centre.code), .text(centre.name), .none, .none, .text("unclaimed"),
                               .none, .none, .none, .none]
            Console.out(Listing(columns: ResolvedRow.columns, rows: [row]).csv(ctx.lang), terminator: "")
        }
    }
}

/// The columns `resolve` prints as CSV and, the first six, as the JSON box.
enum ResolvedRow {
    static let columns = ResolveWords.columns

    /// Stable values, not words, so that scripts can compare them.
    static func box(_ box: Box) -> [Cell] {
        [.text(box.code.description), .text(box.centreCode), .text(box.centreName), box.name.map(Cell.text) ?? .none,
         .text(box.kind.rawValue), .text(box.status.rawValue)]
    }
}
