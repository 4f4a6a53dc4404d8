/// What the ledger must know about a movement's world to accept it, beyond
/// the movement itself: the day it is, and the state of the boxes, person
/// and event it names. A store looks these up; the rules are here, once,
/// for every way a movement comes in (a command, a form, a scan, a journal).
public struct MovementFacts: Sendable {
    public var kind: MovementKind
    public var date: LocalDate
    public var today: LocalDate
    /// The code of the box things go into, when that box is retired.
    public var retiredDestination: String?
    /// Whether that box is the transfer's destination (`to_box`), not the
    /// box an intake or a surplus goes into.
    public var destinationIsToBox: Bool
    /// The code of the recipient, when they were forgotten under 152-ФЗ.
    public var forgottenRecipient: String?
    /// The event named, and the day it was held.
    public var event: (name: String, held: LocalDate)?

    public init(kind: MovementKind, date: LocalDate, today: LocalDate, retiredDestination: String? = nil,
                destinationIsToBox: Bool = false, forgottenRecipient: String? = nil,
                event: (name: String, held: LocalDate)? = nil) {
        self.kind = kind; self.date = date; self.today = today; self.retiredDestination = retiredDestination
        self.destinationIsToBox = destinationIsToBox; self.forgottenRecipient = forgottenRecipient; self.event = event
    }
}

extension Ledger {
    /// Every rule a new movement breaks, with the field it concerns: a
    /// command stops at the first, a journal reports each at its row and
    /// column, and a web form shows each beside its field. An undo is not
    /// checked here: it is dated as what it undoes, which was.
    public static func refusals(_ facts: MovementFacts) -> [(field: JournalField, problem: LedgerProblem)] {
        var out: [(field: JournalField, problem: LedgerProblem)] = []
        if facts.date > facts.today { out.append((.date, .futureDate(facts.date, today: facts.today))) }
        // Nothing goes into a retired box; what is in it may still leave.
        if let code = facts.retiredDestination, facts.kind == .intake || facts.kind == .transfer {
            out.append((facts.destinationIsToBox ? .toBox : .box, .boxRetired(code)))
        }
        // A person forgotten keeps only the figures they were in.
        if let code = facts.forgottenRecipient { out.append((.recipient, .recipientForgotten(code))) }
        // What is handed out at an event counts as handed out at events only
        // on the event's own day.
        if let event = facts.event, event.held != facts.date {
            out.append((.event, .eventOnAnotherDay(event: event.name, held: event.held, date: facts.date)))
        }
        return out
    }
}
