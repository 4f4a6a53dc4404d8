import Foundation

/// A report: figures for one or more periods side by side (the period asked
/// for first), targets, and a trend of the months before.
public struct Report: Sendable {
    public enum Kind: Sendable, Equatable { case monthly(YearMonth), year(Int), range(Period) }

    public struct Column: Sendable {
        public var label: Phrase
        public var figures: Figures
        public init(label: Phrase, figures: Figures) { self.label = label; self.figures = figures }
    }

    public struct TrendPoint: Sendable, Equatable {
        public var month: YearMonth
        public var received: Int
        public var handedOut: Int
        public init(month: YearMonth, received: Int, handedOut: Int) { self.month = month; self.received = received; self.handedOut = handedOut }
    }

    /// Display names for the codes figures are keyed by.
    public struct Names: Sendable {
        public var categories: [String: Phrase]
        public var groups: [String: Phrase]
        public var centres: [String: String]
        public init(categories: [String: Phrase], groups: [String: Phrase], centres: [String: String]) {
            self.categories = categories; self.groups = groups; self.centres = centres
        }
    }

    public var kind: Kind
    public var organisation: String?
    public var centre: String?
    public var columns: [Column]
    public var targets: [TargetProgress]
    public var trend: [TrendPoint]
    public var names: Names
    /// The month was not asked for: the report is of the last whole month, and its title says so.
    public var isLastWholeMonth = false
    /// The seal of the last movement the report counts (see
    /// `docs/ledger-seal.md`): printed in every form, so that `darmarka
    /// verify` can tell whether the ledger still holds what it counted.
    public var seal: Seal?

    /// A movement's number and its seal in lower-case hexadecimal.
    public struct Seal: Sendable, Equatable {
        public var movement: Int64
        public var hash: String
        public init(movement: Int64, hash: String) { self.movement = movement; self.hash = hash }

        /// `N:HEX`, as `darmarka verify --seal` takes it.
        public var text: String { "\(movement):\(hash)" }
        public var phrase: Phrase { SealText.reportSeal(movement: movement, hash: hash) }
    }

    public init(kind: Kind, organisation: String?, centre: String?, columns: [Column], targets: [TargetProgress],
                trend: [TrendPoint], names: Names) {
        self.kind = kind; self.organisation = organisation; self.centre = centre; self.columns = columns
        self.targets = targets; self.trend = trend; self.names = names
    }

    public var main: Figures { columns[0].figures }

    /// The periods a report of this kind puts side by side.
    public static func periods(_ kind: Kind) -> [(Phrase, Period)] {
        switch kind {
        case .monthly(let m):
            var columns = [(MonthNames.month(m), Period(m)), (MonthNames.month(m.previous), Period(m.previous))]
            if let jan = YearMonth(year: m.year, month: 1) {
                columns.append((ReportTitles.yearToDate(m.year), Period(from: jan.first, to: m.last)))
            }
            return columns
        case .year(let y):
            return [Period.year(y).map { (ReportTitles.year(y), $0) },
                    Period.year(y - 1).map { (ReportTitles.year(y - 1), $0) }].compactMap { $0 }
        case .range(let p):
            return [(ReportTitles.range(p.from, p.to), p)]
        }
    }

    public var title: Phrase {
        switch kind {
        case .monthly(let m):
            let title = ReportTitles.reportForMonth(MonthNames.month(m))
            guard isLastWholeMonth else { return title }
            let note = ReportWords.lastWholeMonth
            return .joined(title, note.map { s, _ in "(\(s))" }, separator: " ")
        case .year(let y): return ReportTitles.reportForYear(y)
        case .range(let p): return ReportTitles.reportForRange(p.from, p.to)
        }
    }
}
