/// The report as JSON, with keys other tools can rely on (see README).
extension Report {
    public func json() -> String {
        var out = "{\n  \"period\": " + periodJSON(main.period)
        out += ",\n" + figuresJSON(main, indent: "  ")
        if columns.count > 1 {
            let key: String = if case .monthly = kind { "previousMonth" } else { "previousPeriod" }
            out += ",\n  \"\(key)\": {\"period\": \(periodJSON(columns[1].figures.period)),\n" + figuresJSON(columns[1].figures, indent: "    ") + "}"
        }
        if columns.count > 2 {
            out += ",\n  \"yearToDate\": {\"period\": \(periodJSON(columns[2].figures.period)),\n" + figuresJSON(columns[2].figures, indent: "    ") + "}"
        }
        out += ",\n  \"targets\": [" + targets.map { t in
            "{\"metric\": \(JSONText.string(t.target.metric.rawValue)), \"period\": \(periodJSON(t.target.period)), \"target\": \(JSONText.value(t.target.metric.cell(t.target.value))), \"actual\": \(JSONText.value(t.target.metric.cell(t.actual))), \"percent\": \(t.percent)}"
        }.joined(separator: ", ") + "]"
        out += ",\n  \"trend\": [" + trend.map { "{\"month\": \"\($0.month)\", \"received\": \($0.received), \"handedOut\": \($0.handedOut)}" }.joined(separator: ", ") + "]"
        if let centre { out += ",\n  \"centre\": \(JSONText.string(centre))" }
        out += ",\n  \"report\": " + kindJSON
        if let seal { out += ",\n  \"seal\": {\"movement\": \(seal.movement), \"hash\": \"\(seal.hash)\"}" }
        return out + "\n}\n"
    }

    /// Which report this is, so that `darmarka verify` can make it again.
    private var kindJSON: String {
        switch kind {
        case .monthly(let m): "{\"kind\": \"monthly\", \"month\": \"\(m)\"}"
        case .year(let y): "{\"kind\": \"year\", \"year\": \(y)}"
        case .range(let p): "{\"kind\": \"range\", \"from\": \"\(p.from)\", \"to\": \"\(p.to)\"}"
        }
    }

    private func periodJSON(_ p: Period) -> String { "{\"from\": \"\(p.from)\", \"to\": \"\(p.to)\"}" }

    private func amount(_ a: Amount) -> String { "\"items\": \(a.items), \"kg\": \(a.kg.kilogramText)" }

    /// An outflow: its kilograms and, apart, the part of them estimated by moving average.
    private func outflow(_ a: Amount) -> String { amount(a) + ", \"kgEstimated\": \(a.kgEstimated.kilogramText)" }

    private func list(_ map: [String: Amount], key: String) -> String {
        "[" + map.sorted { $0.value.items != $1.value.items ? $0.value.items > $1.value.items : $0.key < $1.key }
            .map { "{\"\(key)\": \(JSONText.string($0.key)), \(amount($0.value))}" }.joined(separator: ", ") + "]"
    }

    private func figuresJSON(_ f: Figures, indent i: String) -> String {
        var lines: [String] = []
        lines.append("\"received\": {\(amount(f.received)), \"weighedItems\": \(f.received.weighed), \"byCategory\": \(list(f.receivedByCategory, key: "category")), \"byCentre\": \(list(f.receivedByCentre, key: "centre")), \"byBox\": \(list(f.receivedByBox, key: "box")), \"byCondition\": \(list(f.receivedByCondition, key: "condition"))}")
        lines.append("\"handedOut\": {\(outflow(f.handedOut)), \"handouts\": \(f.handouts), \"byCategory\": \(list(f.handedOutByCategory, key: "category")), \"byCentre\": \(list(f.handedOutByCentre, key: "centre")), \"atEvents\": {\(amount(f.handedOutAtEvents))}}")
        lines.append("\"writtenOff\": {\(outflow(f.writtenOff))}")
        lines.append("\"transfers\": {\"betweenCentres\": {\(amount(f.transfersBetweenCentres))}, \"withinCentres\": {\(amount(f.transfersWithinCentres))}, \"in\": {\(amount(f.transfersIn))}, \"out\": {\(amount(f.transfersOut))}}")
        lines.append("\"adjustments\": {\(amount(f.adjustments))}")
        lines.append("\"stockAtStart\": {\(amount(f.stockAtStart)), \"byCentre\": \(list(f.stockAtStartByCentre, key: "centre"))}")
        lines.append("\"stockAtEnd\": {\(amount(f.stockAtEnd)), \"byCentre\": \(list(f.stockAtEndByCentre, key: "centre"))}")
        let groups = f.recipients.byGroup.sorted { $0.key < $1.key }.map { "{\"group\": \(JSONText.string($0.key)), \"unique\": \($0.value)}" }
        lines.append("\"recipients\": {\"unique\": \(f.recipients.unique), \"new\": \(f.recipients.new), \"visits\": \(f.recipients.visits), \"people\": \(f.recipients.people), \"anonymousHandouts\": \(f.anonymousHandouts), \"byGroup\": [\(groups.joined(separator: ", "))]}")
        lines.append("\"events\": {\"count\": \(f.events), \"participants\": \(f.participants)}")
        lines.append("\"boxesUsed\": \(f.boxesUsed)")
        lines.append("\"volunteers\": \(f.volunteers)")
        return lines.map { i + $0 }.joined(separator: ",\n")
    }
}
