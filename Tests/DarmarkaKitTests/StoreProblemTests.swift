import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// The command line does not know GRDB: whatever database error a
/// transaction meets leaves the store as a problem it can say.
@Suite("Database errors as problems")
struct StoreProblemTests {
    @Test func anyDatabaseErrorLeavesTheStoreAsAProblem() throws {
        let f = try Fixture()
        defer { try? FileManager.default.removeItem(at: f.dir) }
        #expect(throws: LedgerProblem.unexpected("no such table: nowhere")) {
            try f.store.read { tx in try Int.fetchOne(tx.db, sql: "SELECT count(*) FROM nowhere") }
        }
        #expect(throws: LedgerProblem.self) {
            try f.store.write { tx in try tx.db.execute(sql: "INSERT INTO nowhere VALUES (1)") }
        }
    }
}
