import DarmarkaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Labels drawn into a hidden folder beside their destination and moved into
/// place only when the caller says so.
///
/// `labels blank` issues codes and draws them in one database transaction.
/// Drawing first and committing only when the files exist means a failed
/// drawing burns no codes; moving the files only after the commit means a
/// failed commit leaves no labels for codes that were never issued.
public struct StagedLabels: Sendable {
    /// What was drawn, with `files` already naming the destinations.
    public let report: LabelRenderReport
    private let folder: URL
    private let drawn: [URL]

    /// Draws `labels` like `LabelRenderer.render` into a new hidden folder in
    /// `url`'s folder, then checks that no destination exists unless
    /// `options.force`. Any failure leaves nothing behind.
    public static func render(_ labels: [LabelContent], on template: LabelTemplate,
                              options: LabelRenderOptions = LabelRenderOptions(), to url: URL) throws -> StagedLabels {
        let destination = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LabelRenderError.noSuchDirectory(destination.path)
        }
        let folder = destination.appendingPathComponent(".darmarka-labels-\(getpid())-\(UInt32.random(in: 0...UInt32.max))",
                                                        isDirectory: true)
        guard mkdir(folder.path, 0o700) == 0 else {
            throw LabelRenderError.drawingFailed(path: url.path, detail: String(cString: strerror(errno)))
        }
        do {
            var inside = options
            inside.force = false
            let drawn = try LabelRenderer.render(labels, on: template, options: inside,
                                                 to: folder.appendingPathComponent(url.lastPathComponent))
            var report = drawn
            report.files = drawn.files.map { destination.appendingPathComponent($0.lastPathComponent) }
            for file in report.files where try OutputFile.exists(file.path) && !options.force {
                throw LabelRenderError.outputExists(file.path)
            }
            return StagedLabels(report: report, folder: folder, drawn: drawn.files)
        } catch LedgerProblem.cannotWrite(_, let why) {
            // The hidden folder's name means nothing to the user: name the file they asked for.
            try? FileManager.default.removeItem(at: folder)
            throw LedgerProblem.cannotWrite(url.path, why)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Moves the files into place, replacing what is there (the check for
    /// existing files was made when drawing), and removes the hidden folder.
    /// A rename within one folder fails only if the folder itself changed
    /// meanwhile; the error then names the file that could not be placed.
    public func publish() throws -> LabelRenderReport {
        defer { discard() }
        for (from, to) in zip(drawn, report.files) { try OutputFile.moveIntoPlace(from.path, to.path) }
        return report
    }

    /// Removes the drawn files and the hidden folder.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
