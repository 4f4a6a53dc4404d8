import Foundation
import Testing
@testable import DarmarkaCore

@Suite("Labels: templates")
struct LabelsTemplateTests {
    @Test func readsLengthsInEveryUnit() throws {
        #expect(Length.millimetres(gLabels: "63.5mm") == 63.5)
        #expect(Length.millimetres(gLabels: "2cm") == 20)
        #expect(Length.millimetres(gLabels: "1in") == 25.4)
        #expect(Length.millimetres(gLabels: "72pt") == 25.4)
        #expect(Length.millimetres(gLabels: "72") == 25.4, "a bare number is points")
        #expect(abs((Length.millimetres(gLabels: "6pc") ?? 0) - 25.4) < 1e-9)
        #expect(Length.millimetres(gLabels: " 10 mm ") == 10)
        #expect(Length.millimetres(gLabels: "10furlongs") == nil)
        #expect(abs((Length.millimetres(gLabels: "3.93386e-16pt") ?? 1)) < 1e-12, "an exponent is not a unit")
        #expect(Length.millimetres(gLabels: "mm") == nil)
        #expect(Length.millimetres(gLabels: "nan") == nil)
    }

    static let namespaced = """
    <?xml version="1.0"?>
    <Glabels-templates xmlns="http://glabels.org/xmlns/3.0/">
      <Template brand="Avery" part="7160" size="A4" _description="Address labels">
        <Meta category="label"/>
        <Label-rectangle id="0" width="181.4" height="108.0" round="7">
          <Markup-margin size="5"/>
          <Layout nx="3" ny="7" x0="21.2" y0="43.9" dx="187.2" dy="108.0"/>
        </Label-rectangle>
      </Template>
      <Template brand="Avery" part="L7160" equiv="7160"/>
      <Template brand="Avery" part="J8160" equiv="7160"/>
      <Template brand="Demo" part="Disc" size="A4">
        <Label-cd id="0" radius="58.7mm" hole="20.6mm" waste="3.175mm">
          <Layout nx="1" ny="2" x0="46.3mm" y0="21.3mm" dx="0mm" dy="137mm"/>
        </Label-cd>
      </Template>
      <Template brand="Demo" part="Dots" size="US-Letter">
        <Label-round id="0" radius="0.75in">
          <Layout nx="4" ny="5" x0="0.5in" y0="0.5in" dx="2in" dy="2in"/>
        </Label-round>
      </Template>
      <Template brand="Demo" part="Card" size="Other" width="3.5in" height="2in">
        <Label-rectangle id="0" width="3.5in" height="2in"><Layout nx="1" ny="1" x0="0" y0="0"/></Label-rectangle>
      </Template>
      <Template brand="Demo" part="Broken" size="A4">
        <Label-rectangle id="0" width="wide" height="2in"><Layout nx="1" ny="1"/></Label-rectangle>
      </Template>
      <Template brand="Demo" part="Moon" size="Lunar">
        <Label-rectangle id="0" width="1in" height="1in"><Layout nx="1" ny="1"/></Label-rectangle>
      </Template>
    </Glabels-templates>
    """

    @Test func parsesANamespacedGLabelsFile() throws {
        let document = try GLabelsDocument(data: Data(Self.namespaced.utf8))
        let (templates, problems) = document.resolved()
        let avery = try #require(templates.first { $0.part == "7160" })
        #expect(avery.brand == "Avery")
        #expect(avery.description == "Address labels")
        #expect(avery.paper == "A4")
        #expect(avery.pageWidth == 210 && avery.pageHeight == 297)
        #expect(abs(avery.labelWidth - 63.99) < 0.01)
        #expect(abs(avery.labelHeight - 38.1) < 0.01)
        #expect(abs(avery.cornerRadius - 2.47) < 0.01)
        #expect(abs(avery.markupMargin - 1.76) < 0.01)
        let layout = try #require(avery.layouts.first)
        #expect(layout.nx == 3 && layout.ny == 7)
        #expect(abs(layout.x0 - 7.48) < 0.01 && abs(layout.y0 - 15.49) < 0.01)
        #expect(abs(layout.dx - 66.04) < 0.01 && abs(layout.dy - 38.1) < 0.01)
        #expect(avery.equivalents.map(\.id) == ["Avery L7160", "Avery J8160"])
        #expect(avery.kind == .sheet)

        let dots = try #require(templates.first { $0.part == "Dots" })
        #expect(dots.shape == .round)
        #expect(abs(dots.labelWidth - 38.1) < 1e-9)
        #expect(abs(dots.pageWidth - 215.9) < 1e-9)

        let card = try #require(templates.first { $0.part == "Card" })
        #expect(card.paper == "Other")
        #expect(abs(card.pageWidth - 88.9) < 1e-9 && abs(card.pageHeight - 50.8) < 1e-9)
        #expect(card.layouts.first?.dx == card.labelWidth, "a single column's pitch defaults to the label")

        #expect(templates.count == 3)
        #expect(problems.contains(.unsupportedShape("cd", template: "Demo Disc")))
        #expect(problems.contains(.badLength(attribute: "width", value: "wide", template: "Demo Broken")))
        #expect(problems.contains(.unknownPaperSize("Lunar", template: "Demo Moon")))
        for problem in problems {
            #expect(!problem.text(.ru).isEmpty && !problem.text(.en).contains("\n"))
        }
    }

