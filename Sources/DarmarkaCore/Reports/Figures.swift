/// The figures of one period, computed once from its facts and shown by
/// every form of the report.
public struct Figures: Sendable, Equatable {
    public var period: Period
    public var received = Amount()
    public var receivedByCategory: [String: Amount] = [:]
    public var receivedByCentre: [String: Amount] = [:]
    public var receivedByBox: [String: Amount] = [:]
    public var receivedByCondition: [String: Amount] = [:]
    public var handedOut = Amount()
    public var handedOutByCategory: [String: Amount] = [:]
    public var handedOutByCentre: [String: Amount] = [:]
    public var handedOutAtEvents = Amount()
    public var handouts = 0
    public var anonymousHandouts = 0
    public var writtenOff = Amount()
    /// Transfers whose boxes are at different centres.
    public var transfersBetweenCentres = Amount()
    public var transfersWithinCentres = Amount()
    /// Transfers into this centre's boxes from another centre's, and out of
    /// them to another centre's. For the whole organisation each is the sum
    /// over its centres: a transfer between two centres is out at one and in
    /// at the other, so the two are equal and net to nothing.
    public var transfersIn = Amount()
    public var transfersOut = Amount()
    /// Net change found by stock takes (surplus minus shortage).
    public var adjustments = Amount()
    public var stockAtEnd = Amount()
    public var stockAtEndByCentre: [String: Amount] = [:]
    /// Stock at the end of the day before the period.
    public var stockAtStart = Amount()
    public var stockAtStartByCentre: [String: Amount] = [:]
    public var recipients = RecipientFacts()
    public var events = 0
    public var participants = 0
    /// Boxes that anything went into or out of.
    public var boxesUsed = 0
    public var volunteers = 0

    public init(_ facts: PeriodFacts) {
        period = facts.period
        var boxes = Set<String>()
        for row in facts.flows {
            let amount = Amount(row)
            if let b = row.fromBox, facts.centre.map({ $0 == row.fromCentre }) ?? true { boxes.insert(b) }
            if let b = row.toBox, facts.centre.map({ $0 == row.toCentre }) ?? true { boxes.insert(b) }
            switch row.kind {
            case .intake:
                received += amount
                receivedByCategory[row.category, default: .zero] += amount
                receivedByCentre[row.toCentre ?? "", default: .zero] += amount
                receivedByBox[row.toBox ?? "", default: .zero] += amount
                receivedByCondition[row.condition?.rawValue ?? "", default: .zero] += amount
            case .handout:
                handedOut += amount
                handedOutByCategory[row.category, default: .zero] += amount
                handedOutByCentre[row.fromCentre ?? "", default: .zero] += amount
                if row.atEvent { handedOutAtEvents += amount }
                handouts += row.movements
                if !row.withRecipient { anonymousHandouts += row.movements }
            case .writeoff:
                writtenOff += amount
            case .transfer:
                if row.fromCentre != row.toCentre {
                    transfersBetweenCentres += amount
                    // Between boxes of one centre a transfer is that centre's own business.
                    if facts.centre.map({ $0 == row.toCentre }) ?? true { transfersIn += amount }
                    if facts.centre.map({ $0 == row.fromCentre }) ?? true { transfersOut += amount }
                } else {
                    transfersWithinCentres += amount
                }
            case .adjustment:
                adjustments += row.toBox != nil ? amount : .zero - amount
            }
        }
        for key in receivedByCategory.keys where receivedByCategory[key] == .zero { receivedByCategory[key] = nil }
        for key in handedOutByCategory.keys where handedOutByCategory[key] == .zero { handedOutByCategory[key] = nil }
        stockAtEndByCentre = facts.stockAtEnd
        stockAtEnd = facts.stockAtEnd.values.reduce(.zero, +)
        stockAtStartByCentre = facts.stockAtStart
        stockAtStart = facts.stockAtStart.values.reduce(.zero, +)
        recipients = facts.recipients
        events = facts.events
        participants = facts.participants
        boxesUsed = boxes.count
        volunteers = facts.volunteers
    }

    /// The change in stock the flows account for: what came in (received,
    /// moved in from other centres), less what went out (handed out, written
    /// off, moved out to other centres), plus what stock takes found. In
    /// items and in the kilograms the flows carry.
    public var flowChange: Amount { received + transfersIn - handedOut - writtenOff - transfersOut + adjustments }

    /// The change in stock the books show: stock at the end less stock at the start.
    /// The balance of a period holds when this equals `flowChange`.
    public var stockDifference: Amount { stockAtEnd - stockAtStart }

    /// `flowChange` in items.
    public var stockChange: Int { flowChange.items }
}
