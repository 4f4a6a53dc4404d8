import Testing
@testable import DarmarkaCore

@Suite("Labels: geometry")
struct LabelsGeometryTests {
    static let full = LabelTextNeeds(code: true, captionLines: 2)

    /// The invariants every layout keeps, whatever the label.
    static func checkInvariants(_ g: LabelGeometry, template: LabelTemplate, policy: LabelLayoutPolicy,
                                _ context: String) {
        let page = PageRect(x: 0, y: 0, width: template.pageWidth, height: template.pageHeight)
        #expect(g.content.contains(g.symbol), "\(context): symbol outside content")
        #expect(g.label.contains(g.quietZone), "\(context): quiet zone off the label")
        #expect(page.inset(by: policy.pageSafeMargin).contains(g.symbol), "\(context): symbol in the page's unprintable edge")
        #expect(g.label.inset(by: max(template.markupMargin, policy.minimumInset)).contains(g.symbol), "\(context): symbol in the markup margin")
        // Whole dots: the module and the origin sit on the printer's grid.
        #expect(abs(g.module - Double(g.dotsPerModule) * 25.4 / Double(g.dpi)) < 1e-12, "\(context)")
        #expect(abs(g.symbol.x / g.dot - (g.symbol.x / g.dot).rounded()) < 1e-6, "\(context)")
        #expect(abs(g.symbol.y / g.dot - (g.symbol.y / g.dot).rounded()) < 1e-6, "\(context)")
        #expect(abs(g.quietZone.width - Double(g.modules + 8) * g.module) < 1e-9, "\(context): quiet zone is 4 modules")
        if let text = g.text {
            #expect(g.content.contains(text), "\(context): text area outside content")
            #expect(!text.overlaps(g.quietZone), "\(context): text area in the quiet zone")
        }
    }

    @Test func everyProjectTemplateEveryPositionKeepsTheRules() throws {
        for template in try LabelsFixtures.projectTemplates() {
            let policy = LabelLayoutPolicy.standard(for: template)
            for dpi in [template.defaultDPI, 203, 300, 600] {
                for modules in [21, 25, 29] {
                    for (index, frame) in template.labelFrames.enumerated() {
                        let g = try LabelGeometry.compute(frame: frame, on: template, dpi: dpi, modules: modules,
                                                          needs: Self.full, policy: policy)
                        let context = "\(template.id) #\(index) \(dpi)dpi \(modules)"
                        Self.checkInvariants(g, template: template, policy: policy, "\(context)")
                        #expect(g.dotsPerModule >= 4, "\(context)")
                        #expect(g.module <= policy.maximumModule + 1e-9, "\(context)")
                        #expect(g.showsCode, "\(context): code dropped")
                    }
                }
            }
        }
    }

    @Test func widelabelsPutTheSymbolLeftNarrowOnTop() throws {
        let l7163 = try LabelsFixtures.template("L7163")
        let wide = try LabelGeometry.compute(frame: l7163.labelFrames[0], on: l7163, dpi: 300, modules: 21,
                                             needs: Self.full, policy: .standard(for: l7163))
        #expect(wide.arrangement == .side)
        #expect(wide.captionLines == 2)
        let text = try #require(wide.text)
        #expect(text.minX >= wide.quietZone.maxX - 1e-9)
        // 1 mm modules: 11.811 dots at 300 dpi, so 11 whole dots.
        #expect(wide.dotsPerModule == 11)

        var square = l7163
        square.labelWidth = 40; square.labelHeight = 50
        square.layouts = [LabelTemplate.Layout(nx: 1, ny: 1, x0: 20, y0: 20, dx: 40, dy: 50)]
        let narrow = try LabelGeometry.compute(frame: square.labelFrames[0], on: square, dpi: 300, modules: 21,
                                               needs: Self.full, policy: .standard(for: square))
        #expect(narrow.arrangement == .stacked)
        let under = try #require(narrow.text)
        #expect(under.minY >= narrow.quietZone.maxY - 1e-9)
        #expect(abs(narrow.symbol.midX - square.labelFrames[0].midX) < narrow.dot, "centred on the label")
    }

    @Test func modulesAreWholeThermalDots() throws {
        let roll = try LabelsFixtures.template("58x40")
        let g = try LabelGeometry.compute(frame: roll.labelFrames[0], on: roll, dpi: 203, modules: 21,
                                          needs: Self.full, policy: .standard(for: roll))
        // 203 dpi is 8 dots/mm: 1 mm would be 7.99 dots, so 7 whole dots (0.876 mm).
        #expect(g.dotsPerModule == 7)
        #expect(g.originDotX >= 0 && g.originDotY >= 0)
        #expect(g.arrangement == .side)
    }

