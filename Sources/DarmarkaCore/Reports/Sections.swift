/// One table of a report: rows of label and values, under column headers.
/// Every form (terminal, CSV, Markdown, HTML, Excel, PDF) renders these, so
/// a figure is computed once and shown the same everywhere.
public struct ReportSection: Sendable {
    public struct Row: Sendable {
        public var key: String
        public var label: Phrase
        public var values: [Cell]
    }
    public var key: String
    public var title: Phrase
    public var columns: [Phrase]
    public var rows: [Row]
    /// For a table in items and kilograms: the units, each with one column
    /// per period (`periods`), in this order. A terminal shows each unit as
    /// a table of its own, which fits its width.
    public var units: [Phrase] = []
    public var periods: [Phrase] = []
}

extension ReportSection {
    /// The section as one table per unit, each titled with its unit and with
    /// one column per period; a section of one unit as it is.
    public func perUnit() -> [ReportSection] {
        let n = periods.count
        guard units.count > 1, n > 0, columns.count == units.count * n else { return [self] }
        return units.enumerated().map { u, unit in
            ReportSection(key: key, title: .joined(title, unit, separator: ", "), columns: periods,
                          rows: rows.map { .init(key: $0.key, label: $0.label, values: Array($0.values[(u * n)..<((u + 1) * n)])) })
        }
    }
}

extension Report {
    /// The report's sections in the order a fund officer reads them.
    public var sections: [ReportSection] {
        let cols = columns
        func header(_ unit: Phrase?) -> [Phrase] {
            cols.map { c in unit.map { .joined(c.label, $0, separator: ", ") } ?? c.label }
        }
        let items = ReportWords.items, kg = ReportWords.kg
        func row(_ key: String, _ label: Phrase, _ value: (Figures) -> Cell) -> ReportSection.Row {
            .init(key: key, label: label, values: cols.map { value($0.figures) })
        }
        func count(_ key: String, _ label: Phrase, _ value: @escaping (Figures) -> Int) -> ReportSection.Row {
            row(key, label) { .int(value($0)) }
        }
        func weight(_ key: String, _ label: Phrase, _ value: @escaping (Figures) -> Amount) -> ReportSection.Row {
            row(key, label) { Self.kgCell(value($0)) }
        }
        let t = ReportTitles.self
        // The estimated part of an outflow's kilograms, so a fund officer sees what was weighed.
        func estimate(_ key: String, _ label: Phrase, _ value: @escaping (Figures) -> Amount) -> ReportSection.Row {
            .init(key: key, label: label, values: cols.map { .kg(value($0.figures).kgEstimated) })
        }

        var out: [ReportSection] = []
        out.append(ReportSection(key: "summary", title: t.keyFigures, columns: header(nil), rows: [
            count("received.items", t.itemsReceived, { $0.received.items }),
            weight("received.kg", t.receivedKg, { $0.received }),
            count("handedOut.items", t.itemsHandedOut, { $0.handedOut.items }),
            weight("handedOut.kg", t.handedOutKg, { $0.handedOut }),
            estimate("handedOut.kgEstimated", KilogramWords.handedOutEstimated, { $0.handedOut }),
            count("handedOut.atEvents", t.handedOutAtEvents, { $0.handedOutAtEvents.items }),
            count("handouts", t.handouts, { $0.handouts }),
            count("writtenOff.items", t.writtenOffItems, { $0.writtenOff.items }),
            weight("writtenOff.kg", t.writtenOffKg, { $0.writtenOff }),
            estimate("writtenOff.kgEstimated", KilogramWords.writtenOffEstimated, { $0.writtenOff }),
            count("transfers.betweenCentres", t.movedBetweenCentres, { $0.transfersBetweenCentres.items }),
            count("adjustments", t.stockTakeItems, { $0.adjustments.items }),
            count("stockAtEnd.items", t.stockAtEndItems, { $0.stockAtEnd.items }),
            weight("stockAtEnd.kg", t.stockAtEndKg, { $0.stockAtEnd }),
        ]))
        out.append(balance(header(items) + header(kg), periods: header(nil), units: [items, kg]))
        out.append(ReportSection(key: "recipients", title: t.peopleHelped, columns: header(nil), rows: [
            count("recipients.unique", t.uniqueRecipients, { $0.recipients.unique }),
            count("recipients.new", t.ofWhomNew, { $0.recipients.new }),
            count("recipients.visits", t.visits, { $0.recipients.visits }),
            count("recipients.people", t.peopleReached, { $0.recipients.people }),
            count("recipients.anonymous", t.anonymousHandouts, { $0.anonymousHandouts }),
        ]))
        out.append(ReportSection(key: "recipients.byGroup", title: ReportWords.groupsTitle, columns: header(nil), rows: groupRows()))
        out.append(ReportSection(key: "activity", title: t.activity, columns: header(nil), rows: [
            count("events.count", t.eventsHeld, { $0.events }),
            count("events.participants", t.eventParticipants, { $0.participants }),
            count("boxes.used", t.boxesInUse, { $0.boxesUsed }),
            count("volunteers", t.volunteersWhoLogged, { $0.volunteers }),
        ]))
        out.append(breakdown("received.byCategory", t.receivedByCategory,
                             header(items) + header(kg), keyed: { $0.receivedByCategory }, label: categoryName))
        out.append(breakdown("handedOut.byCategory", t.handedOutByCategory,
                             header(items) + header(kg), keyed: { $0.handedOutByCategory }, label: categoryName))
        out.append(breakdown("received.byCentre", t.receivedByCentre,
                             header(items) + header(kg), keyed: { $0.receivedByCentre }, label: centreName))
        out.append(breakdown("handedOut.byCentre", t.handedOutByCentre,
                             header(items) + header(kg), keyed: { $0.handedOutByCentre }, label: centreName))
        out.append(breakdown("stockAtEnd.byCentre", t.stockByCentre,
                             header(items) + header(kg), keyed: { $0.stockAtEndByCentre }, label: centreName))
        out.append(breakdown("received.byCondition", t.receivedByCondition,
                             header(items) + header(kg), keyed: { $0.receivedByCondition }, label: conditionName))
        out.append(breakdown("received.byBox", t.receivedByBox,
                             header(items) + header(kg), keyed: { $0.receivedByBox }, label: { .same($0) }))
        if !targets.isEmpty {
            out.append(ReportSection(
                key: "targets", title: t.targets,
                columns: [t.targetPeriod, t.target, t.actual, t.donePercent],
                rows: targets.map { t in
                    .init(key: "target.\(t.target.metric.rawValue)", label: t.target.metric.phrase,
                          values: [.text("\(t.target.period.from) — \(t.target.period.to)"), t.target.metric.cell(t.target.value),
                                   t.target.metric.cell(t.actual), .int(t.percent)])
                }))
        }
        return out
    }

