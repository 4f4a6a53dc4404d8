import DarmarkaCore
import Foundation

// Recipients, events and volunteers, and forgetting a recipient.
extension LedgerTransaction {
    /// Registers a recipient by pseudonymous code. A contact is refused
    /// without a consent date (152-ФЗ).
    public func addRecipient(code: String, group: NamedEntry?, householdSize: Int, on date: LocalDate, contact: String? = nil, consentOn: LocalDate? = nil) throws -> Recipient {
        try backend.addRecipient(code: code, group: group, householdSize: householdSize, on: date, contact: contact, consentOn: consentOn)
    }

    /// The registered codes (of people not forgotten) nearest to `code`,
    /// nearest first: what a code that is not registered was likely meant to be.
    public func similarRecipients(to code: String, limit: Int = 3) throws -> [String] {
        try backend.similarRecipients(to: code, limit: limit)
    }

    /// The recipient a handout names, registered by it when `registration`
    /// allows: the one path by which `handout`, `scan` and a journal import
    /// come to a recipient.
    ///
    /// `group` and `household` describe a recipient registered now; for one
    /// named as registered (`.registered`), given again, they must agree,
    /// or they would be silently lost.
    public func handoutRecipient(_ code: String, _ registration: RecipientRegistration, group: NamedEntry? = nil, household: Int? = nil, on date: LocalDate) throws -> HandoutRecipient {
        try backend.handoutRecipient(code, registration, group: group, household: household, on: date)
    }

    public func recipient(_ code: String) throws -> Recipient? {
        try backend.recipient(code)
    }

    public func recipients() throws -> [Recipient] {
        try backend.recipients()
    }

    public func addEvent(name: String, date: LocalDate, centre: Centre?, participants: Int) throws -> Event {
        try backend.addEvent(name: name, date: date, centre: centre, participants: participants)
    }

    public func events(from: LocalDate? = nil, to: LocalDate? = nil) throws -> [Event] {
        try backend.events(from: from, to: to)
    }

    /// An event by its number, or by its name on a given day.
    public func event(_ text: String, on date: LocalDate) throws -> Event {
        try backend.event(text, on: date)
    }

    /// Forgets a person (152-ФЗ): the code, contact and consent date go; the
    /// group and household size stay, so every past report keeps its figures.
    ///
    /// The code becomes `FORGOTTEN-<id>`, or `FORGOTTEN-<id>-2` and so on when
    /// that is taken: a recipients file exported from another database
    /// brings in the placeholders of people forgotten there, and a request
    /// to forget someone must never fail for it.
    public func forget(recipient: Recipient) throws -> String {
        try backend.forget(recipient: recipient)
    }

    /// Redacts every note that names `code` (typed any way `RecipientCodes`
    /// folds): the text becomes «[удалено]», the salt goes, the digest the
    /// seal holds stays, and a `redaction` row records it. Drops the
    /// fingerprints of the journal rows that named the recipient, keeping
    /// only their fingerprints without person and note, so the same rows
    /// are still never imported twice. Returns how many notes were redacted.
    public func forgetTraces(of recipient: Recipient, code: String) throws -> Int {
        try backend.forgetTraces(of: recipient, code: code)
    }

    /// The registered codes (of people not forgotten) the notes an import
    /// batch wrote name: one warning for the whole file. Its first
    /// `limit` notes are read: a warning, not a census, and a large
    /// import must not pay for folding every word of every note.
    public func recipientCodes(namedInNotesOf batch: RowID, limit: Int = 2000) throws -> [String] {
        try backend.recipientCodes(namedInNotesOf: batch, limit: limit)
    }

    /// The registered codes (of people not forgotten) a note names: a
    /// warning when it is written, since a forget would have to redact it.
    public func recipientCodes(namedIn note: String) throws -> [String] {
        try backend.recipientCodes(namedIn: note)
    }
}