    @Test func edgeLabelsKeepFiveMillimetresFromThePageEdge() throws {
        let sheet = try LabelsFixtures.template("3474")   // 70 x 37, no border
        let frames = sheet.labelFrames
        let policy = LabelLayoutPolicy.standard(for: sheet)
        let topLeft = try LabelGeometry.compute(frame: frames[0], on: sheet, dpi: 300, modules: 21, needs: Self.full, policy: policy)
        #expect(topLeft.content.minX >= 5 && topLeft.content.minY >= 5)
        #expect(topLeft.symbol.minX >= 5 && topLeft.symbol.minY >= 5)
        let bottomRight = try LabelGeometry.compute(frame: frames[frames.count - 1], on: sheet, dpi: 300, modules: 21,
                                                    needs: Self.full, policy: policy)
        #expect(bottomRight.content.maxX <= 205 + 1e-9 && bottomRight.content.maxY <= 292 + 1e-9)
        // An inner label is not inset more than its own margin.
        let inner = try LabelGeometry.compute(frame: frames[4], on: sheet, dpi: 300, modules: 21, needs: Self.full, policy: policy)
        #expect(abs(inner.content.minX - (frames[4].minX + 1.5)) < 1e-9)
    }

    @Test func smallLabelsDropCaptionsThenTheCodeThenShrinkModules() throws {
        var tiny = LabelTemplate.roll(name: TemplateName(brand: "T", part: "tiny"), labelWidth: 20, labelHeight: 20,
                                      markupMargin: 1, dpi: 203)
        let policy = LabelLayoutPolicy.standard(for: tiny)
        let g = try LabelGeometry.compute(frame: tiny.labelFrames[0], on: tiny, dpi: 203, modules: 21,
                                          needs: Self.full, policy: policy)
        Self.checkInvariants(g, template: tiny, policy: policy, "20x20")
        #expect(g.dotsPerModule >= 4)
        #expect(g.captionLines < 2)

        // 12 x 12 mm cannot take 29 modules at 4 dots (0.5 mm): smaller modules, with a warning.
        tiny = LabelTemplate.roll(name: TemplateName(brand: "T", part: "tinier"), labelWidth: 12, labelHeight: 12, dpi: 203)
        let small = try LabelGeometry.compute(frame: tiny.labelFrames[0], on: tiny, dpi: 203, modules: 21,
                                              needs: Self.full, policy: .standard(for: tiny))
        #expect(small.arrangement == .alone && !small.showsCode && small.captionLines == 0)
        #expect(small.warnings == [.smallModules(dotsPerModule: small.dotsPerModule, dpi: 203)])
        Self.checkInvariants(small, template: tiny, policy: .standard(for: tiny), "12x12")

        tiny = LabelTemplate.roll(name: TemplateName(brand: "T", part: "dot"), labelWidth: 3, labelHeight: 3, dpi: 203)
        #expect(throws: LabelError.labelTooSmall(template: "T dot", modules: 21)) {
            try LabelGeometry.compute(frame: tiny.labelFrames[0], on: tiny, dpi: 203, modules: 21,
                                      needs: Self.full, policy: .standard(for: tiny))
        }
    }

    @Test func roundLabelsUseTheirInscribedSquare() throws {
        let round = LabelTemplate(name: TemplateName(brand: "T", part: "round"), paper: "A4", pageWidth: 210, pageHeight: 297,
                                  labelWidth: 50, labelHeight: 50, shape: .round,
                                  layouts: [LabelTemplate.Layout(nx: 1, ny: 1, x0: 20, y0: 20, dx: 50, dy: 50)])
        let g = try LabelGeometry.compute(frame: round.labelFrames[0], on: round, dpi: 300, modules: 21,
                                          needs: LabelTextNeeds(code: true, captionLines: 0), policy: .standard(for: round))
        let r = 25.0, cx = 45.0, cy = 45.0
        for (x, y) in [(g.quietZone.minX, g.quietZone.minY), (g.quietZone.maxX, g.quietZone.maxY)] {
            #expect(((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() <= r + 1e-9, "quiet zone corner outside the circle")
        }
    }
}
