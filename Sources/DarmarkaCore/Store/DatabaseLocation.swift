/// Where the ledger is: an SQLite file, as it always was, or a PostgreSQL
/// database named by a URL (issue 15). Read from `--db` or `DARMARKA_DB`.
///
/// The value never holds a password: a password is looked up only when a
/// connection is made (`PGPASSWORD`, `~/.pgpass`), so no description, log
/// line or error message made from a location can show one.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case postgres(PostgresAddress)

    /// Reads `--db`'s or `DARMARKA_DB`'s text. Text that starts with
    /// `postgres://` or `postgresql://` is a URL; anything else is a file path.
    /// `defaultUser` is who connects when the URL names no one (libpq takes
    /// the login name of the system's user the same way).
    public static func parse(_ text: String, defaultUser: String) throws(DatabaseLocationProblem) -> DatabaseLocation {
        guard let rest = PostgresAddress.schemeless(text) else { return .file(text) }
        return .postgres(try PostgresAddress.parse(afterScheme: rest, whole: text, defaultUser: defaultUser))
    }

    /// What a message says for this location: the path, or the URL without
    /// any password (there is none to leave out: see the type's comment).
    public var description: String {
        switch self {
        case .file(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL database as a URL names it: who connects, to which server
/// (a host and port, or a Unix socket folder) and which database.
public struct PostgresAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How the server is reached.
    public enum Server: Sendable, Equatable, Hashable {
        case tcp(host: String, port: Int)
        /// The folder holding `.s.PGSQL.PORT`, as libpq's `host=/path`.
        case socket(folder: String, port: Int)
    }

    /// libpq's `sslmode`, as far as Darmarka follows it.
    public enum TLSMode: String, Sendable, Equatable, Hashable, CaseIterable {
        case disable, prefer, require
    }

    /// The role that logs in.
    public var user: String
    /// Where the server listens.
    public var server: Server
    /// The database's name on that server.
    public var database: String
    /// Whether the connection is encrypted (`?sslmode=`; libpq's default, prefer).
    public var tls: TLSMode

    public init(user: String, server: Server, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.server = server
        self.database = database
        self.tls = tls
    }

    public static let defaultPort = 5432

    /// The port, either way the server is reached (`.pgpass` matches on it).
    public var port: Int {
        switch server {
        case .tcp(_, let port), .socket(_, let port): port
        }
    }

    /// The host as `.pgpass` names it. libpq matches a socket in its
    /// default folder as `localhost` and any other socket by its folder.
    public var passFileHost: String {
        switch server {
        case .tcp(let host, _): host
        case .socket(let folder, _):
            ["/var/run/postgresql", "/run/postgresql"].contains(folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
                ? "localhost" : folder
        }
    }

    /// The path of the server's socket file, for a socket connection.
    public var socketPath: String? {
        guard case .socket(let folder, let port) = server else { return nil }
        return (folder.hasSuffix("/") ? folder : folder + "/") + ".s.PGSQL.\(port)"
    }

    /// `postgres://user@host:port/database`, or with `?host=/folder` for a
    /// socket. Never with a password.
    public var description: String {
        let user = Self.encoded(self.user), db = Self.encoded(database)
        var query: [String] = []
        let authority: String
        switch server {
        case .tcp(let host, let port):
            authority = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        case .socket(let folder, let port):
            authority = port == Self.defaultPort ? "" : ":\(port)"
            query.append("host=" + Self.encoded(folder, keeping: "/"))
        }
        if tls != .prefer, case .tcp = server { query.append("sslmode=\(tls.rawValue)") }
        return "postgres://\(user)@\(authority)/\(db)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// The text after `postgres://` or `postgresql://`, or nil for a path.
    static func schemeless(_ text: String) -> Substring? {
        for scheme in ["postgres://", "postgresql://"] {
            if text.count >= scheme.count, text.prefix(scheme.count).lowercased() == scheme {
                return text.dropFirst(scheme.count)
            }
        }
        return nil
    }

    static func parse(afterScheme rest: Substring, whole: String, defaultUser: String) throws(DatabaseLocationProblem) -> PostgresAddress {
        // The password check comes first and looks at the raw text, so that
        // no later message can repeat a URL that holds one.
        let beforeQuery = rest.prefix { $0 != "?" && $0 != "#" }
        let authorityText = beforeQuery.prefix { $0 != "/" }
        var hostPort = authorityText
        var user: String?
        if let at = authorityText.lastIndex(of: "@") {
            let userInfo = authorityText[..<at]
            if userInfo.contains(":") { throw .passwordInURL }
            guard let u = percentDecoded(userInfo), !u.isEmpty else { throw .badURL(whole) }
            user = u
            hostPort = authorityText[authorityText.index(after: at)...]
        }
        if rest.contains("#") { throw .badURL(whole) }

        var host = ""
        var port: Int?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .badURL(whole) }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .badURL(whole) }
                port = try parsePort(after.dropFirst())
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            port = try parsePort(hostPort[hostPort.index(after: colon)...])
        } else {
            host = String(hostPort)
        }
        guard let decodedHost = percentDecoded(Substring(host)) else { throw .badURL(whole) }
        host = decodedHost

        let pathText = beforeQuery.dropFirst(authorityText.count)
        var database = ""
        if !pathText.isEmpty {
            guard let d = percentDecoded(pathText.dropFirst()), !d.contains("/") else { throw .badURL(whole) }
            database = d
        }

        var tls = TLSMode.prefer
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let key = percentDecoded(parts[0]), let value = percentDecoded(parts[1]) else {
                    throw .badURL(whole)
                }
                switch key {
                case "host": host = value
                case "port": port = try parsePort(Substring(value))
                case "user": user = value
                case "dbname": database = value
                case "sslmode":
                    guard let mode = TLSMode(rawValue: value) else { throw .badTLSMode(value) }
                    tls = mode
                case "password": throw .passwordInURL
                default: throw .unknownURLParameter(key)
                }
            }
        }

        let who = user ?? defaultUser
        guard !who.isEmpty else { throw .noUser(whole) }
        if database.isEmpty { database = who } // libpq's default too
        let p = port ?? defaultPort
        let server: Server
        if host.hasPrefix("/") {
            server = .socket(folder: host, port: p)
        } else {
            guard !host.isEmpty else { throw .noHost(whole) }
            server = .tcp(host: host, port: p)
        }
        return PostgresAddress(user: who, server: server, database: database, tls: tls)
    }

    private static func parsePort(_ text: Substring) throws(DatabaseLocationProblem) -> Int {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(text), (1...65535).contains(p) else {
            throw .badPort(String(text))
        }
        return p
    }

    /// `%XX` escapes undone (UTF-8); nil when an escape is broken.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%") {
                guard utf8.count >= 2, let hi = hexValue(utf8[utf8.startIndex]),
                      let lo = hexValue(utf8[utf8.index(after: utf8.startIndex)]) else { return nil }
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Escapes what would end a URL's part early, so that `description`
    /// reads back as the same address.
    static func encoded(_ text: String, keeping extra: String = "") -> String {
        var out = ""
        for b in text.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b.isASCIILetterOrDigit) || "-._~".contains(c) || extra.contains(c) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
