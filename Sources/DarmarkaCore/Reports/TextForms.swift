import Foundation

/// The report as text: terminal, CSV for Russian Excel, Markdown, HTML.
extension Report {
    public enum TextForm: String, CaseIterable, Sendable { case table, csv, md, html, json }

    public func render(_ form: TextForm, lang: Lang) -> String {
        switch form {
        case .table: terminal(lang)
        case .csv: csv(lang)
        case .md: markdown(lang)
        case .html: html(lang)
        case .json: json()
        }
    }

    private func heading(_ lang: Lang) -> String {
        var parts = [title.text(lang)]
        if let organisation { parts.insert(organisation, at: 0) }
        if let centre { parts.append(ReportTitles.centreInline(centre).text(lang)) }
        return parts.joined(separator: " · ")
    }

    private func listing(_ s: ReportSection, _ lang: Lang) -> Listing {
        var cols = [DarmarkaCore.Column("label", s.title)]
        cols += s.columns.enumerated().map { i, c in DarmarkaCore.Column("c\(i)", c, alignRight: true) }
        return Listing(columns: cols, rows: s.rows.map { [.text($0.label.text(lang))] + $0.values })
    }

    /// How wide a terminal's report may be, in characters.
    public static let terminalWidth = 100

    /// Fits `terminalWidth`: a table in items and kilograms is shown as one
    /// table for each, and a table still too wide wraps its widest column.
    func terminal(_ lang: Lang) -> String {
        var out = Listing.wrap(heading(lang), width: Self.terminalWidth).joined(separator: "\n") + "\n\n"
        for s in sections where !s.rows.isEmpty {
            for part in s.perUnit() {
                out += listing(part, lang).table(lang, grouped: true, maxWidth: Self.terminalWidth) + "\n"
            }
        }
        if let seal { out += seal.phrase.text(lang) + "\n" }
        return out
    }

    /// UTF-8 with a BOM and `;` between fields: what Russian Excel opens right.
    func csv(_ lang: Lang) -> String {
        var out = "\u{FEFF}" + CSVText.field(heading(lang), delimiter: ";") + "\r\n"
        for s in sections where !s.rows.isEmpty {
            out += "\r\n" + ([s.title.text(lang)] + s.columns.map { $0.text(lang) }).map { CSVText.field($0, delimiter: ";") }.joined(separator: ";") + "\r\n"
            for r in s.rows {
                let values = r.values.map { cell -> String in
                    if case .kg(let g) = cell { return g.kilogramText(decimalSeparator: lang == .ru ? "," : ".") }
                    return CSVText.field(cell.display(lang), delimiter: ";")
                }
                out += ([CSVText.field(r.label.text(lang).trimmingCharacters(in: .whitespaces), delimiter: ";")] + values).joined(separator: ";") + "\r\n"
            }
        }
        if let seal {
            out += "\r\n" + CSVText.field(SealText.sealLabel.text(lang), delimiter: ";") + ";" + seal.text + "\r\n"
        }
        return out
    }

    func markdown(_ lang: Lang) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "# " + esc(heading(lang)) + "\n"
        for s in sections where !s.rows.isEmpty {
            out += "\n## " + esc(s.title.text(lang)) + "\n\n"
            out += "| " + ([""] + s.columns.map { esc($0.text(lang)) }).joined(separator: " | ") + " |\n"
            out += "|---" + String(repeating: "|---:", count: s.columns.count) + "|\n"
            for r in s.rows {
                out += "| " + ([esc(r.label.text(lang).trimmingCharacters(in: .whitespaces))] + r.values.map { esc($0.display(lang, grouped: true)) }).joined(separator: " | ") + " |\n"
            }
        }
        if let seal { out += "\n" + esc(seal.phrase.text(lang)) + "\n" }
        return out
    }

    func html(_ lang: Lang) -> String {
        """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)"><head><meta charset="utf-8"><title>\(Self.escapeHTML(heading(lang)))</title>
            <style>
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #bbb;padding:.25em .6em}
            td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef2f5}
            .bar{fill:#3b7dd8}.bar2{fill:#e08a2c}
            </style></head><body>

            """ + htmlBody(lang) + "</body></html>\n"
    }

    private static func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// What the HTML form's `<body>` holds: the heading, the chart and the
    /// tables, with no style or script of its own (classes only), so that
    /// `darmarka serve` shows the same report inside its pages under a
    /// Content-Security-Policy that allows no inline style.
    public func htmlBody(_ lang: Lang) -> String {
        let esc = Self.escapeHTML
        var out = "<h1>\(esc(heading(lang)))</h1>\n"
        out += barChartSVG(lang)
        for s in sections where !s.rows.isEmpty {
            out += "<h2>\(esc(s.title.text(lang)))</h2>\n<table><tr><th></th>"
            out += s.columns.map { "<th>\(esc($0.text(lang)))</th>" }.joined() + "</tr>\n"
            for r in s.rows {
                out += "<tr><td>\(esc(r.label.text(lang).trimmingCharacters(in: .whitespaces)))</td>"
                out += r.values.map { "<td class=\"n\">\(esc($0.display(lang, grouped: true)))</td>" }.joined() + "</tr>\n"
            }
            out += "</table>\n"
        }
        if let seal { out += "<p><small>\(esc(seal.phrase.text(lang)))</small></p>\n" }
        return out
    }

    /// Received and handed out by category as horizontal bars, inline SVG.
    private func barChartSVG(_ lang: Lang) -> String {
        let bars = ReportCharts.categoryBars(self)
        guard let top = bars.map({ max($0.received, $0.handedOut) }).max(), top > 0 else { return "" }
        let rowHeight = 22, width = 420, labelWidth = 260
        let (w, h) = (labelWidth + width + 60, bars.count * rowHeight + 30)
        // The viewBox lets a narrow screen scale the chart down rather than cut it.
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-size=\"12\">\n"
        svg += "<text x=\"0\" y=\"14\">\(ReportTitles.chartLegend.text(lang))</text>\n"
        for (i, b) in bars.enumerated() {
            let y = 24 + i * rowHeight
            let w1 = b.received * width / top, w2 = b.handedOut * width / top
            let name = (names.categories[b.category] ?? .same(b.category)).text(lang)
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            svg += "<text x=\"0\" y=\"\(y + 13)\">\(name)</text>"
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(w1)\" height=\"9\"/>"
            svg += "<rect class=\"bar2\" x=\"\(labelWidth)\" y=\"\(y + 10)\" width=\"\(w2)\" height=\"9\"/>"
            svg += "<text x=\"\(labelWidth + max(w1, w2) + 4)\" y=\"\(y + 13)\">\(b.received) / \(b.handedOut)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