    @Test func readsGLabels2NamesAndAliases() throws {
        let xml = """
        <Glabels-templates>
          <Template name="Avery 5160" size="US-Letter" description="Address labels">
            <Alias name="Avery 5960"/>
            <Label-rectangle id="0" width="189" height="72" round="5">
              <Layout nx="3" ny="10" x0="11.25" y0="36" dx="200" dy="72"/>
            </Label-rectangle>
          </Template>
        </Glabels-templates>
        """
        let (templates, problems) = try GLabelsDocument(data: Data(xml.utf8)).resolved()
        #expect(problems.isEmpty)
        let template = try #require(templates.first)
        #expect(template.name == TemplateName(brand: "Avery", part: "5160"))
        #expect(template.description == "Address labels")
        #expect(template.equivalents == [TemplateName(brand: "Avery", part: "5960")])
    }

    @Test func reportsAnUnknownEquivalentAndBrokenXML() throws {
        let alias = #"<Glabels-templates><Template brand="X" part="1" equiv="2"/></Glabels-templates>"#
        let (_, problems) = try GLabelsDocument(data: Data(alias.utf8)).resolved()
        #expect(problems == [.unknownEquivalent(template: "X 1", equivalent: "X 2")])

        #expect(throws: LabelError.malformedTemplateFile(line: 1, fault: .endsEarly)) {
            try GLabelsDocument(data: Data("<Glabels-templates><Template>".utf8))
        }
        #expect(throws: LabelError.self) { try GLabelsDocument(data: Data("<a>\n<b></a>".utf8)) }
    }

    @Test func followsAliasChainsAndForgetsAliasesOfSkippedShapes() throws {
        let xml = """
        <Glabels-templates>
          <Template brand="Herma" part="4102" size="A4">
            <Label-rectangle id="0" width="10mm" height="10mm"><Layout nx="1" ny="1"/></Label-rectangle>
          </Template>
          <Template brand="Herma" part="4608" equiv="4102"/>
          <Template brand="Herma" part="10801" equiv="4608"/>
          <Template brand="Herma" part="4093" size="A4">
            <Label-cd id="0" radius="58mm" hole="20mm"><Layout nx="1" ny="1"/></Label-cd>
          </Template>
          <Template brand="Herma" part="4094" equiv="4093"/>
        </Glabels-templates>
        """
        let (templates, problems) = try GLabelsDocument(data: Data(xml.utf8)).resolved()
        #expect(templates.first?.equivalents.map(\.part) == ["4608", "10801"])
        #expect(problems == [.unsupportedShape("cd", template: "Herma 4093")])
    }

    @Test func readsDarmarkaRolls() throws {
        let xml = """
        <Glabels-templates xmlns="http://glabels.org/xmlns/3.0/" xmlns:darmarka="urn:darmarka:labels:1">
          <Template brand="Thermal" part="58x40" size="Other" width="58mm" height="40mm"
                    darmarka:media="roll" darmarka:dpi="300">
            <Label-rectangle id="0" width="58mm" height="40mm"><Layout nx="1" ny="1"/></Label-rectangle>
          </Template>
          <Template brand="Thermal" part="Plain" darmarka:media="roll">
            <Label-rectangle id="0" width="40mm" height="30mm"><Layout nx="1" ny="1"/></Label-rectangle>
          </Template>
          <Template brand="Thermal" part="Bad" darmarka:media="roll" darmarka:dpi="fast">
            <Label-rectangle id="0" width="40mm" height="30mm"><Layout nx="1" ny="1"/></Label-rectangle>
          </Template>
        </Glabels-templates>
        """
        let document = try GLabelsDocument(data: Data(xml.utf8))
        #expect(document.templates.map(\.kind) == [.roll(dpi: 300), .roll(dpi: 203)])
        #expect(document.templates[1].pageWidth == 40 && document.templates[1].pageHeight == 30)
        #expect(document.templates[1].defaultDPI == 203)
        #expect(document.problems == [.badNumber(attribute: "dpi", value: "fast", template: "Thermal Bad")])
    }

    @Test func projectTemplatesMatchTheirDatasheets() throws {
        let templates = try LabelsFixtures.projectTemplates()
        let expected: [(part: String, perPage: Int, width: Double, height: Double)] = [
            ("L7160", 21, 63.5, 38.1), ("L7163", 14, 99.1, 38.1), ("L7651", 65, 38.1, 21.2),
            ("L7654", 40, 45.7, 25.4), ("3474", 24, 70, 37), ("70x42.4", 21, 70, 42.43),
            ("4625", 14, 105, 42.3), ("58x40", 1, 58, 40), ("40x30", 1, 40, 30),
        ]
        for e in expected {
            let template = try #require(templates.first { $0.part == e.part }, "\(e.part)")
            #expect(template.labelsPerPage == e.perPage, "\(e.part)")
            #expect(template.labelWidth == e.width && template.labelHeight == e.height, "\(e.part)")
            // Every label lies on the page and no two overlap.
            let page = PageRect(x: 0, y: 0, width: template.pageWidth, height: template.pageHeight)
            let frames = template.labelFrames
            for (i, frame) in frames.enumerated() {
                #expect(page.contains(frame, tolerance: 0.05), "\(e.part) label \(i) off the page")
                for other in frames[(i + 1)...] { #expect(!frame.overlaps(other, tolerance: 0.01), "\(e.part)") }
            }
        }
        #expect(templates.first { $0.part == "58x40" }?.kind == .roll(dpi: 203))
        #expect(templates.first { $0.part == "3474" }?.equivalents.map(\.id).contains("Herma 4464") == true)
        #expect(templates.first { $0.part == "L7160" }?.equivalents.map(\.id) == ["Avery J8160", "Avery 7160"])
    }

    @Test func framesAreInReadingOrder() throws {
        let l7160 = try LabelsFixtures.template("L7160")
        let frames = l7160.labelFrames
        #expect(frames.count == 21)
        #expect(abs(frames[0].x - 7.48) < 1e-9 && abs(frames[0].y - 15.49) < 1e-9)
        #expect(abs(frames[1].x - (7.48 + 66.04)) < 1e-9 && frames[1].y == frames[0].y)
        #expect(abs(frames[3].y - (15.49 + 38.1)) < 1e-9 && frames[3].x == frames[0].x)
        #expect(abs(frames[20].maxY - (15.49 + 7 * 38.1)) < 1e-9)

        // Two layouts whose rows interleave read row by row.
        var two = l7160
        two.layouts = [LabelTemplate.Layout(nx: 1, ny: 2, x0: 0, y0: 0, dx: 70, dy: 40),
                       LabelTemplate.Layout(nx: 1, ny: 2, x0: 70, y0: 0, dx: 70, dy: 40)]
        #expect(two.labelFrames.map(\.x) == [0, 70, 0, 70])
    }

    @Test func plansSkipAndCopies() throws {
        let l7160 = try LabelsFixtures.template("L7160")
        let slots = try l7160.plan(count: 10, skip: 5, copies: 2)
        #expect(slots.count == 20)
        #expect(slots[0] == LabelSlot(page: 0, position: 5, item: 0))
        #expect(slots[1] == LabelSlot(page: 0, position: 6, item: 0))
        #expect(slots[2] == LabelSlot(page: 0, position: 7, item: 1))
        #expect(slots[15] == LabelSlot(page: 0, position: 20, item: 7))
        #expect(slots[16] == LabelSlot(page: 1, position: 0, item: 8))
        #expect(try l7160.pageCount(count: 10, skip: 5, copies: 2) == 2)
        #expect(try l7160.pageCount(count: 21) == 1)
        #expect(try l7160.pageCount(count: 22) == 2)
        #expect(try l7160.pageCount(count: 0, skip: 3) == 0)

        #expect(throws: LabelError.skipFillsSheet(skip: 21, labelsPerPage: 21)) { try l7160.plan(count: 1, skip: 21) }
        #expect(throws: LabelError.negativeSkip(-1)) { try l7160.plan(count: 1, skip: -1) }
        #expect(throws: LabelError.badCopies(0)) { try l7160.plan(count: 1, copies: 0) }
        #expect(throws: LabelError.badCopies(1001)) { try l7160.plan(count: 1, copies: 1001) }
        #expect(try l7160.plan(count: 1, copies: 1000).count == 1000)

        let roll = try LabelsFixtures.template("58x40")
        #expect(try roll.plan(count: 3, copies: 2).map(\.page) == [0, 1, 2, 3, 4, 5])
    }
}
