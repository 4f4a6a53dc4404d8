// SQL that every reading of the ledger shares. A correction is a reversing
// entry, never an edit, so "what counts" is worked out on reading: written
// once here, not once per query.
enum LedgerSQL {
    /// True for a movement of alias `m` that stands as recorded: neither an
    /// undo nor undone. Together a movement and its undo changed nothing,
    /// so lists of what happened (exports, most-used categories, people
    /// served, volunteers active) leave both out.
    static func standing(_ m: String) -> String {
        "(\(m).reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM movement undoing WHERE undoing.reverses_id = \(m).id))"
    }

    /// 1 for a movement of alias `m`, -1 for an undo: sums over the ledger
    /// multiply by it, so that an undo takes away what it undoes.
    static func sign(_ m: String) -> String {
        "(CASE WHEN \(m).reverses_id IS NULL THEN 1 ELSE -1 END)"
    }
}
