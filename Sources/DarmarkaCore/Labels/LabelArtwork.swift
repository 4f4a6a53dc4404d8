/// One row of text, placed: the renderer draws it as it is.
public struct TextRun: Hashable, Sendable {
    public var text: String
    public var face: TextFace
    /// Font size in points.
    public var size: Double
    /// Left end of the baseline, in millimetres on the page.
    public var x: Double
    public var baseline: Double
    /// Advance width in millimetres.
    public var width: Double
    /// Ascent and descent in millimetres, for checks that ink stays in place.
    public var ascent: Double
    public var descent: Double

    /// The box the row's glyphs occupy.
    public var bounds: PageRect {
        PageRect(x: x, y: baseline - ascent, width: width, height: ascent + descent)
    }
}

/// Everything to draw for one label, decided: symbol placement and text
/// rows. Pure; the renderer only paints it.
public struct LabelArtwork: Hashable, Sendable {
    public var geometry: LabelGeometry
    public var texts: [TextRun]
    public var warnings: [LabelWarning]

    /// Lays out `content` on a label whose symbol placement is `geometry`.
    ///
    /// `measure` gives a string's advance width in ems for a face (see
    /// `TextFitter`). The code is never cut: a shortened code would be a
    /// different code, so it is left off instead, with a warning.
    public static func compose(_ content: LabelContent, geometry: LabelGeometry, policy: LabelLayoutPolicy,
                               measure: (String, TextFace) -> Double) -> LabelArtwork {
        var warnings = geometry.warnings
        let captions = content.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let shownCaptions = Array(captions.prefix(geometry.captionLines))
        for dropped in captions.dropFirst(shownCaptions.count) { warnings.append(.textDropped(dropped)) }
        if !content.code.isEmpty, !geometry.showsCode { warnings.append(.textDropped(content.code)) }

        guard let area = geometry.text else {
            return LabelArtwork(geometry: geometry, texts: [], warnings: warnings)
        }
        return withoutActuallyEscaping(measure) { measure in
            var blocks: [(FittedText, TextStyle)] = []
            var remaining = area.height
            // Room the captions after this one will need at their smallest.
            func reserve(after index: Int) -> Double {
                let count = shownCaptions.count - index - 1
                return Double(count) * (policy.caption.rowHeight(size: policy.caption.minimumSize) + policy.textGap)
            }

            if geometry.showsCode, !content.code.isEmpty {
                let style = policy.code
                let fitter = TextFitter { measure($0, style.face) }
                let budget = min(remaining - reserve(after: -1), style.rowHeight(size: style.maximumSize))
                let fitted = fitter.fit(content.code, style: style, width: area.width, height: budget, allowTruncation: false)
                if fitted.rows.isEmpty { warnings.append(.textDropped(content.code)) } else {
                    blocks.append((fitted, style))
                    remaining -= fitted.height + policy.textGap
                }
            }
            for (index, caption) in shownCaptions.enumerated() {
                let style = policy.caption
                let fitter = TextFitter { measure($0, style.face) }
                let fitted = fitter.fit(caption, style: style, width: area.width, height: remaining - reserve(after: index))
                if fitted.rows.isEmpty { warnings.append(.textDropped(caption)); continue }
                if fitted.truncated { warnings.append(.textShortened(caption)) }
                blocks.append((fitted, style))
                remaining -= fitted.height + policy.textGap
            }

            let used = blocks.reduce(0) { $0 + $1.0.height } + Double(max(0, blocks.count - 1)) * policy.textGap
            // Beside the symbol the text is centred on it; under it, it hangs
            // right below the quiet zone so the code reads as the symbol's.
            var top = geometry.arrangement == .side ? area.minY + max(0, (area.height - used) / 2) : area.minY
            var runs: [TextRun] = []
            for (fitted, style) in blocks {
                let mmPerEm = fitted.size * Length.millimetresPerPoint
                for row in fitted.rows {
                    let width = measure(row, style.face) * mmPerEm
                    let x = geometry.arrangement == .side ? area.minX : area.midX - width / 2
                    let baseline = top + (fitted.rowHeight - (style.ascent + style.descent) * mmPerEm) / 2
                        + style.ascent * mmPerEm
                    runs.append(TextRun(text: row, face: style.face, size: fitted.size, x: x, baseline: baseline,
                                        width: width, ascent: style.ascent * mmPerEm, descent: style.descent * mmPerEm))
                    top += fitted.rowHeight
                }
                top += policy.textGap
            }
            return LabelArtwork(geometry: geometry, texts: runs, warnings: warnings)
        }
    }
}
