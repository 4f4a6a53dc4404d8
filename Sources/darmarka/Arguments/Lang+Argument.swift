import ArgumentParser
import DarmarkaKit

/// `--lang ru|en`, in any case.
extension Lang: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
