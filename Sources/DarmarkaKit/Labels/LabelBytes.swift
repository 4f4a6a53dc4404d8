import DarmarkaCore
import Foundation

extension LabelRenderer {
    /// Draws `labels` as one PDF, like `render(…to:)`, and gives its bytes
    /// rather than a file: for `darmarka serve`'s download. The drawing goes
    /// to a private temporary folder, removed before this returns.
    public static func pdf(_ labels: [LabelContent], on template: LabelTemplate,
                           options: LabelRenderOptions = LabelRenderOptions()) throws -> (bytes: [UInt8], report: LabelRenderReport) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("darmarka-labels-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        var inside = options
        inside.force = false
        let report = try render(labels, on: template, options: inside, to: folder.appendingPathComponent("labels.pdf"), format: .pdf)
        guard let file = report.files.first, let data = FileManager.default.contents(atPath: file.path) else {
            throw LabelRenderError.nothingToRender
        }
        return (Array(data), report)
    }
}

extension TemplateCatalogue {
    /// A template by name as `darmarka labels` finds it: the project's own
    /// folders first, and gLabels' thousand sheets read only when the name
    /// is not among them (the project's tier wins either way).
    public static func named(_ name: String) throws -> LabelTemplate {
        do {
            return try standard(includeGLabels: false).template(named: name)
        } catch LabelError.templateNotFound {
            return try standard().template(named: name)
        }
    }
}
