/// What a grant application promises and a report measures.
public enum Metric: String, CaseIterable, Sendable {
    case itemsReceived = "items-received"
    case kgReceived = "kg-received"
    case itemsHandedOut = "items-handed-out"
    case kgHandedOut = "kg-handed-out"
    case uniqueRecipients = "unique-recipients"
    case newRecipients = "new-recipients"
    case visits
    case people
    case events
    case participants
    case itemsWrittenOff = "items-written-off"

    /// Whether the metric is a weight: its values are grams, shown in kilograms.
    public var isWeight: Bool { self == .kgReceived || self == .kgHandedOut }

    /// The metric's value in a period's figures; weights in grams (see `isWeight`).
    public func value(in f: Figures) -> Int {
        switch self {
        case .itemsReceived: f.received.items
        case .kgReceived: Int(f.received.grams)
        case .itemsHandedOut: f.handedOut.items
        case .kgHandedOut: Int(f.handedOut.grams)
        case .uniqueRecipients: f.recipients.unique
        case .newRecipients: f.recipients.new
        case .visits: f.recipients.visits
        case .people: f.recipients.people
        case .events: f.events
        case .participants: f.participants
        case .itemsWrittenOff: f.writtenOff.items
        }
    }

    /// A value of this metric as a listing shows it: weights in kilograms.
    public func cell(_ value: Int) -> Cell { isWeight ? .kg(Grams(Int64(value))) : .int(value) }

    /// Short Russian names, typed more easily than the report's headings.
    var russianNames: [String] {
        switch self {
        case .itemsReceived: ["принято", "принято шт", "принято вещей"]
        case .kgReceived: ["принято кг"]
        case .itemsHandedOut: ["выдано", "выдано шт", "выдано вещей"]
        case .kgHandedOut: ["выдано кг"]
        case .uniqueRecipients: ["получатели", "получателей"]
        case .newRecipients: ["новые получатели", "новых получателей"]
        case .visits: ["обращения", "обращений"]
        case .people: ["охвачено", "охвачено человек", "люди", "человек"]
        case .events: ["мероприятия", "мероприятий"]
        case .participants: ["участники", "участников"]
        case .itemsWrittenOff: ["списано", "списано шт", "списано вещей"]
        }
    }

    /// Reads a metric's code, its name in either language, or a short
    /// Russian name (`принято кг`, `выдано-кг`, `получатели`); hyphens,
    /// commas and full stops count as spaces.
    public static func parse(_ text: String) -> Metric? {
        func key(_ t: String) -> String {
            TextKey.normalise(t.map { "-,.".contains($0) ? " " : $0 }.reduce(into: "") { $0.append($1) })
        }
        let k = key(text)
        return allCases.first { m in
            ([m.rawValue, m.phrase.ru, m.phrase.en] + m.russianNames).contains { key($0) == k }
        }
    }

    /// Reads a target's value: a whole number above zero, or for a weight
    /// kilograms with up to three decimals (`120,5`), as grams.
    public func parseValue(_ text: String) -> Int? {
        if isWeight { return Grams.parseKilograms(text).map { Int($0.value) } }
        return Int(text.trimmingCharacters(in: .whitespaces))
    }
}

/// A promise of the application: so much of a metric over a period.
public struct Target: Sendable, Equatable {
    public var metric: Metric
    public var period: Period
    /// In the metric's unit: grams for a weight, so that 120,5 kg is kept whole.
    public var value: Int
    public init(metric: Metric, period: Period, value: Int) { self.metric = metric; self.period = period; self.value = value }

    /// Reads `2026` (a year), `2026-11` (a month) or `2026-03-01..2027-02-28`.
    public static func period(_ text: String) -> Period? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 4, let y = Int(t) { return Period.year(y) }
        if let m = YearMonth.parse(t), t.count <= 7 { return Period(m) }
        let parts = t.components(separatedBy: "..")
        if parts.count == 2, let a = LocalDate.parse(parts[0]), let b = LocalDate.parse(parts[1]), a <= b { return Period(from: a, to: b) }
        return nil
    }
}

/// How far a target is met by the end of a report's period.
public struct TargetProgress: Sendable, Equatable {
    public var target: Target
    /// The metric from the target's start to the report's end (or the target's end).
    public var actual: Int
    public init(target: Target, actual: Int) { self.target = target; self.actual = actual }
    public var percent: Int { target.value == 0 ? 100 : Int((Double(actual) * 100 / Double(target.value)).rounded()) }
}

import Foundation
