import ArgumentParser
import DarmarkaKit

/// `--ecc L|M|Q|H`, in any case.
extension QRErrorCorrection: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
