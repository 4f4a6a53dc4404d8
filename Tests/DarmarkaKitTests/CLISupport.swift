import Foundation
@testable import DarmarkaKit

/// Runs the built `darmarka` binary as a user would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darmarka")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/darmarka")
    }()

    let database: String
    var lang = "ru_RU.UTF-8"

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DARMARKA_DB"] = database
        env["LANG"] = lang
        env["LC_ALL"] = nil
        env["DARMARKA_LANG"] = nil
        env["DARMARKA_VOLUNTEER"] = nil
        env.merge(environment) { _, given in given }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    /// A database with the project's two centres and a box at each.
    static func withDemo() throws -> (CLI, pre: String, mat: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cli = CLI(database: dir.appendingPathComponent("cli.sqlite").path)
        try cli.run(["init"])
        try cli.run(["centre", "add", "--code", "PRE", "--name", "Соседский центр «Преображенский»"])
        try cli.run(["centre", "add", "--code", "MAT", "--name", "Соседский центр «Матмасы»"])
        let pre = try cli.run(["box", "add", "--centre", "PRE", "--format", "json"])
        let mat = try cli.run(["box", "add", "--centre", "MAT", "--format", "json"])
        return (cli, try code(pre.stdout), try code(mat.stdout))
    }

    /// Imports `count` intakes into `box`, `quantity(i)` items each, spread
    /// over the first `days` days of November 2026: a ledger of some size
    /// in one process.
    @discardableResult
    func importIntakes(_ count: Int, into box: String, days: Int, quantity: (Int) -> Int = { _ in 1 }) throws -> Result {
        var journal = "date,operation,box,category,quantity\n"
        for i in 0 ..< count { journal += "2026-11-\(String(format: "%02d", 1 + i % days)),intake,\(box),shoes,\(quantity(i))\n" }
        let path = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("intakes.csv").path
        try journal.write(toFile: path, atomically: true, encoding: .utf8)
        return try run(["import", path])
    }

    static func code(_ json: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["code"] as? String ?? ""
    }
}
