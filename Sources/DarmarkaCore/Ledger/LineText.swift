import Foundation

/// One line of a movement typed as one value, `CATEGORY:QTY[:KG]`
/// (`shoes:2`, `kids:3:1,2`): the command line's `--line`.
///
/// The colon parts the fields, so a weight keeps its decimal comma:
/// `kids:3:1,2` is three items weighing 1.2 kg. The parts are returned as
/// typed; the quantity and weight are read as everywhere else.
public struct LineText: Sendable, Equatable {
    public var category: String
    public var quantity: String
    public var kg: String?

    public init(category: String, quantity: String, kg: String? = nil) {
        self.category = category; self.quantity = quantity; self.kg = kg
    }

    /// The parts of `text`, or nil when it has not two or three of them, or an empty one.
    public static func split(_ text: String) -> LineText? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 || parts.count == 3, !parts.contains(where: \.isEmpty) else { return nil }
        return LineText(category: parts[0], quantity: parts[1], kg: parts.count == 3 ? parts[2] : nil)
    }
}
