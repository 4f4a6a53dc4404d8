import DarmarkaCore
import Foundation
import Testing
@testable import DarmarkaKit

@Suite("Labels: template catalogue")
struct LabelCatalogueTests {
    static let project = TemplateCatalogue.load(projectDirectories: [LabelFixtures.labelsDirectory], gLabelsDirectories: [])

    @Test func findsProjectTemplatesHoweverTheyAreTyped() throws {
        let catalogue = Self.project
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems.map { $0.text(.en) })")
        for name in ["L7160", "l 7160", "Avery L7160", "avery   l7160", "J8160", "Avery 7160", "7160"] {
            #expect(try catalogue.template(named: name).id == "Avery L7160", "\(name)")
        }
        #expect(try catalogue.template(named: "58×40").id == "Thermal 58x40")
        #expect(try catalogue.template(named: "thermal 40x30").fixedDPI == 203)
        #expect(try catalogue.template(named: "Herma 4464").id == "Zweckform 3474")
        #expect(try catalogue.template(named: "70x37").id == "Zweckform 3474")
        #expect(try catalogue.template(named: "herma4625").labelWidth == 105)
        #expect(try catalogue.template(named: "105x42.3").part == "4625")
    }

    @Test func suggestsNamesWhenNothingMatches() {
        #expect(throws: LabelError.templateNotFound("L716", suggestions: ["Avery L7160", "Avery L7163"])) {
            try Self.project.template(named: "L716")
        }
        #expect(throws: LabelError.templateNotFound("Q-1", suggestions: [])) { try Self.project.template(named: "Q-1") }
    }

    @Test func searchesDescriptionsAndSizes() {
        #expect(Self.project.search("63.5x38.1").map(\.template.id) == ["Avery L7160"])
        #expect(Set(Self.project.search("thermal").map(\.template.id)) == ["Thermal 58x40", "Thermal 40x30"])
        #expect(Self.project.search("").count == Self.project.entries.count)
        #expect(Self.project.search("no border 70").count == 2)
    }

    @Test func addsTheGLabelsCatalogue() throws {
        let directories = TemplateCatalogue.gLabelsDirectories.filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(!directories.isEmpty, "gLabels templates missing: apt-get install glabels-data (scripts/test installs it)")
        let clock = ContinuousClock()
        var loaded: TemplateCatalogue?
        let elapsed = clock.measure {
            loaded = TemplateCatalogue.load(projectDirectories: [LabelFixtures.labelsDirectory],
                                            gLabelsDirectories: TemplateCatalogue.gLabelsDirectories)
        }
        let catalogue = try #require(loaded)
        let fromGLabels = catalogue.entries.filter { $0.origin == .gLabels }
        print("labels: \(fromGLabels.count) gLabels templates loaded in \(elapsed), \(catalogue.problems.count) skipped")
        #expect(fromGLabels.count > 1000)
        // The project's version wins over gLabels' for the same stock.
        #expect(try catalogue.template(named: "L7160").entries(in: catalogue).first?.origin == .project)
        #expect(try catalogue.template(named: "Avery 7160").id == "Avery L7160")
        // A US sheet only gLabels knows.
        let letter = try catalogue.template(named: "Avery 5160")
        #expect(letter.paper == "US-Letter" && letter.labelsPerPage == 30)
        // CD and elliptical labels are skipped, and say so.
        #expect(catalogue.problems.contains { if case .unsupportedShape = $0.error { true } else { false } })
        #expect(fromGLabels.allSatisfy { $0.template.labelsPerPage > 0 })
    }

    @Test func looksForProjectFoldersInOrder() throws {
        let root = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let custom = root.appendingPathComponent("custom"), checkout = root.appendingPathComponent("checkout")
        let work = root.appendingPathComponent("work")
        for folder in [custom, checkout.appendingPathComponent("labels"), checkout.appendingPathComponent(".build/release"),
                       work.appendingPathComponent("labels")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let found = TemplateCatalogue.projectDirectories(
            environment: ["DARMARKA_LABELS": custom.path], currentDirectory: work,
            executable: checkout.appendingPathComponent(".build/release/darmarka"))
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        let expected = [custom, work.appendingPathComponent("labels"), checkout.appendingPathComponent("labels")]
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        #expect(Array(found.prefix(3)) == expected)

        // A custom template joins the catalogue and wins.
        let xml = """
        <Glabels-templates><Template brand="Avery" part="L7160" size="A4" _description="Our own L7160">
          <Label-rectangle id="0" width="63.5mm" height="38.1mm"><Layout nx="3" ny="7" x0="7mm" y0="15mm" dx="66mm" dy="38.1mm"/></Label-rectangle>
        </Template></Glabels-templates>
        """
        try Data(xml.utf8).write(to: custom.appendingPathComponent("ours.xml"))
        let catalogue = TemplateCatalogue.load(projectDirectories: [custom, LabelFixtures.labelsDirectory], gLabelsDirectories: [])
        #expect(try catalogue.template(named: "L7160").description == "Our own L7160")
        #expect(catalogue.entries.filter { $0.template.id == "Avery L7160" }.count == 1)
    }

    @Test func findsAPackagesTemplatesBesideItsBinFolder() throws {
        // A .deb unpacked anywhere (or installed under /usr/local): PREFIX/bin/darmarka
        // reads PREFIX/share/darmarka/labels.
        let root = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let shared = root.appendingPathComponent("usr/share/darmarka/labels")
        for folder in [shared, root.appendingPathComponent("usr/bin"), root.appendingPathComponent("work")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let found = TemplateCatalogue.projectDirectories(
            environment: [:], currentDirectory: root.appendingPathComponent("work"),
            executable: root.appendingPathComponent("usr/bin/darmarka"))
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        #expect(found.first == shared.standardizedFileURL.resolvingSymlinksInPath().path)
    }
}

extension LabelTemplate {
    fileprivate func entries(in catalogue: TemplateCatalogue) -> [TemplateCatalogue.Entry] {
        catalogue.entries.filter { $0.template.id == id }
    }
}
