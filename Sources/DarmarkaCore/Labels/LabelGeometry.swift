/// Where the QR symbol and the text go on one label, in millimetres on the
/// page, with the symbol aligned to the printer's dot grid.
public struct LabelGeometry: Hashable, Sendable {
    public enum Arrangement: Hashable, Sendable {
        /// Symbol on the left, text to its right: wide labels.
        case side
        /// Symbol on top, text under it: narrow and square labels.
        case stacked
        /// Symbol alone, centred: no text, or no room for any.
        case alone
    }

    /// The label's outline.
    public internal(set) var label: PageRect
    /// Where ink may go: inside the label's margin and the page's safe edge.
    public internal(set) var content: PageRect
    public internal(set) var arrangement: Arrangement
    public internal(set) var dpi: Int
    /// Module size in whole printer dots.
    public internal(set) var dotsPerModule: Int
    /// Symbol width in modules, without the quiet zone.
    public internal(set) var modules: Int
    /// Quiet-zone width in modules, on every side.
    public internal(set) var quietZoneModules: Int
    /// The symbol's top-left corner in printer dots from the page's corner.
    public internal(set) var originDotX: Int
    public internal(set) var originDotY: Int
    /// Room for the code and captions; nil when the symbol is alone.
    public internal(set) var text: PageRect?
    public internal(set) var showsCode: Bool
    /// How many caption lines there is room for.
    public internal(set) var captionLines: Int
    /// Only `.smallModules`; dropped text is reported by `LabelArtwork`.
    public internal(set) var warnings: [LabelWarning]

    /// One printer dot in millimetres.
    public var dot: Double { Length.dot(dpi: dpi) }
    /// One module in millimetres.
    public var module: Double { Double(dotsPerModule) * dot }
    /// The dark modules' square.
    public var symbol: PageRect {
        PageRect(x: Double(originDotX) * dot, y: Double(originDotY) * dot,
                 width: Double(modules) * module, height: Double(modules) * module)
    }
    /// The symbol with its quiet zone, which must stay white.
    public var quietZone: PageRect { symbol.inset(by: -Double(quietZoneModules) * module) }
}

/// What text a label wants room for.
public struct LabelTextNeeds: Hashable, Sendable {
    public var code: Bool
    public var captionLines: Int

    public init(code: Bool, captionLines: Int) {
        self.code = code; self.captionLines = max(0, captionLines)
    }

    /// Blank caption lines need no room and are not counted.
    public init(_ content: LabelContent) {
        self.init(code: !content.code.isEmpty,
                  captionLines: content.lines.filter { !$0.allSatisfy(\.isWhitespace) }.count)
    }

    var isEmpty: Bool { !code && captionLines == 0 }
}

extension LabelGeometry {
    /// Lays out one label at `frame` on a page of `template`.
    ///
    /// Priorities, in order: modules of whole printer dots and at least
    /// `minimumDotsPerModule`; the code; captions in order. The symbol grows
    /// up to `maximumModule`. Ink stays inside the label's markup margin and
    /// the page's safe margin; the quiet zone is white paper, so it only has to
    /// stay on the label. Text never enters the quiet zone.
    public static func compute(frame: PageRect, on template: LabelTemplate, dpi: Int, modules: Int,
                               needs: LabelTextNeeds, policy: LabelLayoutPolicy) throws -> LabelGeometry {
        let tooSmall = LabelError.labelTooSmall(template: template.id, modules: modules)
        guard dpi > 0, modules > 0 else { throw tooSmall }
        // A round label's usable area is its inscribed square.
        let area: PageRect
        switch template.shape {
        case .rectangle: area = frame
        case .round:
            let side = min(frame.width, frame.height) / 2.0.squareRoot()
            area = PageRect(x: frame.midX - side / 2, y: frame.midY - side / 2, width: side, height: side)
        }
        let page = PageRect(x: 0, y: 0, width: template.pageWidth, height: template.pageHeight)
        guard let content = area.inset(by: max(template.markupMargin, policy.minimumInset))
                .intersection(page.inset(by: policy.pageSafeMargin)) else { throw tooSmall }

        let solver = PlacementSolver(frame: frame, area: area, content: content, dpi: dpi, modules: modules, policy: policy)
        let preferred: LabelGeometry.Arrangement = area.width >= policy.wideAspect * area.height ? .side : .stacked
        let arrangements: [LabelGeometry.Arrangement] = preferred == .side ? [.side, .stacked] : [.stacked, .side]
        let maxDots = max(policy.minimumDotsPerModule, Int(policy.maximumModule / Length.dot(dpi: dpi) + 1e-9))

        for level in needs.fallbacks() {
            for arrangement in level.isEmpty ? [.alone] : arrangements {
                for dots in stride(from: maxDots, through: policy.minimumDotsPerModule, by: -1) {
                    if let found = solver.place(arrangement, dotsPerModule: dots, needs: level) {
                        return found
                    }
                }
            }
        }
        // Better a small symbol that may scan than no label at all; warn.
        for dots in stride(from: policy.minimumDotsPerModule - 1, through: 1, by: -1) {
            if var found = solver.place(.alone, dotsPerModule: dots, needs: LabelTextNeeds(code: false, captionLines: 0)) {
                found.warnings = [.smallModules(dotsPerModule: dots, dpi: dpi)]
                return found
            }
        }
        throw tooSmall
    }
}

