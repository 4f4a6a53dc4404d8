import DarmarkaCore
import Foundation

// Accounts, sessions, day passes and the answers kept for web forms: the web app's own records.
extension LedgerTransaction {
    /// Adds a user. `passwordHash` is a bcrypt hash; `centres` are where a
    /// manager, volunteer or viewer may act.
    @discardableResult
    public func addUser(login: String, passwordHash: String, role: Role, centres: [Centre]) throws -> Account {
        try backend.addUser(login: login, passwordHash: passwordHash, role: role, centres: centres)
    }

    /// Every user, by login.
    public func users() throws -> [Account] {
        try backend.users()
    }

    /// A user and their password hash, for signing in; nil when there is no such login.
    public func user(login: String) throws -> (account: Account, passwordHash: String)? {
        try backend.user(login: login)
    }

    /// Disables a user and ends every session they have.
    public func disableUser(_ login: String) throws {
        try backend.disableUser(login)
    }

    /// Sets a new password hash; the user's sessions end, so a stolen one stops working.
    public func setPassword(_ login: String, hash: String) throws {
        try backend.setPassword(login, hash: hash)
    }

    /// Starts a session known by the hash of its id, lasting `seconds`.
    public func startSession(idHash: String, user: RowID, csrf: String, seconds: TimeInterval) throws {
        try backend.startSession(idHash: idHash, user: user, csrf: csrf, seconds: seconds)
    }

    /// The live session of that id hash: not expired, not revoked, its user
    /// not disabled, and its day pass, if it has one, neither revoked nor past.
    public func session(idHash: String) throws -> WebSession? {
        try backend.session(idHash: idHash)
    }

    /// Keeps the language a user chose for the pages on their account.
    public func setLang(_ lang: Lang, user: RowID) throws {
        try backend.setLang(lang, user: user)
    }

    /// Ends a session (signing out).
    public func revokeSession(idHash: String) throws {
        try backend.revokeSession(idHash: idHash)
    }

    /// Notes a failed sign-in, for `recentFailures`.
    public func noteFailedLogin(_ login: String, address: String) throws {
        try backend.noteFailedLogin(login, address: address)
    }

    /// Failed sign-ins in the last `seconds`, for this login and from this address.
    public func recentFailures(login: String, address: String, seconds: TimeInterval) throws -> (login: Int, address: Int) {
        try backend.recentFailures(login: login, address: address, seconds: seconds)
    }

    /// The movement a form with this key already recorded for this user, if any.
    public func idempotentMovement(key: String, user: RowID) throws -> RowID? {
        try backend.idempotentMovement(key: key, user: user)
    }

    /// Remembers that a form's key recorded `movement`, in the same transaction as the movement.
    public func rememberIdempotency(key: String, user: RowID, movement: RowID) throws {
        try backend.rememberIdempotency(key: key, user: user, movement: movement)
    }

    /// How many seconds ago a movement was recorded, and the name of who
    /// recorded it: for the web app's undo, which is for its own user and short.
    public func recordedAge(of movement: RowID) throws -> (seconds: TimeInterval, volunteer: String?)? {
        try backend.recordedAge(of: movement)
    }

    /// What a form with this key already did for this user, if it was sent before.
    public func idempotentAnswer(key: String, user: RowID) throws -> IdempotentAnswer? {
        try backend.idempotentAnswer(key: key, user: user)
    }

    /// Remembers what a form's key did, in the same transaction as what it did.
    public func rememberIdempotency(key: String, user: RowID, movement: RowID?, response: String?) throws {
        try backend.rememberIdempotency(key: key, user: user, movement: movement, response: response)
    }

    /// Makes a pass for a volunteer of `centre`, lasting `hours` from now,
    /// known by the hash of its token.
    public func addDayPass(tokenHash: String, centre: Centre, hours: Int) throws -> DayPass {
        try backend.addDayPass(tokenHash: tokenHash, centre: centre, hours: hours)
    }

    /// Every pass, newest first.
    public func dayPasses() throws -> [DayPass] {
        try backend.dayPasses()
    }

    /// The pass whose account `user` is; nil for any other user.
    public func dayPass(user: RowID) throws -> DayPass? {
        try backend.dayPass(user: user)
    }

    /// The pass a link's token opens, checked: not revoked, not past, not
    /// opened before; else the problem to show.
    public func usableDayPass(tokenHash: String) throws -> DayPass {
        try backend.usableDayPass(tokenHash: tokenHash)
    }

    /// Opens a pass on a phone: keeps the name its holder gave and starts a
    /// session (known by the hash of its id) that ends with the pass.
    /// Returns the seconds the session has left. A pass opens once.
    public func openDayPass(tokenHash: String, volunteer: String, sessionIDHash: String, csrf: String) throws -> TimeInterval {
        try backend.openDayPass(tokenHash: tokenHash, volunteer: volunteer, sessionIDHash: sessionIDHash, csrf: csrf)
    }

    /// Revokes pass number `text` at once: its link and its phone's session are refused from now on.
    @discardableResult
    public func revokeDayPass(_ text: String) throws -> RowID {
        try backend.revokeDayPass(text)
    }

    /// Whether `user` recorded `movement` from the web app (its form's
    /// idempotency key is theirs): who may undo it there.
    public func recordedInWebApp(_ movement: RowID, by user: RowID) throws -> Bool {
        try backend.recordedInWebApp(movement, by: user)
    }

    /// The server's public address, as `serve --url-base` last gave it.
    public func publicAddress() throws -> String? {
        try backend.publicAddress()
    }

    /// Remembers the server's public address, for the links of day passes.
    public func rememberPublicAddress(_ address: String) throws {
        try backend.rememberPublicAddress(address)
    }
}
