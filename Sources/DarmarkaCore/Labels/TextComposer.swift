/// Sizes and places the text of one label inside its text area.
struct TextComposer {
    let area: PageRect
    let policy: LabelLayoutPolicy
    let measure: (String, TextFace) -> Double

    typealias Block = (text: FittedText, style: TextStyle)

    private func fitter(_ face: TextFace) -> TextFitter { TextFitter { measure($0, face) } }

    private func fixed(_ style: TextStyle, size: Double) -> TextStyle {
        var fixed = style
        fixed.maximumSize = size
        fixed.minimumSize = size
        return fixed
    }

    /// The largest half-point size at which the code fits the width, or nil.
    func largestCodeSize(_ code: String) -> Double? {
        guard !code.isEmpty else { return nil }
        let style = policy.code
        let em = measure(code, .code) * Length.millimetresPerPoint
        guard em > 0 else { return style.maximumSize }
        let fitting = ((area.width / em) * 2).rounded(.down) / 2
        return fitting >= style.minimumSize ? min(style.maximumSize, fitting) : nil
    }

    /// The code's size when captions are at `captionSize`: in proportion,
    /// never larger than fits, never below its minimum.
    private func codeSize(_ fitting: Double, captionSize: Double) -> Double {
        let scaled = policy.code.maximumSize * captionSize / policy.caption.maximumSize
        return min(fitting, max(policy.code.minimumSize, (scaled * 2).rounded(.down) / 2))
    }

    /// Everything whole at the largest common scale, or nil when even the
    /// smallest sizes need a caption cut.
    func wholeBlocks(code: String, codeSize fitting: Double?, captions: [String]) -> [Block]? {
        let caption = policy.caption
        var size = caption.maximumSize
        while size >= caption.minimumSize - 1e-9 {
            var blocks: [Block] = []
            if let fitting {
                let style = fixed(policy.code, size: codeSize(fitting, captionSize: size))
                blocks.append((fitter(.code).fit(code, style: style, width: area.width, height: style.rowHeight(size: style.maximumSize)), style))
            }
            let style = fixed(caption, size: size)
            let budget = style.rowHeight(size: size) * Double(caption.maximumRows)
            for text in captions {
                blocks.append((fitter(.caption).fit(text, style: style, width: area.width, height: budget,
                                                    allowTruncation: false), style))
            }
            if blocks.allSatisfy({ !$0.text.truncated && !$0.text.rows.isEmpty }), height(blocks) <= area.height + 1e-9 {
                return blocks
            }
            size -= 0.5
        }
        return nil
    }

    /// At the smallest sizes: the code whole, then each caption given what is
    /// left after keeping one row for each caption below it, cut if need be.
    func cutBlocks(code: String, codeSize fitting: Double?, captions: [String],
                   warnings: inout [LabelWarning]) -> [Block] {
        var blocks: [Block] = []
        var remaining = area.height
        let caption = fixed(policy.caption, size: policy.caption.minimumSize)
        let captionRow = caption.rowHeight(size: caption.minimumSize) + policy.textGap
        if let fitting {
            // The code may shrink below its proportional size, to its
            // minimum, so that every caption keeps at least one row.
            let budget = remaining - Double(captions.count) * captionRow
            let byHeight = ((budget / (policy.code.lineHeight * Length.millimetresPerPoint)) * 2).rounded(.down) / 2
            let size = min(codeSize(fitting, captionSize: caption.minimumSize), byHeight)
            if size >= policy.code.minimumSize {
                let style = fixed(policy.code, size: size)
                let fitted = fitter(.code).fit(code, style: style, width: area.width, height: style.rowHeight(size: size))
                blocks.append((fitted, style))
                remaining -= fitted.height + policy.textGap
            } else {
                warnings.append(.textDropped(code))
            }
        }
        for (index, text) in captions.enumerated() {
            let reserve = Double(captions.count - index - 1) * captionRow
            let fitted = fitter(.caption).fit(text, style: caption, width: area.width, height: remaining - reserve)
            if fitted.rows.isEmpty { warnings.append(.textDropped(text)); continue }
            if fitted.truncated { warnings.append(.textShortened(text)) }
            blocks.append((fitted, caption))
            remaining -= fitted.height + policy.textGap
        }
        return blocks
    }

    private func height(_ blocks: [Block]) -> Double {
        blocks.reduce(0) { $0 + $1.text.height } + Double(max(0, blocks.count - 1)) * policy.textGap
    }

    /// Beside the symbol the text is centred on it and left-aligned; under it,
    /// it is centred and hangs right below the quiet zone so the code reads
    /// as the symbol's.
    func place(_ blocks: [Block], beside: Bool) -> [TextRun] {
        var top = beside ? area.minY + max(0, (area.height - height(blocks)) / 2) : area.minY
        var runs: [TextRun] = []
        for (fitted, style) in blocks {
            let mmPerEm = fitted.size * Length.millimetresPerPoint
            for row in fitted.rows {
                let width = measure(row, style.face) * mmPerEm
                let baseline = top + (fitted.rowHeight - (style.ascent + style.descent) * mmPerEm) / 2
                    + style.ascent * mmPerEm
                runs.append(TextRun(text: row, face: style.face, size: fitted.size,
                                    x: beside ? area.minX : area.midX - width / 2, baseline: baseline,
                                    width: width, ascent: style.ascent * mmPerEm, descent: style.descent * mmPerEm))
                top += fitted.rowHeight
            }
            top += policy.textGap
        }
        return runs
    }
}
