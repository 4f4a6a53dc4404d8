import ArgumentParser
import DarmarkaKit

/// `--format`: every form some command writes. Each command takes the ones
/// it makes (listings table, json and csv; reports all; `export journal`
/// xlsx too) and refuses the others with `LedgerProblem.badFormat`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv, md, html, xlsx, pdf

    /// In any case: `--format JSON` is what was meant.
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    /// The form a listing prints, if this is one.
    var listing: Listing.Format? { Listing.Format(rawValue: rawValue) }
}
