/// A brand and part number, such as Avery L7160.
public struct TemplateName: Hashable, Sendable {
    public var brand: String
    public var part: String

    public init(brand: String, part: String) { self.brand = brand; self.part = part }

    /// `Avery L7160`, or just the part when there is no brand.
    public var id: String { brand.isEmpty ? part : "\(brand) \(part)" }
}

/// A kind of label stock: where every label sits on a page, in millimetres.
///
/// The shape follows gLabels templates, so the thousands of sheets in the
/// gLabels catalogue can be used as they are. A thermal roll is one label per
/// "page" of the label's own size, printed at the printer's fixed resolution.
public struct LabelTemplate: Hashable, Sendable, Identifiable {
    /// Office sheets are printed at whatever resolution the printer has;
    /// a thermal printer has one fixed resolution that modules must match.
    public enum Kind: Hashable, Sendable {
        case sheet
        case roll(dpi: Int)
    }

    public enum Shape: Hashable, Sendable {
        case rectangle(cornerRadius: Double)
        /// A circle whose diameter is the label's width.
        case round
    }

    /// One grid of labels (gLabels `<Layout>`); a sheet may have several.
    public struct Layout: Hashable, Sendable {
        public var nx: Int
        public var ny: Int
        /// Top-left corner of the first label from the page's top-left corner.
        public var x0: Double
        public var y0: Double
        /// Pitch: distance between the top-left corners of neighbours.
        public var dx: Double
        public var dy: Double

        public init(nx: Int, ny: Int, x0: Double, y0: Double, dx: Double, dy: Double) {
            self.nx = nx; self.ny = ny; self.x0 = x0; self.y0 = y0; self.dx = dx; self.dy = dy
        }
    }

    public var name: TemplateName
    /// gLabels' `_description`, e.g. "Address labels".
    public var description: String
    /// The paper id from the template (`A4`, `US-Letter`, `Other`, `roll`).
    public var paper: String
    public var pageWidth: Double
    public var pageHeight: Double
    public var labelWidth: Double
    public var labelHeight: Double
    public var shape: Shape
    /// Space inside each label's edge that the designer keeps free of content.
    public var markupMargin: Double
    public var layouts: [Layout]
    /// Other brands' or parts' names for the same stock.
    public var equivalents: [TemplateName]
    public var kind: Kind

    public init(name: TemplateName, description: String = "", paper: String,
                pageWidth: Double, pageHeight: Double,
                labelWidth: Double, labelHeight: Double, shape: Shape = .rectangle(cornerRadius: 0),
                markupMargin: Double = 0, layouts: [Layout],
                equivalents: [TemplateName] = [], kind: Kind = .sheet) {
        self.name = name; self.description = description; self.paper = paper
        self.pageWidth = pageWidth; self.pageHeight = pageHeight
        self.labelWidth = labelWidth; self.labelHeight = labelHeight; self.shape = shape
        self.markupMargin = markupMargin; self.layouts = layouts
        self.equivalents = equivalents; self.kind = kind
    }

    /// A thermal roll: each label is printed as a page of its own size.
    public static func roll(name: TemplateName, description: String = "",
                            labelWidth: Double, labelHeight: Double, cornerRadius: Double = 0,
                            markupMargin: Double = 0, dpi: Int) -> LabelTemplate {
        LabelTemplate(name: name, description: description, paper: "roll",
                      pageWidth: labelWidth, pageHeight: labelHeight,
                      labelWidth: labelWidth, labelHeight: labelHeight,
                      shape: .rectangle(cornerRadius: cornerRadius), markupMargin: markupMargin,
                      layouts: [Layout(nx: 1, ny: 1, x0: 0, y0: 0, dx: labelWidth, dy: labelHeight)],
                      kind: .roll(dpi: dpi))
    }

    public var id: String { name.id }
    public var brand: String { name.brand }
    public var part: String { name.part }

    public var cornerRadius: Double {
        switch shape {
        case .rectangle(let radius): radius
        case .round: labelWidth / 2
        }
    }

    /// The printer's fixed resolution for rolls, nil for office sheets.
    public var fixedDPI: Int? {
        if case .roll(let dpi) = kind { return dpi }
        return nil
    }

    public var labelsPerPage: Int { layouts.reduce(0) { $0 + max(0, $1.nx) * max(0, $1.ny) } }

    /// Every label's outline on one page in reading order: top row first,
    /// left to right, merging the rows of all layouts.
    public var labelFrames: [PageRect] {
        var frames: [PageRect] = []
        frames.reserveCapacity(labelsPerPage)
        for layout in layouts {
            for row in 0..<max(0, layout.ny) {
                for column in 0..<max(0, layout.nx) {
                    frames.append(PageRect(x: layout.x0 + Double(column) * layout.dx,
                                           y: layout.y0 + Double(row) * layout.dy,
                                           width: labelWidth, height: labelHeight))
                }
            }
        }
        // Rows of different layouts may interleave. Rows are compared in
        // tenths of a millimetre so that rounding in a file cannot reorder them.
        func row(_ r: PageRect) -> Int { Int((r.y * 10).rounded()) }
        return frames.sorted { a, b in
            row(a) != row(b) ? row(a) < row(b) : a.x < b.x
        }
    }
}