extension LabelTextNeeds {
    /// Ever smaller sets of text: drop the last caption first, the code last.
    func fallbacks() -> [LabelTextNeeds] {
        var levels: [LabelTextNeeds] = []
        for lines in stride(from: captionLines, through: 0, by: -1) {
            levels.append(LabelTextNeeds(code: code, captionLines: lines))
        }
        if code { levels.append(LabelTextNeeds(code: false, captionLines: 0)) }
        return levels
    }
}

/// Tries one arrangement at one module size. All positions are snapped to
/// whole printer dots, so modules land exactly on the printer's grid.
private struct PlacementSolver {
    let frame: PageRect
    let area: PageRect
    let content: PageRect
    let dpi: Int
    let modules: Int
    let policy: LabelLayoutPolicy

    private var dot: Double { Length.dot(dpi: dpi) }
    /// Tolerance for float noise when snapping, far below a dot.
    private let epsilon = 1e-7

    func place(_ arrangement: LabelGeometry.Arrangement, dotsPerModule: Int,
               needs: LabelTextNeeds) -> LabelGeometry? {
        let module = Double(dotsPerModule) * dot
        let side = Double(modules) * module
        let quiet = Double(policy.quietZoneModules) * module
        // The symbol stays inside the content; its quiet zone stays on the label.
        let low = (x: max(content.minX, area.minX + quiet), y: max(content.minY, area.minY + quiet))
        let high = (x: min(content.maxX, area.maxX - quiet), y: min(content.maxY, area.maxY - quiet))
        let needHeight = textHeight(needs)

        var originX: Int, originY: Int
        var text: PageRect?
        switch arrangement {
        case .side:
            originX = dotsUp(low.x)
            let textLeft = Double(originX) * dot + side + quiet
            let textWidth = content.maxX - textLeft
            guard textWidth >= policy.minimumTextColumnShare * area.width, content.height >= needHeight,
                  let y = centred(low: low.y, high: high.y, size: side, centre: area.midY) else { return nil }
            originY = y
            text = PageRect(x: textLeft, y: content.minY, width: textWidth, height: content.height)
        case .stacked:
            guard let x = centred(low: low.x, high: high.x, size: side, centre: area.midX) else { return nil }
            originX = x
            originY = dotsUp(low.y)
            let textTop = Double(originY) * dot + side + quiet
            guard content.maxY - textTop >= needHeight else { return nil }
            text = PageRect(x: content.minX, y: textTop, width: content.width, height: content.maxY - textTop)
        case .alone:
            guard let x = centred(low: low.x, high: high.x, size: side, centre: area.midX),
                  let y = centred(low: low.y, high: high.y, size: side, centre: area.midY) else { return nil }
            originX = x
            originY = y
        }
        return LabelGeometry(label: frame, content: content, arrangement: arrangement, dpi: dpi,
                             dotsPerModule: dotsPerModule, modules: modules,
                             quietZoneModules: policy.quietZoneModules,
                             originDotX: originX, originDotY: originY, text: text,
                             showsCode: needs.code, captionLines: needs.captionLines, warnings: [])
    }

    /// The least room the text needs: every row at its minimum size.
    private func textHeight(_ needs: LabelTextNeeds) -> Double {
        var height = 0.0, items = 0
        if needs.code { height += policy.code.rowHeight(size: policy.code.minimumSize); items += 1 }
        height += Double(needs.captionLines) * policy.caption.rowHeight(size: policy.caption.minimumSize)
        items += needs.captionLines
        return height + Double(max(0, items - 1)) * policy.textGap
    }

    private func dotsUp(_ mm: Double) -> Int { Int((mm / dot - epsilon).rounded(.up)) }
    private func dotsDown(_ mm: Double) -> Int { Int((mm / dot + epsilon).rounded(.down)) }

    /// The dot position nearest to centring `size` on `centre` within
    /// `low...high`, or nil when it does not fit.
    private func centred(low: Double, high: Double, size: Double, centre: Double) -> Int? {
        let first = dotsUp(low), last = dotsDown(high - size)
        guard first <= last else { return nil }
        let ideal = Int(((centre - size / 2) / dot).rounded())
        return min(max(ideal, first), last)
    }
}
