import DarmarkaCore
import Foundation

/// Matchers kept between calls while the catalogue they were made from
/// stays the same.
///
/// Making a matcher stems every name, alias and synonym, which took longer
/// than the rest of an intake together, and `darmarka serve` asks for one on
/// every form it records. The catalogue is read each time (a few dozen rows)
/// and compared with the one the matcher was made from, so a category added,
/// renamed or given an alias, by this process or another, is seen at once.
final class MatcherCache: @unchecked Sendable {
    static let shared = MatcherCache()

    enum Kind { case categories, groups }

    private let lock = NSLock()
    private var made: [Kind: (entries: [NamedEntry], matcher: CategoryMatcher)] = [:]

    /// The matcher made from `entries`, made now by `make` if the one kept
    /// was made from other entries.
    func matcher(_ kind: Kind, for entries: [NamedEntry], make: () -> CategoryMatcher) -> CategoryMatcher {
        if let kept = lock.withLock({ made[kind] }), kept.entries == entries { return kept.matcher }
        let matcher = make()
        lock.withLock { made[kind] = (entries, matcher) }
        return matcher
    }
}
