import Foundation
import Testing
@testable import DarmarkaKit

/// `darmarka init postgres://…` and what the other commands say about a
/// PostgreSQL URL, through the built binary as a user runs it. The password
/// is checked for in everything each run printed.
@Suite("PostgreSQL init (CLI)", .enabled(if: PostgresTestServer.configured))
struct PostgresInitCLITests {
    /// The password the test role logs in with (PGPASSWORD or ~/.pgpass).
    static func password(_ a: PostgresAddress) throws -> String {
        guard let p = try PostgresPassword.lookup(for: a), !p.isEmpty else {
            throw LedgerProblem.unexpected("no password for the test server in PGPASSWORD or ~/.pgpass")
        }
        return p
    }

    /// Runs the binary on `url` and requires that no output holds `secret`.
    static func run(_ url: String, _ arguments: [String], secret: String, environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        var cli = CLI(database: url)
        cli.lang = "en_GB.UTF-8"
        let result = try cli.run(arguments, environment: environment)
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret),
                "the password was printed by \(arguments)", sourceLocation: sourceLocation)
        return result
    }

    /// What SQLite's init prints for `arguments` on a file in `state`, with the path as `PLACE`.
    static func sqliteSays(_ arguments: [String], existing: String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        var cli = CLI(database: path)
        cli.lang = "en_GB.UTF-8"
        if existing == "darmarka" { try cli.run(["init"]) }
        if existing == "other" { try Data("not a ledger".utf8).write(to: URL(fileURLWithPath: path)) }
        let r = try cli.run(arguments)
        return (r.stdout + r.stderr).replacingOccurrences(of: path, with: "PLACE")
    }

    @Test func initCreatesTheSchemaInAnEmptyDatabaseAndSaysAlreadyInitialisedAfter() async throws {
        try await PostgresTestServer.withDatabase("init") { a in
            let secret = try Self.password(a)
            let url = a.description
            let first = try Self.run(url, ["init", "--timezone", "Europe/Moscow", "--organisation", "Дармарка"], secret: secret)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.replacingOccurrences(of: url, with: "PLACE")
                    == (try Self.sqliteSays(["init", "--timezone", "Europe/Moscow"], existing: nil)))
            let contents = try await PostgresLink.with(a, PostgresLedger.contents)
            #expect(contents == .darmarka(applied: PostgresMigrations.steps.map(\.identifier).sorted()))
            let settings = try await PostgresLink.with(a) {
                try await $0.texts("SELECT key, value FROM setting WHERE key <> 'created_at' ORDER BY key")
            }
            #expect(settings == [["organisation", "Дармарка"], ["timezone", "Europe/Moscow"]])

            let again = try Self.run(url, ["init"], secret: secret)
            #expect(again.status == 1)
            #expect(again.stderr.replacingOccurrences(of: url, with: "PLACE") == (try Self.sqliteSays(["init"], existing: "darmarka")))
            #expect(again.stderr.contains("exists already"))

            let json = try Self.run(url, ["init", "--format", "json"], secret: secret)
            #expect(json.status == 1)
            #expect(json.stderr.contains("\"alreadyInitialised\""))
        }
    }

    @Test func initLeavesADatabaseOfAnotherApplicationAlone() async throws {
        try await PostgresTestServer.withDatabase("foreign") { a in
            let secret = try Self.password(a)
            try await PostgresLink.with(a) { try await $0.execute("CREATE TABLE invoice (id integer PRIMARY KEY, total numeric)") }
            let r = try Self.run(a.description, ["init"], secret: secret)
            #expect(r.status == 1)
            #expect(r.stderr.replacingOccurrences(of: a.description, with: "PLACE") == (try Self.sqliteSays(["init"], existing: "other")))
            #expect(r.stderr.contains("is not a Darmarka database"))
            // Nothing was written: only the other application's table is there.
            let tables = try await PostgresLink.with(a) {
                try await $0.texts("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()")
            }
            #expect(tables == [["invoice"]])
        }
    }

    @Test func otherCommandsSayInOneLineThatPostgreSQLIsNotReadyForThem() async throws {
        try await PostgresTestServer.withDatabase("notyet") { a in
            let secret = try Self.password(a)
            #expect(try Self.run(a.description, ["init"], secret: secret).status == 0)
            for (arguments, name) in [(["stock"], "stock"), (["box", "list"], "box list"), (["history"], "history"),
                                      (["restore", "/tmp/none.sqlite"], "restore"), (["--db", a.description, "check"], "check")] {
                let r = try Self.run(a.description, arguments, secret: secret)
                #expect(r.status == 1)
                #expect(r.stderr == "darmarka: " + DatabaseLocationProblem.notYetOnPostgres(command: name).text(.en) + "\n")
            }
        }
    }

    @Test func thePasswordComesFromPGPASSWORDOrPgpassAndIsNeverPrinted() async throws {
        try await PostgresTestServer.withDatabase("secret") { a in
            let secret = try Self.password(a)
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-pg-home-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: home) }
            let pgpass = home.appendingPathComponent(".pgpass").path
            let noEnvPassword = ["PGPASSWORD": "", "PGPASSFILE": "", "HOME": home.path]

            // A password in the URL: refused before anything connects, and not repeated.
            let withPassword = a.description.replacingOccurrences(of: "postgres://\(a.user)@", with: "postgres://\(a.user):\(secret)@")
            let refused = try Self.run(withPassword, ["init"], secret: secret)
            #expect(refused.status == 1)
            #expect(refused.stderr == "darmarka: " + DatabaseLocationProblem.passwordInURL.text(.en) + "\n")

            // A wrong password: the server refuses, and neither password is shown.
            let wrong = "Wrong-\(UUID().uuidString)"
            let bad = try Self.run(a.description, ["init"], secret: secret, environment: ["PGPASSWORD": wrong])
            #expect(bad.status == 1)
            #expect(!bad.stderr.contains(wrong))
            #expect(bad.stderr == "darmarka: " + DatabaseLocationProblem.refusedLogin(address: a.description, user: a.user).text(.en) + "\n")

            // ~/.pgpass that others can read is refused, as libpq ignores it.
            try "*:*:*:\(a.user):\(secret)\n".write(toFile: pgpass, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pgpass)
            let open = try Self.run(a.description, ["init"], secret: secret, environment: noEnvPassword)
            #expect(open.status == 1)
            #expect(open.stderr == "darmarka: " + DatabaseLocationProblem.passFileOpen(pgpass).text(.en) + "\n")

            // ~/.pgpass readable by its owner only: init works through it.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass)
            let viaFile = try Self.run(a.description, ["init", "--format", "json"], secret: secret, environment: noEnvPassword)
            #expect(viaFile.status == 0, "\(viaFile.stderr)")
            #expect(viaFile.stdout.contains(a.description.replacingOccurrences(of: "/", with: "\\/"))
                    || viaFile.stdout.contains(a.description))
            // No password at all: the server asks for one and the user is told where to put it.
            let none = try Self.run(a.description, ["init"], secret: secret, environment: ["PGPASSWORD": "", "PGPASSFILE": "", "HOME": "/nonexistent"])
            #expect(none.status == 1)
            #expect(none.stderr.contains("PGPASSWORD"))
        }
    }

    @Test func aServerThatIsNotThereIsSaidInOneLine() throws {
        var a = try PostgresTestServer.address()
        // A port nothing listens on: the kernel's choice, closed again.
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        close(s)
        a.server = .tcp(host: "127.0.0.1", port: Int(UInt16(bigEndian: addr.sin_port)))
        let r = try Self.run(a.description, ["init"], secret: "unused-\(UUID().uuidString)")
        #expect(r.status == 1)
        #expect(r.stderr == "darmarka: " + DatabaseLocationProblem.cannotConnect(address: a.description, reason: .refused).text(.en) + "\n")
    }
}
