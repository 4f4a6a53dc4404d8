import Testing
@testable import DarmarkaCore

@Suite("Labels: text fitting")
struct LabelsTextTests {
    static let caption = TextStyle(face: .caption, maximumSize: 10, minimumSize: 6, maximumRows: 2)
    static var fitter: TextFitter { TextFitter { LabelsFixtures.measure($0, .caption) } }

    static func widthMM(_ text: String, size: Double) -> Double {
        LabelsFixtures.measure(text, .caption) * size * Length.millimetresPerPoint
    }

    @Test func keepsTheLargestSizeWhenTextFits() {
        let fitted = Self.fitter.fit("Бокс 1", style: Self.caption, width: 50, height: 10)
        #expect(fitted.rows == ["Бокс 1"] && fitted.size == 10 && !fitted.truncated)
    }

    @Test func shrinksThenWrapsThenCutsWithAnEllipsis() {
        let name = "Соседский центр «Преображенский»"
        // Wide enough at a smaller size on one row.
        let shrunk = Self.fitter.fit(name, style: Self.caption, width: Self.widthMM(name, size: 8), height: 4)
        #expect(shrunk.rows == [name] && shrunk.size == 8)
        // Two rows, once a row is too short for it.
        let wrapped = Self.fitter.fit(name, style: Self.caption, width: 25, height: 10)
        #expect(wrapped.rows.count == 2 && wrapped.rows.joined(separator: " ") == name && !wrapped.truncated)
        // Too little room even at the minimum size: cut.
        let cut = Self.fitter.fit(name, style: Self.caption, width: 15, height: 3)
        #expect(cut.truncated && cut.size == 6 && cut.rows.count == 1)
        #expect(cut.rows[0].hasSuffix("…") && name.hasPrefix(String(cut.rows[0].dropLast())))
        #expect(Self.widthMM(cut.rows[0], size: 6) <= 15)
    }

    @Test func neverOverflows() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Соседский", "центр", "«Преображенский»", "Бокс", "№", "12", "одежда", "Superlongwordwithoutanyspaces"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            let width = Double.random(in: 0...60, using: &generator), height = Double.random(in: 0...15, using: &generator)
            let fitted = Self.fitter.fit(text, style: Self.caption, width: width, height: height)
            #expect(fitted.height <= height + 1e-9, "\(text) in \(width)×\(height)")
            #expect(fitted.rows.count <= Self.caption.maximumRows)
            #expect(fitted.size >= Self.caption.minimumSize && fitted.size <= Self.caption.maximumSize)
            for row in fitted.rows { #expect(Self.widthMM(row, size: fitted.size) <= width + 1e-9, "\(row) wider than \(width)") }
            if !fitted.truncated { #expect(fitted.rows.joined(separator: " ") == text) }
        }
    }

    @Test func refusesToCutWhenAskedNotTo() {
        let code = TextStyle(face: .code, maximumSize: 14, minimumSize: 6, maximumRows: 1)
        let fitter = TextFitter { LabelsFixtures.measure($0, .code) }
        let fitted = fitter.fit("B-7K3QX", style: code, width: 5, height: 10, allowTruncation: false)
        #expect(fitted.rows.isEmpty && fitted.truncated)
    }

    @Test func composedTextStaysInItsBoxAndOutOfTheQuietZone() throws {
        let centre = "Соседский центр «Преображенский»"
        let content = LabelContent(payload: "B-0000H", code: "B-0000H", lines: [centre, "Бокс у входа, второй этаж"])
        for template in try LabelsFixtures.projectTemplates() {
            let policy = LabelLayoutPolicy.standard(for: template)
            for (index, frame) in template.labelFrames.enumerated() {
                let g = try LabelGeometry.compute(frame: frame, on: template, dpi: template.defaultDPI, modules: 21,
                                                  needs: LabelTextNeeds(content), policy: policy)
                let art = LabelArtwork.compose(content, geometry: g, policy: policy, measure: LabelsFixtures.measure)
                let context = "\(template.id) #\(index)"
                let text = try #require(g.text, "\(context)")
                #expect(art.texts.first?.text == "B-0000H", "\(context): the code comes first")
                for run in art.texts {
                    #expect(text.contains(run.bounds), "\(context): “\(run.text)” leaves its box")
                    #expect(!run.bounds.overlaps(g.quietZone), "\(context): “\(run.text)” in the quiet zone")
                }
                for (a, b) in zip(art.texts, art.texts.dropFirst()) {
                    #expect(!a.bounds.overlaps(b.bounds), "\(context): rows overlap")
                }
            }
        }
    }

    @Test func reportsWhatWasDroppedOrCut() throws {
        let roll = try LabelsFixtures.template("40x30")
        let long = String(repeating: "Очень длинное название центра ", count: 4)
        let content = LabelContent(payload: "B-0000H", code: "B-0000H", lines: [long, "Бокс 2"])
        let policy = LabelLayoutPolicy.standard(for: roll)
        let g = try LabelGeometry.compute(frame: roll.labelFrames[0], on: roll, dpi: 203, modules: 21,
                                          needs: LabelTextNeeds(content), policy: policy)
        let art = LabelArtwork.compose(content, geometry: g, policy: policy, measure: LabelsFixtures.measure)
        #expect(art.warnings.contains(.textShortened(long)))
        #expect(art.texts.contains { $0.text.hasSuffix("…") })
        #expect(art.texts.contains { $0.text == "Бокс 2" })
    }
}
