import ArgumentParser
import DarmarkaKit

/// `box add --kind`: the English codes and the Russian words `BoxKind.parse` reads.
extension BoxKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = BoxKind.parse(argument) else { return nil }
        self = kind
    }

    public static var allValueStrings: [String] {
        allCases.map(\.rawValue) + ["сбор", "хранение", "сортировка"]
    }
}
