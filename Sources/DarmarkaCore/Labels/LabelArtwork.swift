/// One row of text, placed: the renderer draws it as it is.
public struct TextRun: Hashable, Sendable {
    public let text: String
    public let face: TextFace
    /// Font size in points.
    public let size: Double
    /// Left end of the baseline, in millimetres on the page.
    public let x: Double
    public let baseline: Double
    /// Advance width in millimetres.
    public let width: Double
    /// Ascent and descent in millimetres, for checks that ink stays in place.
    public let ascent: Double
    public let descent: Double

    /// The box the row's glyphs occupy.
    public var bounds: PageRect {
        PageRect(x: x, y: baseline - ascent, width: width, height: ascent + descent)
    }
}

/// Everything to draw for one label, decided: symbol placement and text
/// rows. Pure; the renderer only paints it.
public struct LabelArtwork: Hashable, Sendable {
    public let geometry: LabelGeometry
    public let texts: [TextRun]
    public let warnings: [LabelWarning]

    /// Lays out `content` on a label whose symbol placement is `geometry`.
    ///
    /// Code and captions shrink together, keeping their proportions, until
    /// everything fits whole; only at the smallest sizes are captions cut.
    /// The code is never cut: a shortened code would be a different code, so
    /// it is left off instead, with a warning. `measure` gives a string's
    /// advance width in ems for a face (see `TextFitter`).
    public static func compose(_ content: LabelContent, geometry: LabelGeometry, policy: LabelLayoutPolicy,
                               measure: (String, TextFace) -> Double) -> LabelArtwork {
        var warnings = geometry.warnings
        let captions = content.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let shown = Array(captions.prefix(geometry.captionLines))
        for dropped in captions.dropFirst(shown.count) { warnings.append(.textDropped(dropped)) }
        let code = geometry.showsCode ? content.code : ""
        if !content.code.isEmpty, code.isEmpty { warnings.append(.textDropped(content.code)) }

        guard let area = geometry.text else {
            return LabelArtwork(geometry: geometry, texts: [], warnings: warnings)
        }
        return withoutActuallyEscaping(measure) { measure in
            let composer = TextComposer(area: area, policy: policy, measure: measure)
            let codeSize = composer.largestCodeSize(code)
            if !code.isEmpty, codeSize == nil { warnings.append(.textDropped(code)) }
            let blocks = composer.wholeBlocks(code: code, codeSize: codeSize, captions: shown)
                ?? composer.cutBlocks(code: code, codeSize: codeSize, captions: shown, warnings: &warnings)
            let runs = composer.place(blocks, beside: geometry.arrangement == .side)
            return LabelArtwork(geometry: geometry, texts: runs, warnings: warnings)
        }
    }
}
