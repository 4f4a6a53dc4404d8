import Foundation
import Testing
@testable import DarmarkaKit

/// The PostgreSQL server the tests use: `DARMARKA_TEST_POSTGRES`, which
/// scripts/test sets to a throwaway cluster (scripts/lib/postgres.sh), with
/// the password in PGPASSWORD.
///
/// Unset — a plain `swift test` on a developer's machine — the PostgreSQL
/// tests are skipped. Set, they run, and a server that cannot be reached
/// fails them: scripts/test must never pass without PostgreSQL.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["DARMARKA_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// For `.enabled(if:)`.
    static var configured: Bool { url != nil }

    /// The server's address from the variable.
    static func address() throws -> PostgresAddress {
        guard let url, case .postgres(let a) = try DatabaseLocation.parse(url, defaultUser: NSUserName()) else {
            throw LedgerProblem.unexpected("DARMARKA_TEST_POSTGRES is not a postgres:// URL")
        }
        return a
    }

    /// A new, empty database for one test, dropped by `drop`.
    static func freshDatabase(_ label: String) async throws -> PostgresAddress {
        var a = try address()
        let name = "dk_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresLink.with(a) { try await $0.execute("CREATE DATABASE \(name)") }
        a.database = name
        return a
    }

    static func drop(_ address: PostgresAddress) async throws {
        var a = address
        let name = a.database
        a.database = try self.address().database
        // Not WITH (FORCE): that would signal an autovacuum worker, which the
        // test role may not. A plain DROP waits for autovacuum itself; a
        // backend of a client that has just disconnected can take a moment
        // to go (55006, object in use), so it is tried a few times.
        try await PostgresLink.with(a) { admin in
            for attempt in 1... {
                do {
                    try await admin.execute("DROP DATABASE IF EXISTS \(name)")
                    return
                } catch let error as ServerError where error.sqlState == "55006" && attempt < 50 {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
    }

    /// Runs `body` on a fresh database, dropped afterwards whatever happens.
    static func withDatabase<T: Sendable>(_ label: String, _ body: (PostgresAddress) async throws -> T) async throws -> T {
        let a = try await freshDatabase(label)
        do {
            let result = try await body(a)
            try await drop(a)
            return result
        } catch {
            try? await drop(a)
            throw error
        }
    }

    /// Runs `body` with a connection to a fresh database.
    static func withLink<T: Sendable>(_ label: String, _ body: (PostgresLink) async throws -> T) async throws -> T {
        try await withDatabase(label) { try await PostgresLink.with($0, body) }
    }

    /// `psql` applying a file, as a person would apply schema-postgresql.sql:
    /// PostgreSQL's own client, not our code, reads the file.
    static func psql(file: String, into address: PostgresAddress) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", address.user, "-d", address.database, "-f", file]
        switch address.server {
        case .tcp(let host, let port): arguments += ["-h", host, "-p", String(port)]
        case .socket(let folder, let port): arguments += ["-h", folder, "-p", String(port)]
        }
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LedgerProblem.unexpected("psql -f \(file): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
