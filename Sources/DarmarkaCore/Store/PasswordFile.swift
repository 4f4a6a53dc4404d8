/// `~/.pgpass`, read as libpq reads it: lines of
/// `host:port:database:user:password`, `*` matching anything in the first
/// four fields, `\:` and `\\` escaping, `#` starting a comment, and the
/// first line that matches winning.
///
/// Pure: the shell reads the file (and refuses one that others can read,
/// as libpq does) and hands its text here.
public enum PasswordFile {
    /// One field of a line: its text with escapes undone, and whether it
    /// was a bare `*` (an escaped `\*` is a literal star).
    struct Field: Equatable {
        var text: String
        var isWildcard: Bool

        func matches(_ value: String) -> Bool { isWildcard || text == value }
    }

    /// One line's fields: host, port, database, user, then the password.
    struct Entry: Equatable {
        var host, port, database, user: Field
        var password: String
    }

    /// The password for `address`, if a line of `text` matches it.
    public static func password(for address: PostgresAddress, in text: String) -> String? {
        let port = String(address.port)
        return entries(text).first {
            $0.host.matches(address.passFileHost) && $0.port.matches(port)
                && $0.database.matches(address.database) && $0.user.matches(address.user)
        }?.password
    }

    /// The lines that have all five fields; others are skipped, as libpq skips them.
    static func entries(_ text: String) -> [Entry] {
        var result: [Entry] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") { continue }
            let fields = split(line)
            guard fields.count >= 5 else { continue }
            // The password is the rest of the line: a colon in it need not be escaped.
            result.append(Entry(host: fields[0], port: fields[1], database: fields[2], user: fields[3],
                                password: fields[4...].map(\.text).joined(separator: ":")))
        }
        return result
    }

    /// Fields split at unescaped colons, escapes undone.
    private static func split(_ line: Substring) -> [Field] {
        var fields: [Field] = []
        var current = ""
        var escapedAny = false
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
                escapedAny = true
            } else if c == ":" {
                fields.append(Field(text: current, isWildcard: current == "*" && !escapedAny))
                current = ""
                escapedAny = false
            } else {
                current.append(c)
            }
        }
        fields.append(Field(text: current, isWildcard: current == "*" && !escapedAny))
        return fields
    }
}
