import DarmarkaCore

extension LedgerTransaction {
    /// Builds a report: the figures of each period side by side, progress on
    /// the targets that overlap it, and the twelve months up to its end.
    public func report(_ kind: Report.Kind, centre: Centre? = nil) throws -> Report {
        let shared = ReportReads()
        let columns = try Report.periods(kind).map { label, period in
            Report.Column(label: label, figures: Figures(try facts(for: period, centre: centre, shared: shared)))
        }
        guard let main = columns.first?.figures.period else { throw LedgerProblem.invalidArguments("period") }
        var progress: [TargetProgress] = []
        // A year's target usually measures to the end of the year-to-date
        // column, and targets of one period share their figures. Targets are
        // the organisation's promises to the fund: one centre's figures
        // measured against them would read as that centre falling short.
        var known = Dictionary(columns.map { ($0.figures.period, $0.figures) }, uniquingKeysWith: { first, _ in first })
        for target in centre == nil ? try targets(overlapping: main) : [] {
            let upTo = Period(from: target.period.from, to: min(target.period.to, main.to))
            let figures = try known[upTo] ?? Figures(try facts(for: upTo, centre: centre, shared: shared))
            known[upTo] = figures
            progress.append(TargetProgress(target: target, actual: target.metric.value(in: figures)))
        }
        var months: [YearMonth] = [YearMonth(main.to)]
        while months.count < 12 { months.insert(months[0].previous, at: 0) }
        return Report(kind: kind, organisation: try setting("organisation"), centre: centre?.code, columns: columns,
                      targets: progress, trend: try trend(months, centre: centre), names: try reportNames())
    }
}
