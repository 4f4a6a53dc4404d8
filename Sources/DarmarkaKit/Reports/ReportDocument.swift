import DarmarkaCore
import Foundation

/// A colour as cairo takes it, each part 0…1.
struct ReportColour: Equatable {
    var red: Double, green: Double, blue: Double

    static let ink = ReportColour(red: 0.13, green: 0.13, blue: 0.13)
    static let muted = ReportColour(red: 0.42, green: 0.42, blue: 0.42)
    static let rule = ReportColour(red: 0.80, green: 0.80, blue: 0.80)
    static let strongRule = ReportColour(red: 0.45, green: 0.45, blue: 0.45)
    static let grid = ReportColour(red: 0.90, green: 0.90, blue: 0.90)
    static let headerFill = ReportColour(red: 0.93, green: 0.95, blue: 0.96)
    /// The same blue and orange as the HTML form's chart.
    static let received = ReportColour(red: 0x3b / 255.0, green: 0x7d / 255.0, blue: 0xd8 / 255.0)
    static let handedOut = ReportColour(red: 0xe0 / 255.0, green: 0x8a / 255.0, blue: 0x2c / 255.0)
}

/// One thing drawn on a report page. Positions are millimetres from the
/// page's top left corner; font sizes are points.
enum ReportMark: Equatable {
    case text(String, x: Double, baseline: Double, size: Double, bold: Bool, colour: ReportColour)
    case fill(PageRect, colour: ReportColour)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, colour: ReportColour)
}

/// The whole report laid out on A4 pages before anything is drawn, so the
/// page count is known for «стр. N из M» and every surface draws the same marks.
struct ReportDocument {
    static let pageWidth = 210.0
    static let pageHeight = 297.0
    static let marginLeft = 18.0
    static let marginRight = 18.0
    static let marginTop = 16.0
    /// Content stops here; the footer sits below.
    static let contentBottom = 297.0 - 22.0
    static let footerBaseline = 297.0 - 12.0
    static var contentWidth: Double { pageWidth - marginLeft - marginRight }

    let title: String
    let pages: [[ReportMark]]

    init(_ report: Report, lang: Lang, generatedOn: LocalDate, fonts: ReportFonts) {
        let layout = ReportLayout(report: report, lang: lang, fonts: fonts)
        let heading = ReportFile.heading(report, lang, generatedOn: generatedOn)
        layout.titleBlock(heading)
        let sections = report.sections.filter { !$0.rows.isEmpty }
        // Key figures first, then the pictures of them, then the detail.
        for (i, section) in sections.enumerated() {
            layout.table(section)
            if i == 0 { layout.charts() }
        }
        if sections.isEmpty { layout.charts() }
        let footerLeft = [heading.organisation, heading.title].compactMap { $0 }.joined(separator: " · ")
        pages = layout.finish(footer: footerLeft)
        title = footerLeft
    }
}

/// Places text, tables and charts top to bottom, starting a page when the
/// next piece does not fit. A class because every step moves one cursor.
final class ReportLayout {
    typealias D = ReportDocument
    let report: Report
    let lang: Lang
    let fonts: ReportFonts
    private var pages: [[ReportMark]] = [[]]
    private var y = D.marginTop
    private var left: Double { D.marginLeft }
    private var right: Double { D.pageWidth - D.marginRight }

    init(report: Report, lang: Lang, fonts: ReportFonts) {
        self.report = report; self.lang = lang; self.fonts = fonts
    }

    // MARK: Basics

    private func add(_ mark: ReportMark) { pages[pages.count - 1].append(mark) }

    private var atPageTop: Bool { y <= D.marginTop + 0.01 }

    private func newPage() {
        pages.append([])
        y = D.marginTop
    }

    /// Starts a new page unless `height` more millimetres fit on this one.
    private func reserve(_ height: Double) {
        if y + height > D.contentBottom && !atPageTop { newPage() }
    }

    static func mm(_ points: Double) -> Double { points * Length.millimetresPerPoint }

