import Testing
@testable import DarmarkaCore

@Suite("Database location")
struct DatabaseLocationTests {
    func parse(_ text: String) throws -> DatabaseLocation { try DatabaseLocation.parse(text, defaultUser: "anna") }

    func address(_ text: String) throws -> PostgresAddress {
        guard case .postgres(let a) = try parse(text) else { throw DatabaseLocationProblem.badURL(text) }
        return a
    }

    @Test func aPathIsAFileAsAlways() throws {
        #expect(try parse("/var/lib/darmarka/darmarka.sqlite") == .file("/var/lib/darmarka/darmarka.sqlite"))
        #expect(try parse("ledger.sqlite") == .file("ledger.sqlite"))
        // A file whose name merely mentions postgres is still a file.
        #expect(try parse("postgres.sqlite") == .file("postgres.sqlite"))
        #expect(try parse("./postgres://x") == .file("./postgres://x"))
    }

    @Test func aURLNamesUserHostPortAndDatabase() throws {
        let a = try address("postgres://darmarka@db.example.org:6432/ledger")
        #expect(a == PostgresAddress(user: "darmarka", server: .tcp(host: "db.example.org", port: 6432), database: "ledger"))
        #expect(try address("postgresql://darmarka@db.example.org/ledger").server == .tcp(host: "db.example.org", port: 5432))
        #expect(try address("POSTGRES://darmarka@127.0.0.1/ledger").server == .tcp(host: "127.0.0.1", port: 5432))
        #expect(try address("postgres://u@[::1]:5433/d").server == .tcp(host: "::1", port: 5433))
    }

    @Test func missingPartsTakeLibpqsDefaults() throws {
        // No user: the system's user; no database: the user's name.
        #expect(try address("postgres://localhost") == PostgresAddress(user: "anna", server: .tcp(host: "localhost", port: 5432), database: "anna"))
        #expect(try address("postgres://bob@localhost/").database == "bob")
    }

    @Test func aSocketFolderComesAsHostParameter() throws {
        let a = try address("postgres://darmarka@/ledger?host=/var/run/postgresql")
        #expect(a.server == .socket(folder: "/var/run/postgresql", port: 5432))
        #expect(a.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(a.passFileHost == "localhost")
        let b = try address("postgresql://darmarka@localhost:6000/ledger?host=%2Ftmp%2Fpg")
        #expect(b.server == .socket(folder: "/tmp/pg", port: 6000))
        #expect(b.socketPath == "/tmp/pg/.s.PGSQL.6000")
        #expect(b.passFileHost == "/tmp/pg")
    }

    @Test func percentEscapesAreUndone() throws {
        let a = try address("postgres://%D0%B0%D0%BD%D1%8F@h/%D1%83%D1%87%D1%91%D1%82")
        #expect(a.user == "аня")
        #expect(a.database == "учёт")
        #expect(try address(a.description) == a)
    }

