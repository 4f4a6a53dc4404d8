import ArgumentParser
import DarmarkaKit

/// `--condition`: every spelling `Condition.parse` reads, the Russian and the
/// English named in help and in a refusal.
extension Condition: ExpressibleByArgument {
    public init?(argument: String) {
        guard let condition = Condition.parse(argument) else { return nil }
        self = condition
    }

    public static var allValueStrings: [String] {
        ["новое", "хорошее", "ремонт", "утиль"] + allCases.map(\.rawValue)
    }
}
