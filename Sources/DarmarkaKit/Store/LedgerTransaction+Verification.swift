import DarmarkaCore
import Foundation

// The seal over the ledger, and `darmarka check`.
extension LedgerTransaction {
    /// The seal of the last movement at most `movement` (or of the whole
    /// ledger): what a report carries.
    public func seal(upTo movement: Int64? = nil) throws -> LedgerSealValue {
        try backend.seal(upTo: movement)
    }

    /// Whether the ledger still holds `seal`: the chain verifies up to its
    /// movement and gives that seal there. Also how many movements came after it.
    public func holds(_ seal: LedgerSealValue) throws -> (holds: Bool, exists: Bool, later: Int) {
        try backend.holds(seal)
    }

    /// Everything wrong with the database, or nothing. Reads only.
    public func verify() throws -> [Finding] {
        try backend.verify()
    }

    /// Registered codes that are one code typed differently (`ТД-042` and
    /// `ТД42`, registered before codes were compared by key), each group in
    /// code order. Not a fault of the file, so not a finding: a restore must
    /// not refuse such a backup; `check` names them.
    public func recipientsSharingCodes() throws -> [[String]] {
        try backend.recipientsSharingCodes()
    }

    /// How many movements and lines the ledger holds.
    public func ledgerSize() throws -> (movements: Int, lines: Int) {
        try backend.ledgerSize()
    }
}
