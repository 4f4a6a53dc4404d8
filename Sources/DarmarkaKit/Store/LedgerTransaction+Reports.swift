import DarmarkaCore
import Foundation

// What reports read.
extension LedgerTransaction {
    /// Everything a report needs to know about one period.
    public func facts(for period: Period, centre: Centre? = nil) throws -> PeriodFacts {
        try backend.facts(for: period, centre: centre, shared: ReportReads())
    }

    /// Flows of a period: its whole months from the monthly table, the days
    /// at either end (see `Period.parts`) summed from the ledger. With
    /// `fromLedger` all of it is summed from the ledger, which is what tests
    /// hold the monthly table to.
    public func flows(_ period: Period, centre: Centre?, fromLedger: Bool) throws -> [FlowRow] {
        try backend.flows(period, centre: centre, fromLedger: fromLedger)
    }

    /// Items received and handed out in each of the months.
    public func trend(_ months: [YearMonth], centre: Centre?) throws -> [Report.TrendPoint] {
        try backend.trend(months, centre: centre)
    }

    /// Display names for report rows.
    public func reportNames() throws -> Report.Names {
        try backend.reportNames()
    }

    /// Sets (or replaces) what the application promised for a period. The
    /// column holds the metric's unit as people give it, kilograms for a
    /// weight: whole kilograms stay integers, 120,5 is kept as a real.
    public func setTarget(_ target: Target) throws {
        try backend.setTarget(target)
    }

    /// Targets whose period overlaps the given one.
    public func targets(overlapping period: Period? = nil) throws -> [Target] {
        try backend.targets(overlapping: period)
    }

    /// `facts(for:centre:)`, reading what the columns of one report have in
    /// common (see `ReportReads`) only once.
    func facts(for period: Period, centre: Centre?, shared: ReportReads) throws -> PeriodFacts {
        try backend.facts(for: period, centre: centre, shared: shared)
    }
}
