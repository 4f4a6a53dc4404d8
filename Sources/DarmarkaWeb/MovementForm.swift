import DarmarkaCore
import Foundation

/// An intake or handout form as the phone sent it: every value as typed,
/// to be shown again when the form comes back, and the lines of a basket.
///
/// A handout's basket is several lines for one recipient, recorded as one
/// movement (one visit). Line 1's fields are `category`, `quantity` and
/// `kg`; line N's are `categoryN`, `quantityN`, `kgN`, so that a form of one
/// line posts what it always did. `lines` says how many there are.
struct MovementForm {
    struct Line: Equatable {
        var category: String
        var quantity: String
        var kg: String

        static let empty = Line(category: "", quantity: "1", kg: "")

        /// A line added and left as it came, which the basket skips.
        var isBlank: Bool {
            category.trimmed.isEmpty && kg.trimmed.isEmpty && ["", "1"].contains(quantity.trimmed)
        }
    }

    /// What a tap on the form asks for. Only `save` records; the others
    /// come back with the form changed and every value kept.
    enum Action: Equatable {
        case save
        /// The stepper of a line (numbered from 1): `by` is +1 or −1.
        case step(line: Int, by: Int)
        case addLine
        case removeLine(Int)
        /// A frequent category's button, or a search result's: its code.
        case pick(String)
        /// The search box's «Найти».
        case find
    }

    /// At most this many lines in one handout: a visit, not a stock take.
    static let maxLines = 20

    let kind: MovementKind
    var key: String
    var lines: [Line]
    var condition = ""
    var note = ""
    var recipient = ""
    var isNew = false
    var group = ""
    var household = ""
    /// The event's number, or "" for none.
    var event = ""
    /// What was typed into the search box.
    var query = ""

    /// The name of line `n`'s field `name`: `category`, `category2`, ….
    static func field(_ name: String, line n: Int) -> String { n == 1 ? name : "\(name)\(n)" }

    /// A new form: one line of one item, and today's event when there is one.
    init(kind: MovementKind, key: String, event: String = "") {
        self.kind = kind; self.key = key; self.lines = [.empty]; self.event = event
    }

    init(kind: MovementKind, posted form: FormData, key: String) {
        self.kind = kind
        self.key = key
        // An intake is one line; a handout's basket as many as it says.
        let count = kind == .handout ? min(Self.maxLines, max(1, Int(form["lines"] ?? "") ?? 1)) : 1
        lines = (1...count).map { n in
            Line(category: form[Self.field("category", line: n)] ?? "", quantity: form[Self.field("quantity", line: n)] ?? "",
                 kg: form[Self.field("kg", line: n)] ?? "")
        }
        condition = form["condition"] ?? ""
        note = form["note"] ?? ""
        query = form["q"] ?? ""
        if kind == .handout {
            recipient = form["recipient"] ?? ""
            isNew = form.ticked("new")
            group = form["group"] ?? ""
            household = form["household"] ?? ""
            event = form["event"] ?? ""
        }
    }

    /// Which button sent the form. The hidden first button (`enter`) is what
    /// the Enter key presses: a search when something is typed in the
    /// search box, else «Записать».
    static func action(_ form: FormData) -> Action {
        if let step = form.text("step") {
            let parts = step.split(separator: ":").map(String.init)
            let line = parts.count == 2 ? Int(parts[0]) ?? 1 : 1
            let by = Int(parts.last ?? "") ?? 0
            return .step(line: line, by: by < 0 ? -1 : 1)
        }
        if form["add"] != nil { return .addLine }
        if let n = form.text("remove").flatMap(Int.init) { return .removeLine(n) }
        if let code = form.text("pick") { return .pick(code) }
        if form["find"] != nil || (form["enter"] != nil && form.text("q") != nil) { return .find }
        return .save
    }

    /// The lines that say something, with their numbers; blank lines added
    /// and left are skipped.
    var filledLines: [(number: Int, line: Line)] {
        lines.enumerated().map { ($0.offset + 1, $0.element) }.filter { !$0.line.isBlank }
    }

    /// Puts `name` into the form: an intake's category, or the basket's
    /// first empty line, or a new line when every line has one.
    mutating func choose(_ name: String) {
        if kind == .intake || lines.count == 1 && lines[0].category.trimmed.isEmpty {
            lines[0].category = name
        } else if let i = lines.firstIndex(where: { $0.category.trimmed.isEmpty }) {
            lines[i].category = name
        } else if lines.count < Self.maxLines {
            lines.append(Line(category: name, quantity: "1", kg: ""))
        }
    }

    mutating func step(line n: Int, by: Int) {
        guard lines.indices.contains(n - 1) else { return }
        let q = Quantity.parse(lines[n - 1].quantity) ?? 0
        lines[n - 1].quantity = String(max(1, q + by))
    }

    mutating func addLine() {
        if kind == .handout, lines.count < Self.maxLines { lines.append(.empty) }
    }

    mutating func removeLine(_ n: Int) {
        if lines.count > 1, lines.indices.contains(n - 1) { lines.remove(at: n - 1) }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