    /// Line pitch for a font size, in millimetres.
    static func leading(_ size: Double) -> Double { mm(size) * 1.22 }

    /// From the top of a line box to its baseline: DejaVu's ascent is about 0.93 em.
    static func ascent(_ size: Double) -> Double { mm(size) * 0.93 }

    enum Align { case left, right, centre }

    private func text(_ s: String, x: Double, baseline: Double, size: Double, bold: Bool = false,
                      colour: ReportColour = .ink, align: Align = .left) {
        guard !s.isEmpty else { return }
        let w = fonts.width(s, size: size, bold: bold)
        let x0: Double = switch align {
        case .left: x
        case .right: x - w
        case .centre: x - w / 2
        }
        add(.text(s, x: x0, baseline: baseline, size: size, bold: bold, colour: colour))
    }

    /// Breaks text into lines no wider than `width`: at spaces, and inside a
    /// word only when the word alone is too wide, so nothing runs past its box.
    func wrap(_ s: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = [], line = ""
        // A hair of tolerance: a width computed as text plus padding minus
        // padding must still hold that text.
        func fits(_ t: String) -> Bool { fonts.width(t, size: size, bold: bold) <= width + 0.01 }
        for word in s.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if fits(candidate) { line = candidate; continue }
            if !line.isEmpty { lines.append(line) }
            line = ""
            if fits(word) { line = word; continue }
            for ch in word {
                let longer = line + String(ch)
                if line.isEmpty || fits(longer) { line = longer } else { lines.append(line); line = String(ch) }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// At most `count` lines, the last cut with an ellipsis when text was left over.
    func clip(_ lines: [String], to count: Int, width: Double, size: Double, bold: Bool = false) -> [String] {
        guard lines.count > count, count > 0 else { return lines }
        var kept = Array(lines.prefix(count))
        var last = kept[count - 1]
        while !last.isEmpty && fonts.width(last + "…", size: size, bold: bold) > width { last.removeLast() }
        kept[count - 1] = last + "…"
        return kept
    }

    // MARK: Title

    func titleBlock(_ h: (organisation: String?, title: String, centre: String?, generated: String)) {
        let width = D.contentWidth
        if let organisation = h.organisation, !organisation.isEmpty {
            for line in wrap(organisation, width: width, size: 11) {
                text(line, x: left, baseline: y + Self.ascent(11), size: 11, colour: .muted)
                y += Self.leading(11)
            }
            y += 1
        }
        for line in wrap(h.title, width: width, size: 18, bold: true) {
            text(line, x: left, baseline: y + Self.ascent(18), size: 18, bold: true)
            y += Self.leading(18)
        }
        y += 1
        for info in [h.centre, h.generated].compactMap({ $0 }) {
            for line in wrap(info, width: width, size: 9.5) {
                text(line, x: left, baseline: y + Self.ascent(9.5), size: 9.5, colour: .muted)
                y += Self.leading(9.5)
            }
        }
        y += 2
        add(.line(x1: left, y1: y, x2: right, y2: y, width: 0.4, colour: .strongRule))
        y += 4
    }

    // MARK: Tables

    /// Column widths and the font size that let a table fit the page width.
    struct TableFit {
        var size: Double
        var labelWidth: Double
        var valueWidths: [Double]
    }

    static let cellPad = 1.6
    static let rowPad = 1.0
    static let indentWidth = 4.0

    /// The narrowest width at which `text` wraps into at most `lines` lines
    /// without breaking a word; nil when it has more words than that allows.
    func narrowest(_ text: String, lines: Int, size: Double, bold: Bool) -> Double? {
        let words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return 0 }
        // The answer is the width of some run of neighbouring words.
        var candidates: [Double] = []
        for i in words.indices {
            for j in i..<words.count { candidates.append(fonts.width(words[i...j].joined(separator: " "), size: size, bold: bold)) }
        }
        let longestWord = words.map { fonts.width($0, size: size, bold: bold) }.max() ?? 0
        return candidates.filter { $0 >= longestWord }.sorted().first { wrap(text, width: $0, size: size, bold: bold).count <= lines }
    }

    /// Tries sizes from 9 pt down, and at each size headers of one, two,
    /// then three lines: value columns as wide as their numbers and their
    /// header so wrapped, the label column (wrapping if it must) taking the rest.
    func fit(_ s: ReportSection) -> TableFit {
        let content = D.contentWidth, pad = Self.cellPad
        var mins: [Double] = []
        var lastSize = 6.0
        for size in stride(from: 9.0, through: 6.0, by: -0.5) {
            lastSize = size
            let heads = s.columns.map { $0.text(lang) }
            let values = heads.indices.map { i in
                s.rows.map { $0.values.indices.contains(i) ? fonts.width($0.values[i].display(lang, grouped: true), size: size) : 0 }.max() ?? 0
            }
            let labels = s.rows.map { r in fonts.width(trimmed(r.label), size: size) + (isIndented(r.label) ? Self.indentWidth : 0) }
            // Labels may wrap to two lines or so rather than squeeze the numbers.
            let labelMin = min((labels.max() ?? 0) + 2 * pad, 48)
            for lines in 1...3 {
                let widths = zip(heads, values).map { head, value in
                    narrowest(head, lines: lines, size: size, bold: true).map { max($0, value) + 2 * pad }
                }
                let known = widths.compactMap { $0 }
                guard known.count == widths.count else { continue }
                if known.reduce(0, +) + labelMin <= content {
                    return TableFit(size: size, labelWidth: content - known.reduce(0, +), valueWidths: known)
                }
            }
            mins = zip(heads, values).map { head, value in
                max(value, head.split(separator: " ").map { fonts.width(String($0), size: size, bold: true) }.max() ?? 0) + 2 * pad
            }
            if mins.reduce(0, +) + labelMin <= content {
                return TableFit(size: size, labelWidth: content - mins.reduce(0, +), valueWidths: mins)
            }
        }
        // Still too wide at the smallest size: squeeze the value columns so
        // the label keeps a quarter; cell text then wraps inside its column.
        let room = content * 0.75, sum = mins.reduce(0, +)
        let widths = sum > room ? mins.map { $0 * room / sum } : mins
        return TableFit(size: lastSize, labelWidth: content - widths.reduce(0, +), valueWidths: widths)
    }

    private func isIndented(_ p: Phrase) -> Bool { p.text(lang).hasPrefix(" ") }
    private func trimmed(_ p: Phrase) -> String { p.text(lang).trimmingCharacters(in: .whitespaces) }

    /// A laid-out row: lines per cell and its height.
    private struct RowBox {
        var label: [String]
        var values: [[String]]
        var height: Double
        var indented: Bool
    }

    private func rowBox(_ row: ReportSection.Row, _ f: TableFit) -> RowBox {
        let pad = Self.cellPad, indented = isIndented(row.label)
        let labelWidth = f.labelWidth - 2 * pad - (indented ? Self.indentWidth : 0)
        // Six lines are enough for any real name and keep a row well inside a page.
        let label = clip(wrap(trimmed(row.label), width: labelWidth, size: f.size), to: 6, width: labelWidth, size: f.size)
        let values = f.valueWidths.enumerated().map { i, w in
            wrap(row.values.indices.contains(i) ? row.values[i].display(lang, grouped: true) : "", width: w - 2 * pad, size: f.size)
        }
        let lines = max(label.count, values.map(\.count).max() ?? 1)
        return RowBox(label: label, values: values, height: Double(lines) * Self.leading(f.size) + 2 * Self.rowPad, indented: indented)
    }

    private func headerBox(_ s: ReportSection, _ f: TableFit) -> (lines: [[String]], height: Double) {
        let lines = zip(s.columns, f.valueWidths).map { c, w in wrap(c.text(lang), width: w - 2 * Self.cellPad, size: f.size, bold: true) }
        let count = lines.map(\.count).max() ?? 1
        return (lines, Double(count) * Self.leading(f.size) + 2 * Self.rowPad + 0.4)
    }

    private func sectionTitle(_ s: ReportSection, continued: Bool) -> Double {
        let size = 11.5
        let title = s.title.text(lang) + (continued ? ReportTitles.continued.text(lang) : "")
        let lines = wrap(title, width: D.contentWidth, size: size, bold: true)
        for line in lines {
            text(line, x: left, baseline: y + Self.ascent(size), size: size, bold: true)
            y += Self.leading(size)
        }
        y += 1.2
        return Double(lines.count) * Self.leading(size) + 1.2
    }

    private func drawHeader(_ header: (lines: [[String]], height: Double), _ f: TableFit) {
        add(.fill(PageRect(x: left, y: y, width: D.contentWidth, height: header.height), colour: .headerFill))
        let count = header.lines.map(\.count).max() ?? 1
        var x = left + f.labelWidth
        for (lines, w) in zip(header.lines, f.valueWidths) {
            // Bottom-aligned, so every header's last line sits on the rule.
            let first = count - lines.count
            for (j, line) in lines.enumerated() {
                let top = y + Self.rowPad + Double(first + j) * Self.leading(f.size)
                text(line, x: x + w - Self.cellPad, baseline: top + Self.ascent(f.size), size: f.size, bold: true, align: .right)
            }
            x += w
        }
        y += header.height
        add(.line(x1: left, y1: y, x2: right, y2: y, width: 0.35, colour: .strongRule))
    }

    private func drawRow(_ box: RowBox, _ f: TableFit) {
        let lead = Self.leading(f.size), ascent = Self.ascent(f.size)
        let labelX = left + Self.cellPad + (box.indented ? Self.indentWidth : 0)
        for (j, line) in box.label.enumerated() {
            text(line, x: labelX, baseline: y + Self.rowPad + Double(j) * lead + ascent, size: f.size,
                 colour: box.indented ? .muted : .ink)
        }
        var x = left + f.labelWidth
        for (lines, w) in zip(box.values, f.valueWidths) {
            for (j, line) in lines.enumerated() {
                text(line, x: x + w - Self.cellPad, baseline: y + Self.rowPad + Double(j) * lead + ascent, size: f.size, align: .right)
            }
            x += w
        }
        y += box.height
        add(.line(x1: left, y1: y, x2: right, y2: y, width: 0.15, colour: .rule))
    }

    /// A section as a table; on a page break the title and header row repeat.
    func table(_ s: ReportSection) {
        let f = fit(s)
        let header = headerBox(s, f)
        let rows = s.rows.map { rowBox($0, f) }
        let titleHeight = Double(wrap(s.title.text(lang), width: D.contentWidth, size: 11.5, bold: true).count) * Self.leading(11.5) + 1.2
        // Keep the title with its header and the first rows (up to three).
        let opening = titleHeight + header.height + rows.prefix(3).map(\.height).reduce(0, +)
        if !atPageTop { y += 3 }
        reserve(opening)
        _ = sectionTitle(s, continued: false)
        drawHeader(header, f)
        for row in rows {
            if y + row.height > D.contentBottom {
                newPage()
                _ = sectionTitle(s, continued: true)
                drawHeader(header, f)
            }
            drawRow(row, f)
        }
        y += 4
    }

    // MARK: Charts

    func charts() {
        categoryChart()
        trendChart()
    }

    private func legend(at baseline: Double) {
        var x = left
        for (colour, name) in [(ReportColour.received, ReportTitles.received),
                               (ReportColour.handedOut, ReportTitles.handedOut)] {
            add(.fill(PageRect(x: x, y: baseline - 2.6, width: 3, height: 3), colour: colour))
            text(name.text(lang), x: x + 4.2, baseline: baseline, size: 8.5)
            x += 4.2 + fonts.width(name.text(lang), size: 8.5) + 6
        }
    }

    private func chartTitle(_ title: Phrase) {
        let size = 11.5
        for line in wrap(title.text(lang), width: D.contentWidth, size: size, bold: true) {
            text(line, x: left, baseline: y + Self.ascent(size), size: size, bold: true)
            y += Self.leading(size)
        }
        y += 1.5
        legend(at: y + 3)
        y += 6
    }

    /// Round steps (1, 2, 5 × 10ⁿ) for about `ticks` gridlines up to `top`.
    static func step(for top: Int, ticks: Int) -> Int {
        guard top > 0, ticks > 0 else { return 1 }
        let raw = Double(top) / Double(ticks)
        let magnitude = pow(10, floor(log10(raw)))
        let f = raw / magnitude
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        return max(1, Int(nice * magnitude))
    }

    static let chartRows = 14

    /// Received and handed out per category as pairs of horizontal bars.
    private func categoryChart() {
        var bars = ReportCharts.categoryBars(report)
        guard !bars.isEmpty else { return }
        // A chart of more rows than a glance takes in: the rest as one bar.
        if bars.count > Self.chartRows {
            let rest = bars[(Self.chartRows - 1)...]
            bars = Array(bars.prefix(Self.chartRows - 1))
            bars.append(ReportCharts.CategoryBar(category: "", received: rest.map(\.received).reduce(0, +),
                                                 handedOut: rest.map(\.handedOut).reduce(0, +)))
        }
        let top = bars.map { max($0.received, $0.handedOut) }.max() ?? 0
        let step = Self.step(for: top, ticks: 5)
        let axisTop = max(step, (top + step - 1) / step * step)
        let pitch = 9.0, bar = 3.2, labelSize = 8.0, valueSize = 7.0
        let labelWidth = 52.0
        let valueRoom = fonts.width(String(top), size: valueSize) + 2.5
        let x0 = left + labelWidth + 2, barWidth = right - valueRoom - x0
        let title = ReportTitles.byCategoryChart
        let height = 7 + 7.5 + Double(bars.count) * pitch + 6
        if !atPageTop { y += 3 }
        reserve(height)
        chartTitle(title)
        let plotTop = y
        let plotBottom = y + Double(bars.count) * pitch
        var t = 0
        while t <= axisTop {
            let x = x0 + Double(t) / Double(axisTop) * barWidth
            add(.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, width: 0.15, colour: .grid))
            text(String(t), x: x, baseline: plotBottom + 3.2, size: valueSize, colour: .muted, align: .centre)
            t += step
        }
        for b in bars {
            let name = b.category.isEmpty
                ? ReportTitles.otherCategories.text(lang)
                : (report.names.categories[b.category] ?? .same(b.category)).text(lang)
            let lines = clip(wrap(name, width: labelWidth, size: labelSize), to: 2, width: labelWidth, size: labelSize)
            let mid = y + pitch / 2
            let firstBaseline = mid - Double(lines.count - 1) * Self.leading(labelSize) / 2 + Self.mm(labelSize) * 0.36
            for (j, line) in lines.enumerated() {
                text(line, x: left, baseline: firstBaseline + Double(j) * Self.leading(labelSize), size: labelSize)
            }
            for (k, (value, colour)) in [(b.received, ReportColour.received), (b.handedOut, ReportColour.handedOut)].enumerated() {
                let top = mid - bar - 0.25 + Double(k) * (bar + 0.5)
                let w = Double(value) / Double(axisTop) * barWidth
                if w > 0 { add(.fill(PageRect(x: x0, y: top, width: w, height: bar), colour: colour)) }
                text(String(value), x: x0 + w + 1, baseline: top + bar / 2 + Self.mm(valueSize) * 0.36, size: valueSize)
            }
            y += pitch
        }
        add(.line(x1: x0, y1: plotTop, x2: x0, y2: plotBottom, width: 0.3, colour: .strongRule))
        y = plotBottom + 6
    }

