import DarmarkaCore
import DarmarkaKit
import Foundation
import Testing

/// Prints how fast a big batch renders; asserts only that the batch is right,
/// since timings depend on the machine. For the real figure run it in release:
/// `swift test -c release -Xswiftc -enable-testing --filter LabelThroughputTests`.
@Suite("Labels: throughput", .serialized)
struct LabelThroughputTests {
    @Test func thousandLabelsOnOnePDF() throws {
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try TemplateCatalogue.load(projectDirectories: [LabelFixtures.labelsDirectory], gLabelsDirectories: [])
            .template(named: "L7160")
        let labels = try LabelRenderTests.boxLabels(1000, from: 100_000)
        let pdf = directory.appendingPathComponent("thousand.pdf")

        let clock = ContinuousClock()
        var report: LabelRenderReport?
        let elapsed = try clock.measure {
            report = try LabelRenderer.render(labels, on: template, to: pdf)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let size = (try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        print("labels: 1000 on \(template.id) -> PDF in \(String(format: "%.3f", seconds)) s, "
              + "\(Int(1000 / seconds)) labels/s, \(size / 1024) KiB")

        #expect(report?.pages == 48 && report?.labels == 1000)
        let info = try LabelTools.run("pdfinfo", [pdf.path]).output
        #expect(info.contains("Pages:           48"), "\(info)")
        let text = try LabelTools.run("pdftotext", ["-f", "48", "-l", "48", pdf.path, "-"]).output
        #expect(text.contains(labels[999].code))
    }
}
