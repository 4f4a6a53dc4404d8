import DarmarkaCore
import Foundation

/// What a back end does inside one transaction, for `LedgerTransaction`:
/// one implementation per database (`SQLiteLedger`; PostgreSQL next).
///
/// The requirements are the transaction's reads and writes in the core's
/// values. Default arguments live on `LedgerTransaction`, which forwards
/// here, so a back end implements each operation once.
protocol LedgerBackend {
    /// The moment this transaction treats as now.
    var now: Date { get }

    func setting(_ key: String) throws -> String?

    // MARK: Web forms answered
    func idempotentAnswer(key: String, user: RowID) throws -> IdempotentAnswer?
    func rememberIdempotency(key: String, user: RowID, movement: RowID?, response: String?) throws

    // MARK: Accounts
    func addUser(login: String, passwordHash: String, role: Role, centres: [Centre]) throws -> Account
    func users() throws -> [Account]
    func user(login: String) throws -> (account: Account, passwordHash: String)?
    func disableUser(_ login: String) throws
    func setPassword(_ login: String, hash: String) throws
    func startSession(idHash: String, user: RowID, csrf: String, seconds: TimeInterval) throws
    func session(idHash: String) throws -> WebSession?
    func setLang(_ lang: Lang, user: RowID) throws
    func revokeSession(idHash: String) throws
    func noteFailedLogin(_ login: String, address: String) throws
    func recentFailures(login: String, address: String, seconds: TimeInterval) throws -> (login: Int, address: Int)
    func idempotentMovement(key: String, user: RowID) throws -> RowID?
    func rememberIdempotency(key: String, user: RowID, movement: RowID) throws
    func recordedAge(of movement: RowID) throws -> (seconds: TimeInterval, volunteer: String?)?

    // MARK: People: forgetting
    func forget(recipient: Recipient) throws -> String

    // MARK: Boxes
    func issueCodes(count: Int, centre: Centre, purpose: CodePurpose) throws -> [BoxCode]
    func addBox(centre: Centre, name: String?, kind: BoxKind, claiming code: BoxCode?, otherCentre: Bool) throws -> Box
    func boxes(centre: Centre?) throws -> [Box]
    func box(_ text: String) throws -> Box
    func isUnclaimed(_ code: BoxCode) throws -> Centre?
    func box(id: RowID) throws -> Box?
    func retire(_ box: Box) throws

    // MARK: Catalogue
    func addCentre(code: String, name: String, address: String?) throws -> Centre
    func centres() throws -> [Centre]
    func centre(_ code: String) throws -> Centre
    func categories() throws -> [NamedEntry]
    func groups() throws -> [NamedEntry]
    func categoryMatcher() throws -> CategoryMatcher
    func groupMatcher() throws -> CategoryMatcher
    func category(_ text: String) throws -> NamedEntry
    func group(_ text: String) throws -> NamedEntry
    func addCategory(code: String, nameRu: String, nameEn: String?) throws -> NamedEntry
    func addCategoryAlias(_ alias: String, to category: NamedEntry) throws
    func volunteer(named name: String) throws -> RowID

    // MARK: Catalogue: most used
    func mostUsedCategories(centre: String, kind: MovementKind, days: Int, limit: Int) throws -> [NamedEntry]

    // MARK: DayPasses
    func addDayPass(tokenHash: String, centre: Centre, hours: Int) throws -> DayPass
    func dayPasses() throws -> [DayPass]
    func dayPass(user: RowID) throws -> DayPass?
    func usableDayPass(tokenHash: String) throws -> DayPass
    func openDayPass(tokenHash: String, volunteer: String, sessionIDHash: String, csrf: String) throws -> TimeInterval
    func revokeDayPass(_ text: String) throws -> RowID
    func recordedInWebApp(_ movement: RowID, by user: RowID) throws -> Bool
    func publicAddress() throws -> String?
    func rememberPublicAddress(_ address: String) throws

    // MARK: History
    func history(box: Box?, centre: Centre?, from: LocalDate?, to: LocalDate?, limit: Int) throws -> [HistoryEntry]
    func movement(_ id: RowID) throws -> HistoryEntry?

