import DarmarkaCore
import Foundation
import Testing
@testable import DarmarkaKit

@Suite("Labels: rendering", .serialized)
struct LabelRenderTests {
    static let centre = "Соседский центр «Преображенский»"

    static func catalogue() -> TemplateCatalogue {
        TemplateCatalogue.load(projectDirectories: [LabelFixtures.labelsDirectory], gLabelsDirectories: [])
    }

    static func boxLabels(_ count: Int, from serial: Int = 4000) throws -> [LabelContent] {
        var labels: [LabelContent] = []
        var next = serial
        while labels.count < count {
            let code = try #require(BoxCode.firstIssuable(from: next))
            labels.append(LabelContent(box: code, lines: [centre, "Бокс \(labels.count + 1): одежда"]))
            next = code.serial + 7
        }
        return labels
    }

    /// Rasterises a PDF at 300 dpi and returns the page images in order.
    static func rasterise(_ pdf: URL, in directory: URL) throws -> [URL] {
        let prefix = directory.appendingPathComponent("page")
        try LabelTools.run("pdftoppm", ["-r", "300", "-png", pdf.path, prefix.path])
        // pdftoppm numbers pages page-1.png or page-01.png depending on count.
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("page-") && $0.pathExtension == "png" }
            .sorted { $0.lastPathComponent.count != $1.lastPathComponent.count
                ? $0.lastPathComponent.count < $1.lastPathComponent.count : $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Decodes every used label position on `pages`, each cropped by the template's geometry.
    static func decodeSheet(_ pages: [URL], template: LabelTemplate, slots: [LabelSlot], dpi: Double,
                            in directory: URL) throws -> [LabelSlot: [String]] {
        let frames = template.labelFrames
        var found: [LabelSlot: [String]] = [:]
        for slot in slots {
            let frame = frames[slot.position]
            let px = { (mm: Double) in Int((mm * dpi / 25.4).rounded()) }
            let crop = directory.appendingPathComponent("crop-\(slot.page)-\(slot.position).png")
            try LabelTools.crop(pages[slot.page], x: px(frame.x), y: px(frame.y),
                                width: px(frame.width), height: px(frame.height), to: crop)
            found[slot] = try LabelTools.decode(crop)
        }
        return found
    }

    @Test func sheetOfBoxLabelsScansBackAndKeepsCyrillicText() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try Self.catalogue().template(named: "L7160")
        let labels = try Self.boxLabels(21)
        let pdf = directory.appendingPathComponent("boxes.pdf")

        let report = try LabelRenderer.render(labels, on: template, to: pdf)
        #expect(report.files == [pdf] && report.pages == 1 && report.labels == 21 && report.dpi == 300)
        #expect(report.warnings.isEmpty, "\(report.warnings.map { $0.text(.en) })")

        let pages = try Self.rasterise(pdf, in: directory)
        #expect(pages.count == 1)
        let slots = try template.plan(count: labels.count)
        let decoded = try Self.decodeSheet(pages, template: template, slots: slots, dpi: 300, in: directory)
        for slot in slots {
            #expect(decoded[slot] == [labels[slot.item].payload], "label \(slot.position) read as \(decoded[slot] ?? [])")
        }

        let text = try LabelTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).output
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(words.contains("Соседский центр «Преображенский»"), "pdftotext gave: \(text.prefix(300))")
        for label in labels { #expect(text.contains(label.code), "\(label.code) not in the PDF's text") }
    }

    @Test func skipAndCopiesLandOnTheRightPositions() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try Self.catalogue().template(named: "70x37")   // no border: edge insets matter
        let labels = try Self.boxLabels(12, from: 9000)
        let pdf = directory.appendingPathComponent("partial.pdf")
        let report = try LabelRenderer.render(labels, on: template, options: LabelRenderOptions(skip: 5, copies: 2, outline: true), to: pdf)
        #expect(report.pages == 2 && report.labels == 24)

