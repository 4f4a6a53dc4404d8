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
            ReportSection(key: key, title: Phrase(ru: "\(title.ru), \(unit.ru)", en: "\(title.en), \(unit.en)"), columns: periods,
                          rows: rows.map { .init(key: $0.key, label: $0.label, values: Array($0.values[(u * n)..<((u + 1) * n)])) })
        }
    }
}

extension Report {
    /// The report's sections in the order a fund officer reads them.
    public var sections: [ReportSection] {
        let cols = columns
        func header(_ unit: Phrase?) -> [Phrase] {
            cols.map { c in unit.map { Phrase(ru: "\(c.label.ru), \($0.ru)", en: "\(c.label.en), \($0.en)") } ?? c.label }
        }
        let items = ReportWords.items, kg = ReportWords.kg
        func row(_ key: String, _ ru: String, _ en: String, _ value: (Figures) -> Cell) -> ReportSection.Row {
            .init(key: key, label: Phrase(ru: ru, en: en), values: cols.map { value($0.figures) })
        }
        func count(_ key: String, _ ru: String, _ en: String, _ value: @escaping (Figures) -> Int) -> ReportSection.Row {
            row(key, ru, en) { .int(value($0)) }
        }
        func weight(_ key: String, _ ru: String, _ en: String, _ value: @escaping (Figures) -> Amount) -> ReportSection.Row {
            row(key, ru, en) { Self.kgCell(value($0)) }
        }
        // The estimated part of an outflow's kilograms, so a fund officer sees what was weighed.
        func estimate(_ key: String, _ label: Phrase, _ value: @escaping (Figures) -> Amount) -> ReportSection.Row {
            .init(key: key, label: label, values: cols.map { .kg(value($0.figures).kgEstimated) })
        }

        var out: [ReportSection] = []
        out.append(ReportSection(key: "summary", title: Phrase(ru: "Основные показатели", en: "Key figures"), columns: header(nil), rows: [
            count("received.items", "Принято вещей, шт.", "Items received", { $0.received.items }),
            weight("received.kg", "Принято, кг", "Received, kg", { $0.received }),
            count("handedOut.items", "Выдано вещей, шт.", "Items handed out", { $0.handedOut.items }),
            weight("handedOut.kg", "Выдано, кг", "Handed out, kg", { $0.handedOut }),
            estimate("handedOut.kgEstimated", KilogramWords.handedOutEstimated, { $0.handedOut }),
            count("handedOut.atEvents", "в том числе на мероприятиях, шт.", "of which at events", { $0.handedOutAtEvents.items }),
            count("handouts", "Выдач", "Handouts", { $0.handouts }),
            count("writtenOff.items", "Списано (ветошь, утиль), шт.", "Written off (recycling), items", { $0.writtenOff.items }),
            weight("writtenOff.kg", "Списано, кг", "Written off, kg", { $0.writtenOff }),
            estimate("writtenOff.kgEstimated", KilogramWords.writtenOffEstimated, { $0.writtenOff }),
            count("transfers.betweenCentres", "Передано между центрами, шт.", "Moved between centres, items", { $0.transfersBetweenCentres.items }),
            count("adjustments", "Расхождения инвентаризации, шт.", "Stock-take differences, items", { $0.adjustments.items }),
            count("stockAtEnd.items", "Остаток на конец периода, шт.", "Stock at the end, items", { $0.stockAtEnd.items }),
            weight("stockAtEnd.kg", "Остаток на конец периода, кг", "Stock at the end, kg", { $0.stockAtEnd }),
        ]))
        out.append(balance(header(items) + header(kg), periods: header(nil), units: [items, kg]))
        out.append(ReportSection(key: "recipients", title: Phrase(ru: "Получатели помощи", en: "People helped"), columns: header(nil), rows: [
            count("recipients.unique", "Получателей (каждый один раз)", "Unique recipients", { $0.recipients.unique }),
            count("recipients.new", "из них новых", "of whom new", { $0.recipients.new }),
            count("recipients.visits", "Обращений (получатель и день)", "Visits (recipient and day)", { $0.recipients.visits }),
            count("recipients.people", "Охвачено человек (с семьями)", "People reached (with households)", { $0.recipients.people }),
            count("recipients.anonymous", "Выдач без учёта получателя", "Handouts without a recipient", { $0.anonymousHandouts }),
        ]))
        out.append(ReportSection(key: "recipients.byGroup", title: ReportWords.groupsTitle, columns: header(nil), rows: groupRows()))
        out.append(ReportSection(key: "activity", title: Phrase(ru: "Мероприятия и работа", en: "Events and work"), columns: header(nil), rows: [
            count("events.count", "Мероприятий проведено", "Events held", { $0.events }),
            count("events.participants", "Участников мероприятий", "Event participants", { $0.participants }),
            count("boxes.used", "Боксов в работе", "Boxes in use", { $0.boxesUsed }),
            count("volunteers", "Волонтёров вели учёт", "Volunteers who logged", { $0.volunteers }),
        ]))
        out.append(breakdown("received.byCategory", Phrase(ru: "Принято по категориям", en: "Received by category"),
                             header(items) + header(kg), keyed: { $0.receivedByCategory }, label: categoryName))
        out.append(breakdown("handedOut.byCategory", Phrase(ru: "Выдано по категориям", en: "Handed out by category"),
                             header(items) + header(kg), keyed: { $0.handedOutByCategory }, label: categoryName))
        out.append(breakdown("received.byCentre", Phrase(ru: "Принято по центрам", en: "Received by centre"),
                             header(items) + header(kg), keyed: { $0.receivedByCentre }, label: centreName))
        out.append(breakdown("handedOut.byCentre", Phrase(ru: "Выдано по центрам", en: "Handed out by centre"),
                             header(items) + header(kg), keyed: { $0.handedOutByCentre }, label: centreName))
        out.append(breakdown("stockAtEnd.byCentre", Phrase(ru: "Остаток по центрам", en: "Stock by centre"),
                             header(items) + header(kg), keyed: { $0.stockAtEndByCentre }, label: centreName))
        out.append(breakdown("received.byCondition", Phrase(ru: "Принято по состоянию", en: "Received by condition"),
                             header(items) + header(kg), keyed: { $0.receivedByCondition }, label: conditionName))
        out.append(breakdown("received.byBox", Phrase(ru: "Принято по боксам", en: "Received by box"),
                             header(items) + header(kg), keyed: { $0.receivedByBox }, label: { Phrase(ru: $0, en: $0) }))
        if !targets.isEmpty {
            out.append(ReportSection(
                key: "targets", title: Phrase(ru: "План и факт", en: "Plan against actual"),
                columns: [Phrase(ru: "Период плана", en: "Target period"), Phrase(ru: "План", en: "Target"),
                          Phrase(ru: "Факт", en: "Actual"), Phrase(ru: "Выполнено, %", en: "Done, %")],
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
            let name = names.groups[code] ?? (code.isEmpty ? ReportWords.noGroup : Phrase(ru: code, en: code))
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

    private func categoryName(_ code: String) -> Phrase { names.categories[code] ?? Phrase(ru: code, en: code) }
    private func centreName(_ code: String) -> Phrase {
        let n = names.centres[code].map { "\(code) — \($0)" } ?? code
        return Phrase(ru: n, en: n)
    }
    private func conditionName(_ code: String) -> Phrase {
        Condition(rawValue: code)?.phrase ?? Phrase(ru: "не указано", en: "not given")
    }
}
