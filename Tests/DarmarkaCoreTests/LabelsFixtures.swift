import Foundation
@testable import DarmarkaCore

/// The project's own templates from `labels/` at the repository's top.
enum LabelsFixtures {
    static let labelsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labels")

    static func projectTemplates() throws -> [LabelTemplate] {
        var templates: [LabelTemplate] = []
        var aliases: [TemplateAlias] = []
        let files = try FileManager.default.contentsOfDirectory(at: labelsDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }
        for file in files {
            let document = try GLabelsDocument(data: try Data(contentsOf: file))
            templates += document.templates
            aliases += document.aliases
        }
        return TemplateAlias.attach(aliases, to: templates).templates
    }

    static func template(_ part: String) throws -> LabelTemplate {
        guard let found = try projectTemplates().first(where: { $0.part == part }) else {
            throw FixtureMissing(part: part)
        }
        return found
    }

    struct FixtureMissing: Error { let part: String }

    /// A stand-in for DejaVu Sans: every character 0.6 em wide.
    static func measure(_ text: String, _ face: TextFace) -> Double { Double(text.count) * 0.6 }
}