        let pages = try Self.rasterise(pdf, in: directory)
        #expect(pages.count == 2)
        let slots = try template.plan(count: labels.count, skip: 5, copies: 2)
        let decoded = try Self.decodeSheet(pages, template: template, slots: slots, dpi: 300, in: directory)
        for slot in slots {
            #expect(decoded[slot] == [labels[slot.item].payload], "page \(slot.page) position \(slot.position)")
        }
        // The skipped positions stay blank.
        let blank = try Self.decodeSheet(pages, template: template,
                                         slots: (0..<5).map { LabelSlot(page: 0, position: $0, item: 0) }, dpi: 300, in: directory)
        let blankCount = blank.values.filter { !$0.isEmpty }.count
        #expect(blankCount == 0)
    }

    @Test func thermalRollAt203DotsScansBackWithWholePixelModules() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try Self.catalogue().template(named: "58x40")
        let labels = try Self.boxLabels(21, from: 20000)
        let png = directory.appendingPathComponent("roll.png")

        let report = try LabelRenderer.render(labels, on: template, to: png)
        #expect(report.dpi == 203 && report.pages == 21)
        #expect(report.files.map(\.lastPathComponent) == (1...21).map { "roll-\($0).png" })
        for (index, file) in report.files.enumerated() {
            let size = try LabelTools.size(of: file)
            #expect(size.width == 464 && size.height == 320, "58 x 40 mm at 203 dpi")
            let density = PNGDensity.dpi(of: [UInt8](try Data(contentsOf: file)))
            #expect(density.map { abs($0 - 203) < 0.01 } == true, "the file says it is 203 dpi, so it prints 58 mm wide")
            let decoded = try LabelTools.decode(file)
            #expect(decoded == [labels[index].payload], "\(file.lastPathComponent)")
        }

        // Every module is a block of whole, pure black or white pixels.
        let symbol = try QRMatrix(encoding: labels[0].payload)
        let geometry = try LabelGeometry.compute(frame: template.labelFrames[0], on: template, dpi: 203,
                                                 modules: symbol.width, needs: LabelTextNeeds(labels[0]),
                                                 policy: .standard(for: template))
        let pixels = try LabelFixtures.greyPixels(of: report.files[0])
        let d = geometry.dotsPerModule
        for my in 0..<symbol.width {
            for mx in 0..<symbol.width {
                let expected: UInt8 = symbol[x: mx, y: my] ? 0 : 255
                for py in 0..<d {
                    for px in 0..<d {
                        let value = pixels.values[(geometry.originDotY + my * d + py) * pixels.width + geometry.originDotX + mx * d + px]
                        if value != expected {
                            Issue.record("module \(mx),\(my) pixel \(px),\(py) is \(value), not \(expected)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func svgIsValidXMLWithPaths() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try Self.catalogue().template(named: "L7163")
        let svg = directory.appendingPathComponent("labels.svg")
        let report = try LabelRenderer.render(try Self.boxLabels(3), on: template, to: svg)
        #expect(report.files == [svg])
        let data = try Data(contentsOf: svg)
        #expect(LabelFixtures.isWellFormedXML(data))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("<path"))
        #expect(text.contains("width=\"595") && text.contains("height=\"841"), "A4 in points")
    }

    @Test func refusesToOverwriteUnlessForced() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try Self.catalogue().template(named: "L7160")
        let labels = try Self.boxLabels(2)
        let pdf = directory.appendingPathComponent("boxes.pdf")
        try LabelRenderer.render(labels, on: template, to: pdf)
        #expect(throws: LabelRenderError.outputExists(pdf.path)) { try LabelRenderer.render(labels, on: template, to: pdf) }
        try LabelRenderer.render(labels, on: template, options: LabelRenderOptions(force: true), to: pdf)

        // Numbered pages are checked too, before anything is written.
        let roll = try Self.catalogue().template(named: "40x30")
        let png = directory.appendingPathComponent("roll.png")
        try Data().write(to: directory.appendingPathComponent("roll-2.png"))
        #expect(throws: LabelRenderError.outputExists(directory.appendingPathComponent("roll-2.png").path)) {
            try LabelRenderer.render(labels, on: roll, to: png)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("roll-1.png").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        #expect(throws: LabelRenderError.unknownFormat("doc")) {
            try LabelRenderer.render(labels, on: template, to: directory.appendingPathComponent("x.doc"))
        }
        #expect(throws: LabelRenderError.nothingToRender) { try LabelRenderer.render([], on: template, to: pdf) }
        #expect(throws: LabelRenderError.noSuchDirectory(directory.appendingPathComponent("nowhere").path)) {
            try LabelRenderer.render(labels, on: template, to: directory.appendingPathComponent("nowhere/x.pdf"))
        }
        for error in [LabelRenderError.outputExists("/tmp/x.pdf"), .unknownFormat("doc"), .payloadTooLong(9000)] {
            #expect(!error.text(.ru).isEmpty && !error.text(.en).contains("\n"))
        }
    }
}
