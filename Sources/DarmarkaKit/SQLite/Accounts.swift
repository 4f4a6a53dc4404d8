import DarmarkaCore
import Foundation
import GRDB

/// A session as the web app finds it by its cookie.
public struct WebSession: Sendable, Equatable {
    public let account: Account
    /// The token every form of this session carries (CSRF).
    public let csrf: String
    /// The name movements recorded in this session carry as their volunteer:
    /// the login, or the name a day pass's holder gave.
    public let volunteer: String
    /// Whether the session was opened by a day pass.
    public let isDayPass: Bool

    public init(account: Account, csrf: String, volunteer: String? = nil, isDayPass: Bool = false) {
        self.account = account; self.csrf = csrf; self.volunteer = volunteer ?? account.login; self.isDayPass = isDayPass
    }
}

// The accounts of `darmarka serve`: users, sessions, idempotency keys and
// failed sign-ins (see migration v10). Hashing is the caller's: the store
// keeps what it is given.
extension SQLiteLedger {
    @discardableResult
    func addUser(login: String, passwordHash: String, role: Role, centres: [Centre]) throws -> Account {
        let login = try Self.userLogin(login)
        if try userRow(login) != nil { throw WebProblem.userExists(login) }
        try db.execute(sql: "INSERT INTO app_user(login, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [login, passwordHash, role.rawValue, recordedAt])
        let id = db.lastInsertedRowID
        for c in centres {
            try db.execute(sql: "INSERT OR IGNORE INTO app_user_centre(user_id, centre_id) VALUES (?, ?)", arguments: [id, c.id])
        }
        return Account(id: id, login: login, role: role, centres: centres.map(\.code), disabled: false)
    }

    /// Logins are what people type on a phone: short, Latin, no spaces.
    static func userLogin(_ text: String) throws -> String {
        let login = text.trimmingCharacters(in: .whitespaces)
        guard (2...32).contains(login.count),
              login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }) else {
            throw WebProblem.badUserLogin(text)
        }
        return login
    }

    /// A user by login; never a day pass's account, which no login opens
    /// (its login starts with `~`, which `userLogin` refuses).
    private func userRow(_ login: String) throws -> Row? {
        let login = login.trimmingCharacters(in: .whitespaces)
        guard !login.hasPrefix(Self.dayPassLoginPrefix) else { return nil }
        return try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE login = ?", arguments: [login])
    }

    private func account(_ r: Row) throws -> Account? {
        guard let role = Role(rawValue: r["role"]) else { return nil }
        let centres = try String.fetchAll(db, sql: """
            SELECT c.code FROM app_user_centre u JOIN centre c ON c.id = u.centre_id WHERE u.user_id = ? ORDER BY c.code
            """, arguments: [r["id"] as RowID])
        return Account(id: r["id"], login: r["login"], role: role, centres: centres, disabled: r["disabled"],
                       lang: (r["lang"] as String?).flatMap(Lang.init(rawValue:)))
    }

    func users() throws -> [Account] {
        try Row.fetchAll(db, sql: "SELECT * FROM app_user WHERE id NOT IN (SELECT user_id FROM day_pass) ORDER BY login")
            .compactMap(account)
    }

    func user(login: String) throws -> (account: Account, passwordHash: String)? {
        guard let r = try userRow(login), let a = try account(r) else { return nil }
        return (a, r["password_hash"])
    }

    func disableUser(_ login: String) throws {
        guard let r = try userRow(login) else { throw WebProblem.unknownUser(login) }
        try db.execute(sql: "UPDATE app_user SET disabled = 1 WHERE id = ?", arguments: [r["id"] as RowID])
        try db.execute(sql: "UPDATE app_session SET revoked = 1 WHERE user_id = ?", arguments: [r["id"] as RowID])
    }

    func setPassword(_ login: String, hash: String) throws {
        guard let r = try userRow(login) else { throw WebProblem.unknownUser(login) }
        try db.execute(sql: "UPDATE app_user SET password_hash = ? WHERE id = ?", arguments: [hash, r["id"] as RowID])
        try db.execute(sql: "UPDATE app_session SET revoked = 1 WHERE user_id = ?", arguments: [r["id"] as RowID])
    }

    // MARK: Sessions

    func startSession(idHash: String, user: RowID, csrf: String, seconds: TimeInterval) throws {
        try db.execute(sql: "INSERT INTO app_session(id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [idHash, user, csrf, recordedAt, Timestamp.utc(now.addingTimeInterval(seconds))])
    }

    func session(idHash: String) throws -> WebSession? {
        guard let s = try Row.fetchOne(db, sql: """
            SELECT s.csrf, u.*, p.id AS pass_id, p.volunteer_name AS pass_volunteer
            FROM app_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN day_pass p ON p.user_id = u.id
            WHERE s.id_hash = ?1 AND s.revoked = 0 AND s.expires_at > ?2 AND u.disabled = 0
              AND (p.id IS NULL OR (p.revoked = 0 AND p.expires_at > ?2))
            """, arguments: [idHash, recordedAt]), let a = try account(s) else { return nil }
        let isPass = (s["pass_id"] as RowID?) != nil
        return WebSession(account: a, csrf: s["csrf"], volunteer: s["pass_volunteer"], isDayPass: isPass)
    }

    func setLang(_ lang: Lang, user: RowID) throws {
        try db.execute(sql: "UPDATE app_user SET lang = ? WHERE id = ?", arguments: [lang.rawValue, user])
    }

    func revokeSession(idHash: String) throws {
        try db.execute(sql: "UPDATE app_session SET revoked = 1 WHERE id_hash = ?", arguments: [idHash])
    }

    // MARK: Failed sign-ins

    func noteFailedLogin(_ login: String, address: String) throws {
        try db.execute(sql: "INSERT INTO login_failure(login, address, at) VALUES (?, ?, ?)", arguments: [login, address, recordedAt])
    }

    func recentFailures(login: String, address: String, seconds: TimeInterval) throws -> (login: Int, address: Int) {
        let since = Timestamp.utc(now.addingTimeInterval(-seconds))
        let l = try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure WHERE login = ? AND at > ?", arguments: [login, since]) ?? 0
        let a = try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure WHERE address = ? AND at > ?", arguments: [address, since]) ?? 0
        return (l, a)
    }

    // MARK: Idempotency keys

    func idempotentMovement(key: String, user: RowID) throws -> RowID? {
        try RowID.fetchOne(db, sql: "SELECT movement_id FROM idempotency_key WHERE user_id = ? AND key = ?", arguments: [user, key])
    }

    func rememberIdempotency(key: String, user: RowID, movement: RowID) throws {
        try db.execute(sql: "INSERT INTO idempotency_key(key, user_id, movement_id, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [key, user, movement, recordedAt])
    }

    func recordedAge(of movement: RowID) throws -> (seconds: TimeInterval, volunteer: String?)? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT m.recorded_at, v.name FROM movement m LEFT JOIN volunteer v ON v.id = m.volunteer_id WHERE m.id = ?
            """, arguments: [movement]) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let at = formatter.date(from: r["recorded_at"]) else { return nil }
        return (now.timeIntervalSince(at), r["name"])
    }
}
