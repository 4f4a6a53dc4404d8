import DarmarkaCore
import GRDB

// Which categories a centre uses most, for the big buttons of the web
// app's intake and handout forms.
extension SQLiteLedger {
    func mostUsedCategories(centre: String, kind: MovementKind, days: Int, limit: Int) throws -> [NamedEntry] {
        let today = try today()
        // An intake puts things into a box, a handout takes them out of one.
        let boxColumn = kind == .intake ? "m.to_box_id" : "m.from_box_id"
        let ids = try RowID.fetchAll(db, sql: """
            SELECT l.category_id FROM movement m
            JOIN box b ON b.id = \(boxColumn)
            JOIN centre c ON c.id = b.centre_id
            JOIN movement_line l ON l.movement_id = m.id
            WHERE m.kind = ? AND c.code = ? AND m.occurred_on BETWEEN ? AND ? AND \(LedgerSQL.standing("m"))
            GROUP BY l.category_id ORDER BY count(DISTINCT m.id) DESC, l.category_id LIMIT ?
            """, arguments: [kind.rawValue, CentreCode.canonical(centre), today.adding(days: -(days - 1)).description,
                             today.description, limit])
        let byID = Dictionary(try categories().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }
}
