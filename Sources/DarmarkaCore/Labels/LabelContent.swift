/// What one label shows.
public struct LabelContent: Hashable, Sendable {
    /// What the QR code encodes: a box code, or a URL that ends in one.
    public var payload: String
    /// The human-readable code printed next to the symbol; may be empty.
    public var code: String
    /// Caption lines in order of importance, e.g. the centre's name and the
    /// box's name. Later lines are dropped first when a label is small.
    public var lines: [String]

    public init(payload: String, code: String, lines: [String] = []) {
        self.payload = payload; self.code = code; self.lines = lines
    }

    /// A box label whose symbol encodes the code itself.
    public init(box: BoxCode, lines: [String] = []) {
        self.init(payload: box.description, code: box.description, lines: lines)
    }
}
