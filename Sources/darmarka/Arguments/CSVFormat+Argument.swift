import ArgumentParser
import DarmarkaKit

/// `import --encoding`: `utf8`, `cp1251` and their other names (`utf-8`, `windows-1251`).
extension CSVEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}

/// `import --delimiter`: `;`, `,` or `tab`, and their names. `CSVDelimiter(argument:)`
/// reads them; its raw values are bytes, which nobody types.
extension CSVDelimiter: ExpressibleByArgument {
    public var defaultValueDescription: String { self == .tab ? "tab" : String(character) }

    public static var allValueStrings: [String] { [";", ",", "tab"] }

    public static var allValueDescriptions: [String: String] { [:] }
}
