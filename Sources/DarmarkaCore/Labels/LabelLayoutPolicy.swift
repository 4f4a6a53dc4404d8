/// The two kinds of text on a label.
public enum TextFace: Hashable, Sendable, CaseIterable {
    /// Centre and box names: DejaVu Sans.
    case caption
    /// The human-readable code: DejaVu Sans Mono Bold, so each symbol is
    /// easy to tell apart when typed by hand.
    case code
}

/// How one kind of text may be sized. Sizes are in points.
public struct TextStyle: Hashable, Sendable {
    public var face: TextFace
    public var maximumSize: Double
    public var minimumSize: Double
    public var maximumRows: Int
    /// Row pitch in ems.
    public var lineHeight: Double
    /// The font's ascent and descent in ems, to place the baseline in a row.
    public var ascent: Double
    public var descent: Double

    public init(face: TextFace, maximumSize: Double, minimumSize: Double, maximumRows: Int,
                lineHeight: Double = 1.2, ascent: Double = 0.93, descent: Double = 0.24) {
        self.face = face; self.maximumSize = maximumSize; self.minimumSize = minimumSize
        self.maximumRows = maximumRows; self.lineHeight = lineHeight
        self.ascent = ascent; self.descent = descent
    }

    /// Height of one row at `size` points, in millimetres.
    public func rowHeight(size: Double) -> Double { size * lineHeight * Length.millimetresPerPoint }
}

/// The printing rules a label layout follows. The defaults are QR print
/// practice: at least 4 printer dots per module, a quiet zone of 4 modules,
/// and 5 mm at the page edge that office printers cannot reach.
public struct LabelLayoutPolicy: Hashable, Sendable {
    public var minimumDotsPerModule = 4
    /// Larger modules only waste room that captions need; 1 mm makes a
    /// version-1 symbol 21 mm wide, which any phone reads at arm's length.
    public var maximumModule = 1.0
    public var quietZoneModules = 4
    /// Distance from the page edge that content keeps; 0 for rolls.
    public var pageSafeMargin: Double
    /// Die-cutting is off by up to about a millimetre, so ink keeps at least
    /// this far from a label's edge even when the template says 0.
    public var minimumInset = 1.0
    /// Labels at least this much wider than tall get the symbol on the left.
    public var wideAspect = 1.25
    /// On wide labels the text column keeps at least this share of the label's width.
    public var minimumTextColumnShare = 0.4
    public var code: TextStyle
    public var caption: TextStyle
    /// Space between the code and captions, in millimetres.
    public var textGap = 0.6

    public init(pageSafeMargin: Double,
                code: TextStyle = TextStyle(face: .code, maximumSize: 14, minimumSize: 6, maximumRows: 1),
                caption: TextStyle = TextStyle(face: .caption, maximumSize: 9, minimumSize: 5.5, maximumRows: 3)) {
        self.pageSafeMargin = pageSafeMargin; self.code = code; self.caption = caption
    }

    /// Office sheets keep 5 mm from the page edge; a thermal printer prints
    /// the whole label, so rolls rely on the label's own margins.
    public static func standard(for template: LabelTemplate) -> LabelLayoutPolicy {
        LabelLayoutPolicy(pageSafeMargin: template.fixedDPI == nil ? 5 : 0)
    }
}

extension LabelTemplate {
    /// 300 dpi for office sheets (whole 300-dpi dots are whole 600-dpi dots
    /// too); the printer's own resolution for rolls.
    public var defaultDPI: Int { fixedDPI ?? 300 }
}
