import DarmarkaCore
import Foundation

/// What a typed or scanned text turned out to be.
public enum ResolvedCode: Sendable, Equatable {
    /// A registered box.
    case box(Box)
    /// A code issued for a centre (pre-printed by `labels blank`) that no box
    /// has claimed yet.
    case unclaimed(BoxCode, issuedFor: Centre)
}

extension SQLiteLedger {
    func resolve(_ text: String) throws -> ResolvedCode {
        let code: BoxCode
        switch BoxCode.find(in: text) {
        case .success(let c): code = c
        case .failure(let problem): throw LedgerProblem.badBoxCode(text.trimmingCharacters(in: .whitespacesAndNewlines), problem)
        }
        do {
            return .box(try box(code.description))
        } catch LedgerProblem.unknownBox(let unknown) {
            guard let centre = try isUnclaimed(code) else { throw LedgerProblem.unknownBox(unknown) }
            return .unclaimed(code, issuedFor: centre)
        }
    }
}