    // MARK: Seal
    func seal(upTo movement: Int64?) throws -> LedgerSealValue
    func holds(_ seal: LedgerSealValue) throws -> (holds: Bool, exists: Bool, later: Int)

    // MARK: Stock
    func stock(box: RowID, category: RowID, on date: LocalDate) throws -> (quantity: Int, grams: Grams)
    func stock(box: Box?, centre: Centre?, on date: LocalDate?) throws -> [StockLine]

    // MARK: People
    func addRecipient(code: String, group: NamedEntry?, householdSize: Int, on date: LocalDate, contact: String?, consentOn: LocalDate?) throws -> Recipient
    func similarRecipients(to code: String, limit: Int) throws -> [String]
    func handoutRecipient(_ code: String, _ registration: RecipientRegistration, group: NamedEntry?, household: Int?, on date: LocalDate) throws -> HandoutRecipient
    func recipient(_ code: String) throws -> Recipient?
    func recipients() throws -> [Recipient]
    func addEvent(name: String, date: LocalDate, centre: Centre?, participants: Int) throws -> Event
    func events(from: LocalDate?, to: LocalDate?) throws -> [Event]
    func event(_ text: String, on date: LocalDate) throws -> Event

    // MARK: Journal rows
    func forEachJournalRow(from: LocalDate?, to: LocalDate?, centre: Centre?, _ body: (JournalRow) throws -> Void) throws
    func exportedRows(movement id: RowID) throws -> [JournalRow]

    // MARK: Reports
    func facts(for period: Period, centre: Centre?, shared: ReportReads) throws -> PeriodFacts
    func flows(_ period: Period, centre: Centre?, fromLedger: Bool) throws -> [FlowRow]
    func trend(_ months: [YearMonth], centre: Centre?) throws -> [Report.TrendPoint]
    func reportNames() throws -> Report.Names
    func setTarget(_ target: Target) throws
    func targets(overlapping period: Period?) throws -> [Target]

    // MARK: Resolve
    func resolve(_ text: String) throws -> ResolvedCode

    // MARK: People: erasing traces
    func forgetTraces(of recipient: Recipient, code: String) throws -> Int
    func recipientCodes(namedInNotesOf batch: RowID, limit: Int) throws -> [String]
    func recipientCodes(namedIn note: String) throws -> [String]

    // MARK: Verification
    func verify() throws -> [Finding]
    func recipientsSharingCodes() throws -> [[String]]
    func ledgerSize() throws -> (movements: Int, lines: Int)

    // MARK: Recording, for `LedgerTransaction+Recording`
    /// What the rules of `Ledger.refusals` need to know about `draft`'s boxes, person and event.
    func facts(of draft: MovementDraft) throws -> MovementFacts
    /// The stock of a box and category now, and the net change of each day from `day` on.
    func stockTimeline(box: RowID, category: RowID, from day: LocalDate) throws -> (current: Int, later: [(day: Int, quantity: Int)])
    /// Writes a movement the rules let through, with everything it changes beside the ledger; returns its number.
    func insert(_ draft: MovementDraft, deltas: [StockDelta]) throws -> RowID
    /// A movement as it was drafted, and what undid it; nil when there is none.
    func recorded(_ id: RowID) throws -> RecordedMovement?

    // MARK: Reference data, for the importer
    func centre(matching code: String) throws -> Centre?
    func boxWithCode(_ code: BoxCode) throws -> Box?
    func isIssued(_ code: BoxCode) throws -> Bool
    func adoptCode(_ code: BoxCode, centre: Centre) throws
    func event(named name: String, on date: LocalDate) throws -> Event?
}

/// A movement of the ledger as it was drafted, for undoing it.
struct RecordedMovement {
    /// The movement; `reverses` is set when it is itself an undo.
    let draft: MovementDraft
    /// The movement that undid it, if one did.
    let undoneBy: RowID?
}

extension LedgerBackend {
    /// The organisation's time zone: "today" is a day at the centres, not on the server.
    func timeZone() throws -> TimeZone {
        try setting("timezone").flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "Asia/Yekaterinburg") ?? .current
    }

    /// The day it is now at the centres.
    func today() throws -> LocalDate { LocalDate.today(in: try timeZone(), now: now) }
}

extension SQLiteLedger: LedgerBackend {}
