import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// The power goes out mid-import: SIGKILL `darmarka import` of a large file
/// at random moments. The file is always sound and holds none or all of it.
@Suite("Crash safety", .serialized)
struct CrashTests {
    @Test func killedImportsLeaveNothingOrEverything() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let journal = dir.appendingPathComponent("year.csv")
        let rows = 100_000
        var text = "date,operation,box,category,quantity,weight_kg\n"
        text.reserveCapacity(rows * 48)
        let start = LocalDate(year: 2025, month: 1, day: 1)!
        for i in 0..<rows {
            text += "\(start.adding(days: i * 365 / rows)),intake,\(pre),\(["shoes", "toys", "books", "kids"][i % 4]),\(1 + i % 3),\(i % 5).5\n"
        }
        try text.write(to: journal, atomically: true, encoding: .utf8)
        let before = try Store.open(path: cli.database).read { try $0.ledgerSize().movements }
        // A consistent copy to start again from, should an import finish before its kill.
        let baseline = dir.appendingPathComponent("baseline.sqlite").path
        try Store.open(path: cli.database).backup(to: baseline)
        func reset() throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
            try FileManager.default.copyItem(atPath: baseline, toPath: cli.database)
        }

        // Kill at random moments within the span of a whole import; the span is
        // measured, and shortened whenever an import beats its kill, so the
        // test does not depend on how fast or busy the machine is.
        let clock = ContinuousClock()
        let whole = clock.measure { _ = try? cli.run(["import", journal.path]) }
        var span = Double(whole.components.seconds) + Double(whole.components.attoseconds) / 1e18
        #expect(try Store.open(path: cli.database).read { try $0.ledgerSize().movements } == before + rows)
        try reset()

        var rng = SplitMix64(state: 2026)
        var kills = 0, attempts = 0
        while kills < 20 && attempts < 80 {
            attempts += 1
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", journal.path]
            process.environment = ProcessInfo.processInfo.environment.merging(["DARMARKA_DB": cli.database, "LANG": "en_GB.UTF-8"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: (span * 0.05)...(span * 0.9), using: &rng))
            let killed = process.isRunning
            if killed { kill(process.processIdentifier, SIGKILL); kills += 1 }
            process.waitUntilExit()
            let integrity = try DatabaseQueue(path: cli.database).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
            let count = try Store.open(path: cli.database).read { try $0.ledgerSize().movements }
            #expect(count == before || count == before + rows, "after a kill: \(count - before) of \(rows) rows")
            // An import that finished (perhaps a moment before its kill) is started over.
            if count == before + rows {
                span *= 0.7
                try reset()
            }
        }
        #expect(kills == 20, "\(kills) kills in \(attempts) attempts")
        // The next import completes (or says the file is in already).
        let last = try cli.run(["import", journal.path])
        #expect(last.status == 0, "\(last.stderr)")
        let store = try Store.open(path: cli.database)
        #expect(try store.read { try $0.ledgerSize().movements } == before + rows)
        #expect(try store.read { try $0.verify() } == [])
    }
}
