import DarmarkaCore
import GRDB

/// What a form with an idempotency key did the first time it was sent.
public struct IdempotentAnswer: Sendable, Equatable {
    /// The movement it recorded, if it recorded one.
    public var movement: RowID?
    /// What else it did, in the form's own words (a stock take that agreed,
    /// the codes a label sheet issued), for forms that record no movement.
    public var response: String?
}

// Idempotency keys of the manager's forms: a stock take that agrees records
// no movement, and a sheet of new codes issues codes rather than a movement;
// a second submission must still give the first one's answer (the
// `response` column of migration v10 holds it).
extension SQLiteLedger {
    func idempotentAnswer(key: String, user: RowID) throws -> IdempotentAnswer? {
        try Row.fetchOne(db, sql: "SELECT movement_id, response FROM idempotency_key WHERE user_id = ? AND key = ?",
                         arguments: [user, key])
            .map { IdempotentAnswer(movement: $0["movement_id"], response: $0["response"]) }
    }

    func rememberIdempotency(key: String, user: RowID, movement: RowID?, response: String?) throws {
        try db.execute(sql: "INSERT INTO idempotency_key(key, user_id, movement_id, response, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [key, user, movement, response, recordedAt])
    }
}
