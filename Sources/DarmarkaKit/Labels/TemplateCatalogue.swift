import DarmarkaCore
import Foundation

/// Every label template Darmarka knows: the project's own (`labels/`) and the
/// gLabels catalogue installed by Debian's `glabels-data`.
public struct TemplateCatalogue: Sendable {
    public enum Origin: Hashable, Sendable {
        /// Darmarka's own `labels/` folders; these win over gLabels'.
        case project
        case gLabels
    }

    public struct Entry: Hashable, Sendable {
        public var template: LabelTemplate
        public var origin: Origin
        public var file: URL
    }

    /// A file or template that could not be read; the rest still load.
    public struct Problem: Localized, Equatable {
        public var file: URL
        public var error: LabelError
        public var phrase: Phrase {
            .joined(.same(file.path), error.phrase, separator: ": ")
        }
    }

    /// Project templates first, then gLabels', each in file order.
    public let entries: [Entry]
    public let problems: [Problem]

    public var templates: [LabelTemplate] { entries.map(\.template) }

    /// The catalogue a user's command sees: the project folders found by
    /// `projectDirectories`, then the gLabels folders that exist.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                includeGLabels: Bool = true) -> TemplateCatalogue {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let executable = Bundle.main.executableURL
            ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        return load(projectDirectories: projectDirectories(environment: environment, currentDirectory: cwd,
                                                           executable: executable),
                    gLabelsDirectories: includeGLabels ? gLabelsDirectories : [])
    }

    /// Where the project's templates may be, in order: `$DARMARKA_LABELS`,
    /// `./labels`, a `labels/` folder in the executable's folder or any folder
    /// above it (a build inside a checkout), `share/darmarka/labels` beside the
    /// executable's `bin/` (an installed or unpacked package, whatever its
    /// prefix), then `/usr/share/darmarka/labels`.
    /// Only existing folders are returned, each once.
    public static func projectDirectories(environment: [String: String], currentDirectory: URL,
                                          executable: URL?) -> [URL] {
        var candidates: [URL] = []
        if let custom = environment["DARMARKA_LABELS"], !custom.isEmpty {
            candidates.append(URL(fileURLWithPath: custom, isDirectory: true, relativeTo: currentDirectory))
        }
        candidates.append(currentDirectory.appendingPathComponent("labels", isDirectory: true))
        if let executable {
            let bin = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            var directory = bin
            while true {
                candidates.append(directory.appendingPathComponent("labels", isDirectory: true))
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
            candidates.append(bin.deletingLastPathComponent()
                .appendingPathComponent("share/darmarka/labels", isDirectory: true))
        }
        candidates.append(URL(fileURLWithPath: "/usr/share/darmarka/labels", isDirectory: true))

        var seen = Set<String>()
        return candidates.filter { url in
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue && seen.insert(path).inserted
        }
    }

    /// Where Debian's glabels-data (gLabels 3) and glabels-qt keep templates.
    public static let gLabelsDirectories: [URL] = [
        "/usr/share/libglabels-3.0/templates", "/usr/local/share/libglabels-3.0/templates",
        "/usr/share/glabels-qt/templates", "/usr/share/glabels/templates",
    ].map { URL(fileURLWithPath: $0, isDirectory: true) }

    /// Reads every `*.xml` template file in the given folders. Missing
    /// folders are skipped; broken files and templates become `problems`.
    public static func load(projectDirectories: [URL], gLabelsDirectories: [URL]) -> TemplateCatalogue {
        var problems: [Problem] = []
        let project = tier(projectDirectories, origin: .project, problems: &problems)
        let projectIDs = Set(project.map { TemplateKey.normalize($0.template.id) })
        // A gLabels template with a project template's name is the same
        // stock; the project's version is the one that has been checked.
        let gLabels = tier(gLabelsDirectories, origin: .gLabels, problems: &problems)
            .filter { !projectIDs.contains(TemplateKey.normalize($0.template.id)) }
        return TemplateCatalogue(entries: project + gLabels, problems: problems)
    }

    public init(entries: [Entry], problems: [Problem] = []) {
        self.entries = entries; self.problems = problems
    }

    /// The template for a name such as "L7160", "avery l 7160", "J8160" or
    /// "58x40"; throws `LabelError.templateNotFound` (with suggestions) or
    /// `.ambiguousTemplate`.
    public func template(named name: String) throws -> LabelTemplate {
        try TemplateLookup.find(name, in: [entries.filter { $0.origin == .project }.map(\.template),
                                           entries.filter { $0.origin == .gLabels }.map(\.template)])
    }

    /// Entries matching every word of `text`; all of them for empty text.
    public func search(_ text: String) -> [Entry] {
        let found = Set(TemplateLookup.search(text, in: templates))
        return entries.filter { found.contains($0.template) }
    }

    /// Loads one tier, joining aliases across all its files and dropping
    /// repeated names (the first folder wins).
    private static func tier(_ directories: [URL], origin: Origin, problems: inout [Problem]) -> [Entry] {
        var entries: [Entry] = []
        var aliases: [(TemplateAlias, URL)] = []
        var unsupported: [TemplateName] = []
        var seen = Set<String>()
        for file in directories.flatMap(templateFiles) {
            do {
                let document = try GLabelsDocument(data: try Data(contentsOf: file))
                problems += document.problems.map { Problem(file: file, error: $0) }
                for template in document.templates where seen.insert(TemplateKey.normalize(template.id)).inserted {
                    entries.append(Entry(template: template, origin: origin, file: file))
                }
                aliases += document.aliases.map { ($0, file) }
                unsupported += document.unsupported
            } catch let error as LabelError {
                problems.append(Problem(file: file, error: error))
            } catch {
                problems.append(Problem(file: file, error: .malformedTemplateFile(line: 0, fault: .unreadable)))
            }
        }
        let (joined, unresolved) = TemplateAlias.attach(aliases.map(\.0), to: entries.map(\.template))
        for (index, template) in joined.enumerated() { entries[index].template = template }
        let unresolvedSet = Set(TemplateAlias.dropping(unsupported, from: unresolved))
        for (alias, file) in aliases where unresolvedSet.contains(alias) {
            problems.append(Problem(file: file, error: alias.problem))
        }
        return entries
    }

    /// gLabels keeps paper sizes, vendors and categories beside the templates.
    private static let notTemplates: Set<String> = ["paper-sizes.xml", "categories.xml", "vendors.xml"]

    private static func templateFiles(in directory: URL) -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension.lowercased() == "xml" && !notTemplates.contains($0.lastPathComponent) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