    private func groupRows() -> [ReportSection.Row] {
        let codes = Set(columns.flatMap { $0.figures.recipients.byGroup.keys })
        return codes.sorted { (names.groups[$0]?.ru ?? $0) < (names.groups[$1]?.ru ?? $1) }.map { code in
            let name = names.groups[code] ?? (code.isEmpty ? ReportWords.noGroup : .same(code))
            return .init(key: "recipients.byGroup.\(code)", label: name,
                         values: columns.map { .int($0.figures.recipients.byGroup[code] ?? 0) })
        }
    }

    /// Stock at the start, what came in and went out, stock at the end: each
    /// column adds up, outflows counted negative, so the reader can check it.
    private func balance(_ headers: [Phrase], periods: [Phrase], units: [Phrase]) -> ReportSection {
        let lines: [(String, Phrase, (Figures) -> Amount)] = [
            ("stockAtStart", ReportWords.stockAtStart, { $0.stockAtStart }),
            ("received", ReportWords.received, { $0.received }),
            ("transfersIn", ReportWords.transfersIn, { $0.transfersIn }),
            ("handedOut", ReportWords.handedOut, { .zero - $0.handedOut }),
            ("writtenOff", ReportWords.writtenOff, { .zero - $0.writtenOff }),
            ("transfersOut", ReportWords.transfersOut, { .zero - $0.transfersOut }),
            ("adjustments", ReportWords.adjustments, { $0.adjustments }),
            ("stockAtEnd", ReportWords.stockAtEnd, { $0.stockAtEnd }),
        ]
        let rows = lines.map { key, label, value in
            ReportSection.Row(key: "balance.\(key)", label: label,
                              values: columns.map { .int(value($0.figures).items) } + columns.map { .kg(value($0.figures).kg) })
        }
        return ReportSection(key: "balance", title: ReportWords.balanceTitle, columns: headers, rows: rows, units: units, periods: periods)
    }

    private func breakdown(_ key: String, _ title: Phrase, _ headers: [Phrase], keyed: (Figures) -> [String: Amount],
                           label: (String) -> Phrase) -> ReportSection {
        let maps = columns.map { keyed($0.figures) }
        let first = maps.first ?? [:]
        // The period asked for decides the order: largest first, then by name.
        let keys = Set(maps.flatMap(\.keys)).sorted { a, b in
            let (x, y) = (first[a]?.items ?? 0, first[b]?.items ?? 0)
            return x != y ? x > y : label(a).ru < label(b).ru
        }
        let rows = keys.map { k in
            ReportSection.Row(key: "\(key).\(k)", label: label(k),
                              values: maps.map { .int($0[k]?.items ?? 0) } + maps.map { Self.kgCell($0[k] ?? .zero) })
        }
        return ReportSection(key: key, title: title, columns: headers, rows: rows,
                             units: [ReportWords.items, ReportWords.kg], periods: columns.map(\.label))
    }

    /// Kilograms, or «не взвешено» for items whose weight nobody knows.
    static func kgCell(_ amount: Amount) -> Cell { amount.isUnweighed ? .unweighed : .kg(amount.kg) }

    private func categoryName(_ code: String) -> Phrase { names.categories[code] ?? .same(code) }
    private func centreName(_ code: String) -> Phrase {
        let n = names.centres[code].map { "\(code) — \($0)" } ?? code
        return .same(n)
    }
    private func conditionName(_ code: String) -> Phrase {
        Condition(rawValue: code)?.phrase ?? Condition.notGiven
    }
}