    @Test func descriptionReadsBackAsTheSameAddress() throws {
        for text in ["postgres://darmarka@db.example.org:6432/ledger", "postgres://u@/d?host=/run/pg",
                     "postgres://u@:6000/d?host=/run/pg", "postgres://u@[::1]:5433/d", "postgres://u@h:5432/d?sslmode=require"] {
            let a = try address(text)
            #expect(a.description == text)
            #expect(try address(a.description) == a)
        }
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverRepeated() throws {
        for text in ["postgres://darmarka:s3cret-Pw@db/ledger", "postgresql://u:s3cret-Pw@h:5432/d",
                     "postgres://u@h/d?password=s3cret-Pw", "postgres://u:@h/d"] {
            #expect(throws: DatabaseLocationProblem.passwordInURL) { try parse(text) }
        }
        let problem = DatabaseLocationProblem.passwordInURL
        for lang in [Lang.ru, .en] {
            #expect(!problem.text(lang).contains("s3cret"))
            #expect(problem.text(lang).contains("PGPASSWORD"))
            #expect(problem.text(lang).contains("~/.pgpass"))
            #expect(!problem.text(lang).contains("\n"))
        }
    }

    @Test func badURLsSayWhatIsWrong() throws {
        #expect(throws: DatabaseLocationProblem.badPort("54x")) { try parse("postgres://u@h:54x/d") }
        #expect(throws: DatabaseLocationProblem.badPort("70000")) { try parse("postgres://u@h:70000/d") }
        #expect(throws: DatabaseLocationProblem.unknownURLParameter("connect_timeout")) { try parse("postgres://u@h/d?connect_timeout=3") }
        #expect(throws: DatabaseLocationProblem.badTLSMode("verify-full")) { try parse("postgres://u@h/d?sslmode=verify-full") }
        #expect(throws: DatabaseLocationProblem.noHost("postgres://u@/d")) { try parse("postgres://u@/d") }
        #expect(throws: DatabaseLocationProblem.badURL("postgres://u@h/d/e")) { try parse("postgres://u@h/d/e") }
        #expect(throws: DatabaseLocationProblem.badURL("postgres://u@h/%zz")) { try parse("postgres://u@h/%zz") }
    }

    // MARK: .pgpass

    let ledger = PostgresAddress(user: "darmarka", server: .tcp(host: "db.example.org", port: 5432), database: "ledger")

    @Test func theFirstMatchingLineGivesThePassword() {
        let file = """
            # a comment line
            other.example.org:5432:ledger:darmarka:not-this
            db.example.org:5432:ledger:darmarka:first
            db.example.org:5432:ledger:darmarka:second
            """
        #expect(PasswordFile.password(for: ledger, in: file) == "first")
    }

    @Test func starsMatchAnything() {
        #expect(PasswordFile.password(for: ledger, in: "*:*:*:*:any") == "any")
        #expect(PasswordFile.password(for: ledger, in: "db.example.org:*:*:darmarka:host-and-user") == "host-and-user")
        #expect(PasswordFile.password(for: ledger, in: "*:6432:*:*:other-port") == nil)
        #expect(PasswordFile.password(for: ledger, in: "*:*:*:anna:other-user") == nil)
        #expect(PasswordFile.password(for: ledger, in: "*:*:archive:*:other-database") == nil)
    }

    @Test func escapesAreUndoneAndAnEscapedStarIsAStar() {
        let odd = PostgresAddress(user: "a:b", server: .tcp(host: "h", port: 5432), database: "*")
        #expect(PasswordFile.password(for: odd, in: "h:5432:\\*:a\\:b:p\\:w\\\\d") == "p:w\\d")
        // `\*` is a literal star: it matches the database named `*` only.
        #expect(PasswordFile.password(for: ledger, in: "*:*:\\*:*:literal") == nil)
        // A colon in the password need not be escaped: the rest of the line is the password.
        #expect(PasswordFile.password(for: ledger, in: "*:*:*:*:a:b:c") == "a:b:c")
    }

    @Test func shortAndCommentLinesAreSkippedAndCRLFIsRead() {
        #expect(PasswordFile.password(for: ledger, in: "db.example.org:5432:ledger\n#*:*:*:*:commented\r\n*:*:*:*:crlf\r\n") == "crlf")
        #expect(PasswordFile.password(for: ledger, in: "") == nil)
    }

    @Test func aSocketInTheDefaultFolderMatchesLocalhost() {
        let socket = PostgresAddress(user: "darmarka", server: .socket(folder: "/var/run/postgresql", port: 5432), database: "ledger")
        #expect(PasswordFile.password(for: socket, in: "localhost:5432:ledger:darmarka:via-socket") == "via-socket")
        let elsewhere = PostgresAddress(user: "darmarka", server: .socket(folder: "/tmp/pg", port: 5432), database: "ledger")
        #expect(PasswordFile.password(for: elsewhere, in: "localhost:5432:ledger:darmarka:no\n/tmp/pg:5432:ledger:darmarka:yes") == "yes")
    }
}
