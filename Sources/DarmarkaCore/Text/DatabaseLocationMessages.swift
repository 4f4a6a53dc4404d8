/// What can be wrong with where the ledger is said to be (`--db`,
/// `DARMARKA_DB`) and with reaching a PostgreSQL server, in Russian and
/// English. No case carries a password, and none repeats a URL that held one.
public enum DatabaseLocationProblem: UserFacingError, Equatable {
    /// `postgres://user:secret@…`: a password in a URL ends up in shell
    /// history, `ps` and logs, so it is refused rather than used.
    case passwordInURL
    case badURL(String)
    case badPort(String)
    case badTLSMode(String)
    case unknownURLParameter(String)
    case noUser(String)
    case noHost(String)
    /// A command that has no PostgreSQL store yet: `command` is its name.
    case notYetOnPostgres(command: String)
    /// The server could not be reached; `reason` is already in words.
    case cannotConnect(address: String, reason: ConnectionReason)
    /// The server refused the user or the password.
    case refusedLogin(address: String, user: String)
    /// The server said something else; `message` is its own (English) words.
    case serverSaid(address: String, message: String)
    /// `~/.pgpass` can be read by others: libpq ignores such a file, and so does Darmarka.
    case passFileOpen(String)

    public var phrase: Phrase {
        switch self {
        case .passwordInURL:
            Phrase(ru: "Пароль в адресе базы не принимается: уберите его из адреса и задайте в PGPASSWORD или в ~/.pgpass.",
                   en: "A password in the database URL is not accepted: take it out of the URL and set it in PGPASSWORD or ~/.pgpass.")
        case .badURL(let u):
            Phrase(ru: "Адрес базы «\(u)» не понят: пишите postgres://пользователь@сервер:порт/база.",
                   en: "The database URL “\(u)” is not understood: write postgres://user@host:port/database.")
        case .badPort(let p):
            Phrase(ru: "Порт «\(p)» в адресе базы не понят: нужно число от 1 до 65535, обычно 5432.",
                   en: "The port “\(p)” in the database URL is not understood: give a number from 1 to 65535, usually 5432.")
        case .badTLSMode(let m):
            Phrase(ru: "sslmode=\(m) не поддерживается: disable, prefer или require.",
                   en: "sslmode=\(m) is not supported: disable, prefer or require.")
        case .unknownURLParameter(let k):
            Phrase(ru: "Параметр «\(k)» в адресе базы неизвестен: понятны host, port, user, dbname и sslmode.",
                   en: "The parameter “\(k)” in the database URL is unknown: host, port, user, dbname and sslmode are understood.")
        case .noUser(let u):
            Phrase(ru: "В адресе базы «\(u)» нет пользователя: пишите postgres://пользователь@сервер/база.",
                   en: "The database URL “\(u)” names no user: write postgres://user@host/database.")
        case .noHost(let u):
            Phrase(ru: "В адресе базы «\(u)» нет сервера: пишите postgres://пользователь@сервер/база или ?host=/папка/сокета.",
                   en: "The database URL “\(u)” names no server: write postgres://user@host/database or ?host=/socket/folder.")
        case .notYetOnPostgres(let command):
            Phrase(ru: "darmarka \(command) пока не работает с PostgreSQL (готова только darmarka init): укажите файл базы SQLite в --db.",
                   en: "darmarka \(command) does not work with PostgreSQL yet (only darmarka init does): give an SQLite database file in --db.")
        case .cannotConnect(let a, let reason):
            Phrase(ru: "Не удалось подключиться к \(a): \(reason.phrase.ru). Проверьте, что сервер запущен, и адрес.",
                   en: "Could not connect to \(a): \(reason.phrase.en). Check that the server is running, and the URL.")
        case .refusedLogin(let a, let user):
            Phrase(ru: "Сервер \(a) не пустил пользователя \(user): проверьте пароль в PGPASSWORD или ~/.pgpass.",
                   en: "The server \(a) refused the user \(user): check the password in PGPASSWORD or ~/.pgpass.")
        case .serverSaid(let a, let message):
            Phrase(ru: "PostgreSQL (\(a)) ответил ошибкой: \(message)", en: "PostgreSQL (\(a)) answered with an error: \(message)")
        case .passFileOpen(let path):
            Phrase(ru: "Файл паролей \(path) доступен другим и потому не читается: chmod 600 \(path).",
                   en: "The password file \(path) can be read by others, so it is not read: chmod 600 \(path).")
        }
    }
}

/// Why a PostgreSQL server could not be reached, in words.
public enum ConnectionReason: Sendable, Equatable {
    case refused
    case noSuchHost
    case noSocket
    case timedOut
    case tlsFailed
    case closed
    /// Words the system gave that are not among the above.
    case other(String)

    public var phrase: Phrase {
        switch self {
        case .refused: Phrase(ru: "сервер не принимает подключения", en: "the server refuses connections")
        case .noSuchHost: Phrase(ru: "такого сервера нет", en: "no such host")
        case .noSocket: Phrase(ru: "сокета сервера нет в этой папке", en: "the server's socket is not in that folder")
        case .timedOut: Phrase(ru: "сервер не ответил вовремя", en: "the server did not answer in time")
        case .tlsFailed: Phrase(ru: "не удалось установить шифрованное соединение", en: "an encrypted connection could not be made")
        case .closed: Phrase(ru: "сервер закрыл соединение", en: "the server closed the connection")
        case .other(let words): SystemReasons.phrase(words)
        }
    }
}
