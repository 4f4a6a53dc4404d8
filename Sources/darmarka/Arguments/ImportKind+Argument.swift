import ArgumentParser
import DarmarkaKit

/// `import --kind`: `ImportKind(argument:)` reads each kind in English and in Russian.
extension ImportKind: ExpressibleByArgument {
    public static var allValueStrings: [String] {
        allCases.map(\.rawValue) + ["журнал", "боксы", "получатели", "мероприятия"]
    }
}
