import DarmarkaCore
import GRDB

// Recipients and events.

/// Whether naming a recipient in a handout may register them.
///
/// Cards are numbered in sequence, so a code near a registered one may be a
/// typo or the next card: registering is said outright (`handout
/// --new-recipient`, `recipient add`), except by a journal, which is the
/// record of who came and lists the codes it registered.
public enum RecipientRegistration: Sendable, Equatable {
    /// Must be registered: an unknown code is refused, naming the nearest registered codes.
    case registered
    /// A new card: registered now; a code registered already is refused.
    case new
    /// Registered if not yet (a journal import).
    case whenNew
}

/// The recipient of a handout, and whether the handout registered them.
public struct HandoutRecipient: Sendable {
    public let recipient: Recipient
    public let isNew: Bool
}

extension SQLiteLedger {
    func addRecipient(code: String, group: NamedEntry?, householdSize: Int, on date: LocalDate,
                             contact: String?, consentOn: LocalDate?) throws -> Recipient {
        let code = try LedgerTransaction.recipientCode(code)
        guard (1...50).contains(householdSize) else { throw LedgerProblem.badHouseholdSize(String(householdSize)) }
        if contact != nil && consentOn == nil { throw LedgerProblem.contactWithoutConsent }
        let today = try today()
        if date > today { throw LedgerProblem.registrationNotYet(date, today: today) }
        if let consentOn, consentOn > today { throw LedgerProblem.consentNotYet(consentOn, today: today) }
        // `тд42` for a registered `ТД-042` is that card, not a second person.
        if let known = try recipient(code) { throw LedgerProblem.recipientExists(known.code) }
        try db.execute(sql: """
            INSERT INTO recipient(code, code_key, group_id, household_size, registered_on, contact, consent_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [code, RecipientCodes.key(code), group?.id, householdSize, date.description, contact, consentOn?.description])
        return Recipient(id: db.lastInsertedRowID, code: code, groupCode: group?.code, householdSize: householdSize,
                         registeredOn: date, hasContact: contact != nil, forgotten: false)
    }

    /// The recipient whose code is `code` however it was typed (its
    /// `RecipientCodes.key`). When two registered codes share the key (a
    /// database from before keys), the one typed exactly is meant; any other
    /// spelling is refused, naming both.
    static func recipientID(_ db: Database, code: String) throws -> RowID? {
        let found = try Row.fetchAll(db, sql: "SELECT id, code FROM recipient WHERE code_key = ? ORDER BY code",
                                     arguments: [RecipientCodes.key(code)])
        guard found.count > 1 else { return found.first?["id"] }
        if let exact = found.first(where: { ($0["code"] as String).uppercased() == code.uppercased() }) { return exact["id"] }
        throw RecipientProblem.ambiguous(code, candidates: found.map { $0["code"] })
    }

    func similarRecipients(to code: String, limit: Int) throws -> [String] {
        RecipientCodes.nearest(to: code, among: try String.fetchAll(db, sql: "SELECT code FROM recipient WHERE forgotten_at IS NULL"),
                               limit: limit)
    }

    func handoutRecipient(_ code: String, _ registration: RecipientRegistration, group: NamedEntry?,
                                 household: Int?, on date: LocalDate) throws -> HandoutRecipient {
        if let known = try recipient(code) {
            switch registration {
            case .new:
                throw LedgerProblem.recipientExists(known.code)
            case .registered:
                if let group, group.code != known.groupCode { throw LedgerProblem.recipientDetailsDiffer(known.code) }
                if let household, household != known.householdSize { throw LedgerProblem.recipientDetailsDiffer(known.code) }
            case .whenNew:
                // A journal's later rows may leave out or restate the group
                // a person came with first: the record, not a registration.
                break
            }
            return HandoutRecipient(recipient: known, isNew: false)
        }
        if registration == .registered {
            throw RecipientProblem.unknown(try Self.lookupCode(code), similar: try similarRecipients(to: code, limit: 3))
        }
        return HandoutRecipient(recipient: try addRecipient(code: code, group: group, householdSize: household ?? 1, on: date,
                                                                  contact: nil, consentOn: nil),
                                isNew: true)
    }

    static let recipientSelect = """
        SELECT r.id, r.code, g.code AS group_code, r.household_size, r.registered_on,
               r.contact IS NOT NULL AS has_contact, r.forgotten_at IS NOT NULL AS forgotten
        FROM recipient r LEFT JOIN recipient_group g ON g.id = r.group_id
        """

    /// A code as typed to find a recipient: spaces inside it (`ТД 042`) are
    /// a way of typing it, not part of it. A code registered has none.
    static func lookupCode(_ text: String) throws -> String {
        try LedgerTransaction.recipientCode(String(text.filter { !$0.isWhitespace }))
    }

    func recipient(_ code: String) throws -> Recipient? {
        let code = try Self.lookupCode(code)
        return try Self.recipientID(db, code: code).flatMap { id in
            try Row.fetchOne(db, sql: Self.recipientSelect + " WHERE r.id = ?", arguments: [id]).map(Self.recipient)
        }
    }

    func recipients() throws -> [Recipient] {
        try Row.fetchAll(db, sql: Self.recipientSelect + " ORDER BY r.code").map(Self.recipient)
    }

    static func recipient(_ r: Row) -> Recipient {
        Recipient(id: r["id"], code: r["code"], groupCode: r["group_code"], householdSize: r["household_size"],
                  registeredOn: LocalDate.parse(r["registered_on"]) ?? LocalDate(dayNumber: 0),
                  hasContact: r["has_contact"], forgotten: r["forgotten"])
    }

    func addEvent(name: String, date: LocalDate, centre: Centre?, participants: Int) throws -> Event {
        let name = try Names.clean(name, option: "--name")
        // A report counts an event as held: one that has not happened yet
        // would count its participants before they came.
        let today = try today()
        if date > today { throw LedgerProblem.futureEvent(date, today: today) }
        guard (0 ... Quantity.maximum).contains(participants) else { throw LedgerProblem.badQuantity(String(participants)) }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM event WHERE name = ? AND held_on = ?", arguments: [name, date.description]) == true {
            throw LedgerProblem.eventExists(name, date)
        }
        let id = try insertEvent(name: name, date: date, centre: centre?.id, participants: participants)
        return Event(id: id, name: name, date: date, centreCode: centre?.code, participants: participants)
    }

    /// Writes an event whose name and day were checked: by `addEvent`, or
    /// by the importer, which makes an event on the first row that names it.
    func insertEvent(name: String, date: LocalDate, centre: RowID?, participants: Int) throws -> RowID {
        try db.execute(sql: "INSERT INTO event(name, held_on, centre_id, participants) VALUES (?, ?, ?, ?)",
                       arguments: [name, date.description, centre, participants])
        return db.lastInsertedRowID
    }

    static let eventSelect = """
        SELECT e.id, e.name, e.held_on, c.code AS centre_code, e.participants
        FROM event e LEFT JOIN centre c ON c.id = e.centre_id
        """

    func events(from: LocalDate?, to: LocalDate?) throws -> [Event] {
        try Row.fetchAll(db, sql: Self.eventSelect + " WHERE (? IS NULL OR e.held_on >= ?) AND (? IS NULL OR e.held_on <= ?) ORDER BY e.held_on, e.name",
                         arguments: [from?.description, from?.description, to?.description, to?.description]).map(Self.event)
    }

    func event(_ text: String, on date: LocalDate) throws -> Event {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(t.hasPrefix("#") ? String(t.dropFirst()) : t),
           let e = try Row.fetchOne(db, sql: Self.eventSelect + " WHERE e.id = ?", arguments: [id]) {
            return Self.event(e)
        }
        let key = TextKey.normalise(t)
        let sameDay = try Row.fetchAll(db, sql: Self.eventSelect + " WHERE e.held_on = ?", arguments: [date.description]).map(Self.event)
        guard let e = sameDay.first(where: { TextKey.normalise($0.name) == key }) else { throw LedgerProblem.unknownEvent(t) }
        return e
    }

    static func event(_ r: Row) -> Event {
        Event(id: r["id"], name: r["name"], date: LocalDate.parse(r["held_on"]) ?? LocalDate(dayNumber: 0),
              centreCode: r["centre_code"], participants: r["participants"])
    }
}
