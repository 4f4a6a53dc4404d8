import DarmarkaCore
import Foundation

/// Where a PostgreSQL password comes from, as libpq looks: `PGPASSWORD`,
/// else the password file (`PGPASSFILE`, else `~/.pgpass`). Never a URL:
/// DatabaseLocation refuses a URL that holds one.
public enum PostgresPassword {
    /// The password for `address`, or nil when none is set (the server may
    /// not ask for one: a socket with peer login). A password file that
    /// others can read is refused, as libpq ignores it with a warning.
    public static func lookup(for address: PostgresAddress,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(DatabaseLocationProblem) -> String? {
        if let p = environment["PGPASSWORD"], !p.isEmpty { return p }
        let path: String
        if let f = environment["PGPASSFILE"], !f.isEmpty {
            path = f
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            path = (home as NSString).appendingPathComponent(".pgpass")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw .passFileOpen(path)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return PasswordFile.password(for: address, in: text)
    }
}
