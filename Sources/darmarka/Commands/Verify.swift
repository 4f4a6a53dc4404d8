import ArgumentParser
import DarmarkaKit
import Foundation

/// `darmarka verify REPORT.json` or `darmarka verify --seal N:HEX`: whether
/// the ledger still holds the movement a report was sealed with, with that
/// seal, and (for a JSON report) still gives the report's figures.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", 
        abstract: "Проверить отчёт по печати журнала / check a report against the ledger's seal.",
        discussion: "darmarka verify REPORT.json | darmarka verify --seal N:HEX (the seal a PDF prints)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "JSON-отчёт / a report made with --format json.") var report: String?
    @Option(help: "Печать из PDF, НОМЕР:ПЕЧАТЬ / a printed seal, N:HEX.") var seal: String?

    func run() throws {
        let ctx = try Context(global)
        if let text = seal {
            guard report == nil else {
                throw LedgerProblem.invalidArguments(CLINote.verifyReportOrSeal.text(ctx.lang))
            }
            guard let value = LedgerSealValue.parse(text) else { throw SealProblem.badSeal(text) }
            let found = try ctx.store().read { try $0.holds(value) }
            try Self.require(found, value)
            ctx.report(.empty(SealText.sealHolds(movement: value.movement)),
                       [("movement", .int(Int(value.movement))), ("seal", .bool(true)), ("later", .int(found.later))])
            return
        }
        guard let path = report else {
            throw LedgerProblem.invalidArguments(CLINote.verifyNeedsReportOrSeal.text(ctx.lang))
        }
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sealObject = json["seal"] as? [String: Any], let movement = (sealObject["movement"] as? NSNumber)?.int64Value,
              let hash = sealObject["hash"] as? String, let value = LedgerSealValue.parse("\(movement):\(hash)"),
              let kind = Self.kind(json["report"] as? [String: Any]) else {
            throw SealProblem.notASealedReport(path)
        }
        let centre = json["centre"] as? String
        let (found, again) = try ctx.store().read { tx in
            (try tx.holds(value), try tx.report(kind, centre: try centre.map(tx.centre)).json())
        }
        try Self.require(found, value)
        guard let now = try? JSONSerialization.jsonObject(with: Data(again.utf8)) as? [String: Any],
              Self.figures(now) == Self.figures(json) else {
            throw SealProblem.figuresDiffer(later: found.later)
        }
        if ctx.format == .table { ctx.say(.empty(SealText.sealHolds(movement: value.movement))) }
        ctx.report(.empty(SealText.figuresSame(later: found.later)),
                   [("movement", .int(Int(value.movement))), ("seal", .bool(true)), ("figures", .bool(true)), ("later", .int(found.later))])
    }

    private static func require(_ found: (holds: Bool, exists: Bool, later: Int), _ value: LedgerSealValue) throws {
        guard found.exists else { throw SealProblem.noMovement(value.movement) }
        guard found.holds else { throw SealProblem.sealDiffers(movement: value.movement) }
    }

    /// The report's figures: everything but its seal and its targets (which
    /// are set apart from the ledger and may change).
    private static func figures(_ json: [String: Any]) -> NSDictionary {
        var figures = json
        figures["seal"] = nil
        figures["targets"] = nil
        return figures as NSDictionary
    }

    private static func kind(_ object: [String: Any]?) -> Report.Kind? {
        guard let object, let kind = object["kind"] as? String else { return nil }
        switch kind {
        case "monthly": return (object["month"] as? String).flatMap(YearMonth.parse).map(Report.Kind.monthly)
        case "year": return (object["year"] as? NSNumber).map { .year($0.intValue) }
        case "range":
            guard let from = (object["from"] as? String).flatMap(LocalDate.parse),
                  let to = (object["to"] as? String).flatMap(LocalDate.parse) else { return nil }
            return .range(Period(from: from, to: to))
        default: return nil
        }
    }
}