    /// The twelve months up to the report's end as pairs of columns.
    private func trendChart() {
        let points = report.trend
        guard !points.isEmpty, points.contains(where: { $0.received != 0 || $0.handedOut != 0 }) else { return }
        let top = points.map { max($0.received, $0.handedOut) }.max() ?? 0
        let step = Self.step(for: top, ticks: 4)
        let axisTop = max(step, (top + step - 1) / step * step)
        let axisSize = 7.0, monthSize = 7.5
        let axisWidth = fonts.width(String(axisTop), size: axisSize) + 2.5
        let x0 = left + axisWidth, plotWidth = right - x0, plotHeight = 48.0
        let title = ReportTitles.last12MonthsChart
        let height = 7 + 7.5 + 4 + plotHeight + 10
        if !atPageTop { y += 3 }
        reserve(height)
        chartTitle(title)
        y += 4 // room for the values over the highest column
        let plotBottom = y + plotHeight
        var t = 0
        while t <= axisTop {
            let yy = plotBottom - Double(t) / Double(axisTop) * plotHeight
            add(.line(x1: x0, y1: yy, x2: right, y2: yy, width: t == 0 ? 0.3 : 0.15, colour: t == 0 ? .strongRule : .grid))
            text(String(t), x: x0 - 1.5, baseline: yy + Self.mm(axisSize) * 0.36, size: axisSize, colour: .muted, align: .right)
            t += step
        }
        let group = plotWidth / Double(points.count)
        let barWidth = group * 0.32, gap = group * 0.04
        // Values over the columns only when every one fits its column's width.
        let valueSize = stride(from: 6.5, through: 5.0, by: -0.5).first { size in
            points.allSatisfy { p in [p.received, p.handedOut].allSatisfy { fonts.width(String($0), size: size) <= barWidth + gap } }
        }
        for (i, p) in points.enumerated() {
            let gx = x0 + Double(i) * group
            let first = gx + (group - 2 * barWidth - gap) / 2
            for (k, (value, colour)) in [(p.received, ReportColour.received), (p.handedOut, ReportColour.handedOut)].enumerated() {
                let x = first + Double(k) * (barWidth + gap)
                let h = Double(value) / Double(axisTop) * plotHeight
                if h > 0 { add(.fill(PageRect(x: x, y: plotBottom - h, width: barWidth, height: h), colour: colour)) }
                if let valueSize, value > 0 {
                    text(String(value), x: x + barWidth / 2, baseline: plotBottom - h - 0.8, size: valueSize, align: .centre)
                }
            }
            let centre = gx + group / 2
            text(MonthNames.short(p.month.month, lang), x: centre, baseline: plotBottom + 3.6, size: monthSize, align: .centre)
            if i == 0 || p.month.month == 1 {
                text(String(p.month.year), x: centre, baseline: plotBottom + 3.6 + Self.leading(monthSize), size: monthSize,
                     colour: .muted, align: .centre)
            }
        }
        y = plotBottom + 10
    }

    // MARK: Pages

    /// The pages with their footers, now that their number is known.
    func finish(footer: String) -> [[ReportMark]] {
        let count = pages.count, size = 7.5
        return pages.enumerated().map { i, marks in
            var page = marks
            let number = ReportTitles.pageOf(i + 1, count).text(lang)
            let numberWidth = fonts.width(number, size: size)
            let room = D.contentWidth - numberWidth - 6
            let caption = clip(wrap(footer, width: room, size: size), to: 1, width: room, size: size).first ?? ""
            let rule = D.footerBaseline - 4
            page.append(.line(x1: left, y1: rule, x2: right, y2: rule, width: 0.2, colour: .rule))
            if !caption.isEmpty {
                page.append(.text(caption, x: left, baseline: D.footerBaseline, size: size, bold: false, colour: .muted))
            }
            page.append(.text(number, x: right - numberWidth, baseline: D.footerBaseline, size: size, bold: false, colour: .muted))
            return page
        }
    }
}
