import DarmarkaCore
import Foundation
import GRDB

// Day passes (migration v11): a one-time link that signs one phone in as a
// volunteer of one centre until it expires. Each pass is an account of its
// own, so that the session, the role rules, idempotency keys and
// revocation are those of every user; the token is kept only as its hash.
extension SQLiteLedger {
    /// Logins of passes' accounts start with this, which `userLogin` refuses:
    /// no user can be named so, and no sign-in form opens them.
    static let dayPassLoginPrefix = "~"

    func addDayPass(tokenHash: String, centre: Centre, hours: Int) throws -> DayPass {
        let id = (try RowID.fetchOne(db, sql: "SELECT max(id) FROM day_pass") ?? 0) + 1
        // "!" is no bcrypt hash: no password opens a pass's account.
        try db.execute(sql: "INSERT INTO app_user(login, password_hash, role, created_at) VALUES (?, '!', 'volunteer', ?)",
                       arguments: ["\(Self.dayPassLoginPrefix)pass-\(id)", recordedAt])
        let user = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO app_user_centre(user_id, centre_id) VALUES (?, ?)", arguments: [user, centre.id])
        try db.execute(sql: """
            INSERT INTO day_pass(id, token_hash, user_id, centre_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [id, tokenHash, user, centre.id, recordedAt, Timestamp.utc(now.addingTimeInterval(Double(hours) * 3600))])
        guard let pass = try Row.fetchOne(db, sql: Self.dayPassSelect + " WHERE p.id = ?", arguments: [id]) else {
            throw DayPassProblem.unknownPass(String(id))
        }
        return try dayPass(pass)
    }

    func dayPasses() throws -> [DayPass] {
        try Row.fetchAll(db, sql: Self.dayPassSelect + " ORDER BY p.id DESC").map(dayPass)
    }

    func dayPass(user: RowID) throws -> DayPass? {
        try Row.fetchOne(db, sql: Self.dayPassSelect + " WHERE p.user_id = ?", arguments: [user]).map(dayPass)
    }

    func usableDayPass(tokenHash: String) throws -> DayPass {
        guard let r = try Row.fetchOne(db, sql: Self.dayPassSelect + " WHERE p.token_hash = ?", arguments: [tokenHash]) else {
            throw DayPassProblem.unknown
        }
        let pass = try dayPass(r)
        switch pass.state {
        case .unused: return pass
        case .revoked: throw DayPassProblem.revoked
        case .expired: throw DayPassProblem.expired(until: pass.expires)
        case .inUse: throw DayPassProblem.used
        }
    }

    func openDayPass(tokenHash: String, volunteer: String, sessionIDHash: String, csrf: String) throws -> TimeInterval {
        let pass = try usableDayPass(tokenHash: tokenHash)
        let name = try DayPassRules.volunteerName(volunteer)
        guard let r = try Row.fetchOne(db, sql: "SELECT user_id, expires_at FROM day_pass WHERE id = ?", arguments: [pass.id]) else {
            throw DayPassProblem.unknown
        }
        let expires: String = r["expires_at"]
        try db.execute(sql: "UPDATE day_pass SET used_at = ?, volunteer_name = ? WHERE id = ? AND used_at IS NULL",
                       arguments: [recordedAt, name, pass.id])
        guard db.changesCount == 1 else { throw DayPassProblem.used }
        try db.execute(sql: "INSERT INTO app_session(id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [sessionIDHash, r["user_id"] as RowID, csrf, recordedAt, expires])
        return (Self.instant(expires) ?? now).timeIntervalSince(now)
    }

    @discardableResult
    func revokeDayPass(_ text: String) throws -> RowID {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let id = RowID(t.hasPrefix("#") || t.hasPrefix("№") ? String(t.dropFirst()) : t),
              let user = try RowID.fetchOne(db, sql: "SELECT user_id FROM day_pass WHERE id = ?", arguments: [id]) else {
            throw DayPassProblem.unknownPass(text)
        }
        try db.execute(sql: "UPDATE day_pass SET revoked = 1 WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE app_user SET disabled = 1 WHERE id = ?", arguments: [user])
        try db.execute(sql: "UPDATE app_session SET revoked = 1 WHERE user_id = ?", arguments: [user])
        return id
    }

    func recordedInWebApp(_ movement: RowID, by user: RowID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM idempotency_key WHERE user_id = ? AND movement_id = ?",
                          arguments: [user, movement]) == true
    }

    // MARK: The server's public address

    func publicAddress() throws -> String? { try setting("url_base") }

    func rememberPublicAddress(_ address: String) throws {
        try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('url_base', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [address])
    }

    // MARK: Rows

    static let dayPassSelect = """
        SELECT p.id, c.code AS centre, p.expires_at, p.used_at, p.volunteer_name, p.revoked
        FROM day_pass p JOIN centre c ON c.id = p.centre_id
        """

    private func dayPass(_ r: Row) throws -> DayPass {
        let expires: String = r["expires_at"]
        let state: DayPass.State
        if r["revoked"] as Bool {
            state = .revoked
        } else if expires <= recordedAt {
            state = .expired
        } else if r["used_at"] as String? != nil {
            state = .inUse(volunteer: r["volunteer_name"] ?? "")
        } else {
            state = .unused
        }
        return DayPass(id: r["id"], centre: r["centre"], expires: try localMinute(expires), state: state)
    }

    /// A stored UTC timestamp as a minute in the organisation's time zone: `2026-11-03 22:00`.
    func localMinute(_ stored: String) throws -> String {
        guard let instant = Self.instant(stored) else { return stored }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try timeZone()
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ v: Int?) -> String { v.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    static func instant(_ stored: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: stored)
    }
}
