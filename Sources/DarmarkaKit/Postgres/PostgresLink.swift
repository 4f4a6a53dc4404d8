import DarmarkaCore
import Foundation
import Logging
import PostgresNIO

/// One connection to a PostgreSQL server, opened from a `PostgresAddress`
/// (issue 15): the password looked up as libpq does, and every failure
/// turned into a one-line `DatabaseLocationProblem`.
///
/// A thin wrapper over postgres-nio's `PostgresConnection`, so that the
/// rest of Darmarka names neither postgres-nio's types nor its errors,
/// whose texts are English and, for server errors, generic on purpose.
public final class PostgresLink: Sendable {
    /// The database this connection is to.
    public let address: PostgresAddress
    let connection: PostgresConnection

    /// Nothing is logged: a log line is one more place a secret could end up,
    /// and failures reach the user as problems instead.
    static let logger = Logger(label: "darmarka.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(address: PostgresAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    /// Connects and logs in, with the password from PGPASSWORD or the password file.
    public static func connect(_ address: PostgresAddress,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> PostgresLink {
        let secret = try PostgresPassword.lookup(for: address, environment: environment)
        var configuration: PostgresConnection.Configuration
        switch address.server {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: address.user, password: secret,
                                  database: address.database, tls: try tls(address))
        case .socket:
            configuration = .init(unixSocketPath: address.socketPath ?? "", username: address.user, password: secret,
                                  database: address.database)
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return PostgresLink(address: address, connection: connection)
        } catch {
            throw problem(error, address: address)
        }
    }

    /// Runs `body` on a new connection and closes it afterwards, however
    /// `body` ends: postgres-nio requires every connection to be closed.
    public static func with<T: Sendable>(_ address: PostgresAddress, _ body: (PostgresLink) async throws -> T) async throws -> T {
        let link = try await connect(address)
        do {
            let result = try await body(link)
            await link.close()
            return result
        } catch {
            await link.close()
            throw error
        }
    }

    /// Connects to the database a URL (or path-less text) names.
    public static func connect(url: String, defaultUser: String = NSUserName()) async throws -> PostgresLink {
        guard case .postgres(let address) = try DatabaseLocation.parse(url, defaultUser: defaultUser) else {
            throw DatabaseLocationProblem.badURL(url)
        }
        return try await connect(address)
    }

    /// libpq's sslmode as postgres-nio's: `prefer` falls back to plain
    /// text when the server has no TLS, `require` refuses to.
    private static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        let mode = address.tls
        switch mode {
        case .disable: return .disable
        case .prefer, .require:
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                return mode == .require ? .require(context) : .prefer(context)
            } catch {
                throw DatabaseLocationProblem.cannotConnect(address: address.description, reason: .tlsFailed)
            }
        }
    }

    /// Runs one statement (postgres-nio's extended protocol takes one at a time).
    public func execute(_ sql: String) async throws {
        try await run(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs one query and collects its rows.
    @discardableResult
    public func run(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await connection.query(query, logger: Self.logger).collect()
        } catch {
            throw Self.problem(error, address: address)
        }
    }

    /// Runs one statement and gives each row's cells as text (NULL as nil):
    /// for catalogue reads and tests, which cast what they select to `text`.
    public func texts(_ sql: String) async throws -> [[String?]] {
        let rows = try await run(PostgresQuery(unsafeSQL: sql))
        do {
            return try rows.map { row in try row.map { try $0.decode(String?.self) } }
        } catch {
            throw LedgerProblem.unexpected("a PostgreSQL value was not text: \(error)")
        }
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    public func transaction<T: Sendable>(_ body: (PostgresLink) async throws -> T) async throws -> T {
        try await execute("BEGIN")
        do {
            let value = try await body(self)
            try await execute("COMMIT")
            return value
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    /// Closes the connection; a failure to close leaves nothing to do.
    public func close() async {
        try? await connection.close()
    }

    /// The server's error code (SQLSTATE) of an error a query threw, if it was the server's.
    public static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A postgres-nio error in words. A server's message is its own
    /// (PostgreSQL words it in English unless lc_messages says otherwise).
    static func problem(_ error: any Error, address: PostgresAddress) -> any Error {
        if error is DatabaseLocationProblem || error is LedgerProblem { return error }
        let shown = address.description
        guard let e = error as? PSQLError else {
            return DatabaseLocationProblem.cannotConnect(address: shown, reason: reason(error))
        }
        switch e.code {
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            // 28P01 wrong password, 28000 no such role or no pg_hba line.
            if state.hasPrefix("28") { return DatabaseLocationProblem.refusedLogin(address: shown, user: address.user) }
            return ServerError(address: shown, sqlState: state, message: e.serverInfo?[.message] ?? state)
        case .authMechanismRequiresPassword, .saslError, .unsupportedAuthMechanism:
            return DatabaseLocationProblem.refusedLogin(address: shown, user: address.user)
        case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return DatabaseLocationProblem.cannotConnect(address: shown, reason: .tlsFailed)
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return DatabaseLocationProblem.cannotConnect(address: shown, reason: .closed)
        case .connectionError:
            return DatabaseLocationProblem.cannotConnect(address: shown, reason: e.underlying.map(reason) ?? .refused)
        default:
            return DatabaseLocationProblem.serverSaid(address: shown, message: "\(e.code)")
        }
    }

    /// Why a connection failed, from NIO's error.
    static func reason(_ error: any Error) -> ConnectionReason {
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .refused
            case ENOENT: return .noSocket
            case ETIMEDOUT: return .timedOut
            default: return .other(String(cString: strerror(io.errnoCode)))
            }
        }
        if let c = error as? ChannelError, case .connectTimeout = c { return .timedOut }
        if error is NIOConnectionError {
            let nested = (error as? NIOConnectionError)?.connectionErrors.first?.error
            if let nested { return reason(nested) }
            return .noSuchHost
        }
        let text = "\(error)"
        if text.contains("ECONNREFUSED") || text.lowercased().contains("connection refused") { return .refused }
        if text.contains("ENOENT") || text.lowercased().contains("no such file") { return .noSocket }
        if text.lowercased().contains("resolve") || text.contains("EAI_") { return .noSuchHost }
        return .other(text)
    }
}

/// An error the server raised for a statement: its SQLSTATE and message.
/// A trigger's refusal of a change to the ledger arrives as one (23001).
public struct ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database, as `PostgresAddress.description` shows it (no password).
    public let address: String
    /// PostgreSQL's five-character error code: 23001 for a guarding trigger's refusal.
    public let sqlState: String
    /// The server's own words.
    public let message: String

    public var description: String { "\(sqlState): \(message)" }
}

extension ServerError: UserFacingError {
    public var phrase: Phrase { DatabaseLocationProblem.serverSaid(address: address, message: message).phrase }
}
