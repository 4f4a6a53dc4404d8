import DarmarkaCore
import GRDB

extension Migrations {
    /// Version 6, "v6-moving-average": kilograms valued by moving average
    /// per box and category (see `KilogramValuation`).
    ///
    /// - `flow_month.estimated`: the grams outflows took beyond what was
    ///   weighed (an unweighed handout's share of its box's kilograms).
    /// - `line_valuation`: the grams an outflow line took, where they differ
    ///   from the line's own weight (or 0 when it was not weighed).
    ///
    /// Then the whole ledger is valued from its first day, which corrects
    /// `balance`, `balance_day` and `flow_month` of existing databases: stock
    /// no longer keeps the weight of what left.
    static let v6 = """
        ALTER TABLE flow_month ADD COLUMN estimated INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE line_valuation (
            movement_id INTEGER NOT NULL,
            line INTEGER NOT NULL,
            grams INTEGER NOT NULL CHECK (grams >= 0),
            PRIMARY KEY (movement_id, line)
        ) WITHOUT ROWID;
        """

    /// Values the ledger of an existing database from its first day on.
    static func v6Revalue(_ db: Database) throws {
        guard let first = try String.fetchOne(db, sql: "SELECT MIN(occurred_on) FROM movement").flatMap(LocalDate.parse) else { return }
        let tx = SQLiteLedger(db: db)
        var changes = ValuationChanges()
        try tx.revalue(from: first, categories: nil, changes: &changes)
        try tx.write(changes)
    }
}
