import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

@Suite("Upgrade to moving-average kilograms")
struct MigrationV6Tests {
    /// A version 5 database kept the weight of what left; version 6 values
    /// its ledger by moving average and corrects the tables beside it.
    @Test func version6RevaluesAnExistingLedger() throws {
        let q = try DatabaseQueue()
        try Migrations.migrator.migrate(q, upTo: "v5-keyed-lines")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO centre(id, code, name, created_at) VALUES (1, 'PRE', 'П', '2026-01-01');
                INSERT INTO issued_code(serial, code, centre_id, issued_at, purpose) VALUES (1, 'B-0001Z', 1, '2026-01-01', 'box');
                INSERT INTO box(id, code, centre_id, kind, created_at) VALUES (1, 'B-0001Z', 1, 'collection', '2026-01-01');
                INSERT INTO movement(id, kind, occurred_on, recorded_at, to_box_id) VALUES (1, 'intake', '2026-10-01', 'now', 1);
                INSERT INTO movement_line(movement_id, line, category_id, quantity, grams) VALUES (1, 1, 6, 5, 10000);
                INSERT INTO movement(id, kind, occurred_on, recorded_at, from_box_id) VALUES (2, 'handout', '2026-10-02', 'now', 1);
                INSERT INTO movement_line(movement_id, line, category_id, quantity) VALUES (2, 1, 6, 3);
                INSERT INTO balance VALUES (1, 6, 2, 10000);
                INSERT INTO balance_day VALUES (1, 6, '2026-10-01', 5, 10000), (1, 6, '2026-10-02', -3, 0);
                INSERT INTO flow_month VALUES ('2026-10', 'intake', 0, 1, 6, '', 0, 0, 5, 10000, 5, 1),
                                              ('2026-10', 'handout', 1, 0, 6, '', 0, 0, 3, 0, 0, 1);
                """)
        }
        try Migrations.migrator.migrate(q)
        try q.read { (db: Database) throws in
            #expect(try Int64.fetchAll(db, sql: "SELECT grams FROM balance") == [4000])
            #expect(try Int64.fetchAll(db, sql: "SELECT grams FROM balance_day ORDER BY day") == [10000, -6000])
            #expect(try Int64.fetchAll(db, sql: "SELECT estimated FROM flow_month ORDER BY kind") == [6000, 0])
            #expect(try Row.fetchAll(db, sql: "SELECT movement_id, line, grams FROM line_valuation").map { [$0[0], $0[1], $0[2]] as [Int64] } == [[2, 1, 6000]])
            #expect(try SQLiteLedger(db: db).verify() == [])
        }
    }
}
