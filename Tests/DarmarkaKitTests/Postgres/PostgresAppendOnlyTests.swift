import Foundation
import Testing
@testable import DarmarkaKit

/// The ledger is append-only in PostgreSQL itself, as in SQLite: whatever
/// client writes to the database, UPDATE, DELETE, TRUNCATE and a reused key
/// are refused by the server, and a note changes only by a redaction.
@Suite("PostgreSQL append-only ledger", .enabled(if: PostgresTestServer.configured))
struct PostgresAppendOnlyTests {
    /// A centre, a box, one intake with a line, a note and a redaction record.
    static func fixture(_ link: PostgresLink) async throws -> String {
        try await PostgresLedger.migrateEmpty(link)
        for sql in [
            "INSERT INTO centre (code, name, created_at) VALUES ('PRE', 'Преображенский', '2026-11-01T10:00:00.000Z')",
            "INSERT INTO issued_code (code, centre_id, issued_at, purpose) SELECT 'PRE-0001', id, '2026-11-01T10:00:00.000Z', 'box' FROM centre",
            "INSERT INTO box (code, centre_id, kind, created_at) SELECT 'PRE-0001', id, 'storage', '2026-11-01T10:00:00.000Z' FROM centre",
            """
            INSERT INTO movement (kind, occurred_on, recorded_at, to_box_id, seal)
            SELECT 'intake', '2026-11-02', '2026-11-02T10:00:00.000Z', id, '\\x00112233' FROM box
            """,
            "INSERT INTO movement_line (movement_id, line, category_id, quantity, grams) SELECT m.id, 1, c.id, 3, 900 FROM movement m, category c WHERE c.code = 'shoes'",
            "INSERT INTO movement_note (movement_id, salt, note, digest) SELECT id, '\\x0102', 'для Анны', '\\xaabb' FROM movement",
            "INSERT INTO redaction (movement_id, at, reason) SELECT id, '2026-11-03T10:00:00.000Z', 'test' FROM movement",
        ] {
            try await link.execute(sql)
        }
        return try await link.texts("SELECT id::text FROM movement").first?.first.flatMap { $0 } ?? ""
    }

    /// The whole ledger as text, to show a refused statement changed nothing.
    static func ledger(_ link: PostgresLink) async throws -> [[String?]] {
        try await link.texts("""
            SELECT m.id::text, m.kind, m.occurred_on::text, m.to_box_id::text, encode(m.seal, 'hex'),
                   l.line::text, l.quantity::text, l.grams::text, n.note, encode(n.salt, 'hex'), encode(n.digest, 'hex'),
                   (SELECT count(*)::text FROM redaction)
            FROM movement m JOIN movement_line l ON l.movement_id = m.id JOIN movement_note n ON n.movement_id = m.id
            ORDER BY m.id, l.line
            """)
    }

    /// Runs `sql` and requires the server to refuse it with `sqlState`
    /// (and, for a trigger's refusal, the trigger's message).
    static func expectRefused(_ link: PostgresLink, _ sql: String, sqlState: String, message: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await link.execute(sql)
            Issue.record("not refused: \(sql)", sourceLocation: sourceLocation)
        } catch let error as ServerError {
            #expect(error.sqlState == sqlState, "\(sql): \(error)", sourceLocation: sourceLocation)
            if let message { #expect(error.message == message, sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(sql): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func movementsAndTheirLinesAreNeverChangedOrDeleted() async throws {
        try await PostgresTestServer.withLink("ledger") { link in
            let id = try await Self.fixture(link)
            let before = try await Self.ledger(link)
            #expect(before.count == 1)
            let refused = "23001", message = AppendOnly.message
            for sql in [
                "UPDATE movement SET kind = 'handout'",
                "UPDATE movement SET occurred_on = occurred_on + 1 WHERE id = \(id)",
                "DELETE FROM movement",
                "TRUNCATE movement CASCADE",
                "UPDATE movement_line SET quantity = 30",
                "DELETE FROM movement_line WHERE movement_id = \(id)",
                "TRUNCATE movement_line",
                // What INSERT OR REPLACE is in SQLite: here it is an UPDATE, and refused as one.
                """
                INSERT INTO movement (id, kind, occurred_on, recorded_at, to_box_id, seal)
                SELECT \(id), 'intake', '2026-11-02', 'x', to_box_id, '\\x00' FROM movement
                ON CONFLICT (id) DO UPDATE SET kind = 'writeoff'
                """,
                """
                INSERT INTO movement_line (movement_id, line, category_id, quantity) SELECT \(id), 1, id, 1 FROM category WHERE code = 'shoes'
                ON CONFLICT (movement_id, line) DO UPDATE SET quantity = 1
                """,
            ] {
                await Self.expectRefused(link, sql, sqlState: refused, message: message)
            }
            // A reused key is refused by the primary key: no row takes another's place.
            await Self.expectRefused(link, """
                INSERT INTO movement (id, kind, occurred_on, recorded_at, to_box_id, seal)
                SELECT \(id), 'intake', '2026-11-02', 'x', to_box_id, '\\x00' FROM movement
                """, sqlState: "23505")
            await Self.expectRefused(link, """
                INSERT INTO movement_line (movement_id, line, category_id, quantity) SELECT \(id), 1, id, 1 FROM category WHERE code = 'shoes'
                """, sqlState: "23505")
            #expect(try await Self.ledger(link) == before)
            // Appending is what the ledger is for.
            try await link.execute("""
                INSERT INTO movement_line (movement_id, line, category_id, quantity) SELECT \(id), 2, id, 1 FROM category WHERE code = 'shoes'
                """)
        }
    }

    @Test func aNoteChangesOnlyByARedaction() async throws {
        try await PostgresTestServer.withLink("note") { link in
            let id = try await Self.fixture(link)
            let refused = "23001", message = AppendOnly.redactionMessage
            for sql in [
                "UPDATE movement_note SET note = 'для Бориса'",
                // Redacted text but the salt kept: the digest could still test a guess.
                "UPDATE movement_note SET note = '\(SealForm.redacted)'",
                "UPDATE movement_note SET note = '\(SealForm.redacted)', salt = NULL, digest = '\\x00'",
                "DELETE FROM movement_note",
                "TRUNCATE movement_note",
                "UPDATE redaction SET reason = 'other'",
                "DELETE FROM redaction",
                "TRUNCATE redaction",
                "INSERT INTO movement_note (movement_id, note, digest) VALUES (\(id), 'x', '\\x00') ON CONFLICT (movement_id) DO UPDATE SET note = 'x'",
            ] {
                await Self.expectRefused(link, sql, sqlState: refused, message: message)
            }
            await Self.expectRefused(link, "INSERT INTO movement_note (movement_id, note, digest) VALUES (\(id), 'x', '\\x00')", sqlState: "23505")
            #expect(try await link.texts("SELECT note FROM movement_note") == [["для Анны"]])
            // The one change allowed: the note redacted, its salt gone, its digest kept.
            try await link.execute("UPDATE movement_note SET note = '\(SealForm.redacted)', salt = NULL WHERE movement_id = \(id)")
            #expect(try await link.texts("SELECT note, salt::text, encode(digest, 'hex') FROM movement_note") == [[SealForm.redacted, nil, "aabb"]])
        }
    }
}
