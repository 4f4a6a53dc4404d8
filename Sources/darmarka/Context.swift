import ArgumentParser
import DarmarkaKit
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Файл базы или postgres://… / database file or postgres:// URL (else $DARMARKA_DB).")
    var db: String?

    @Option(name: .long, help: "Форма вывода / output form: table, json, csv; отчёты также / reports also md, html, xlsx, pdf.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Язык / language (else from $LANG).")
    var lang: Lang?
}

/// `--excel` for a listing: CSV as Russian Excel opens it.
struct ExcelOption: ParsableArguments {
    @Flag(help: "CSV для Excel: «;», десятичная запятая, названия / CSV for Russian Excel (with --format csv).")
    var excel = false
}

/// What a command needs once its arguments are parsed: the language, the
/// output format and the database.
struct Context {
    let lang: Lang
    let format: Listing.Format
    /// Where the ledger is: a file, or a PostgreSQL database (issue 15).
    let location: DatabaseLocation
    /// CSV for Excel rather than for scripts (`--excel`).
    let excel: Bool

    /// `reportForms`: the command reads `--format` itself (reports have more forms than listings).
    /// `excel`: a listing's `--excel`, which makes `--format csv` the Excel kind (and is CSV alone).
    init(_ options: GlobalOptions, excel: ExcelOption? = nil, reportForms: Bool = false) throws {
        let env = ProcessInfo.processInfo.environment
        lang = options.lang ?? Lang.fromEnvironment(env)
        var format: Listing.Format
        if let f = options.format.listing {
            format = f
        } else if reportForms {
            format = .table
        } else {
            throw LedgerProblem.badFormat(options.format.rawValue)
        }
        if excel?.excel == true {
            guard format != .json else {
                throw LedgerProblem.invalidArguments(CLINote.excelIsForCSV.text(lang))
            }
            // `--excel` alone means CSV: a table for Excel is what was asked.
            format = .csv
        }
        self.format = format
        self.excel = excel?.excel == true
        let given = options.db ?? env["DARMARKA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultDatabasePath()
        location = try DatabaseLocation.parse(given, defaultUser: env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName())
    }

    /// The SQLite file, for a command that has no PostgreSQL store yet:
    /// given a PostgreSQL URL it says so in one line (until PostgreSQL is a back end of the store seam).
    var databasePath: String {
        get throws {
            switch location {
            case .file(let path): return path
            case .postgres: throw DatabaseLocationProblem.notYetOnPostgres(command: Self.commandName())
            }
        }
    }

    /// The command typed, without `darmarka` (`box add`), for messages.
    static func commandName() -> String {
        let path = Darmarka.commandTyped(globalOptionsLast(Array(CommandLine.arguments.dropFirst()))).path
        return path == "darmarka" ? path : String(path.dropFirst("darmarka ".count))
    }

    static func defaultDatabasePath() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/darmarka/darmarka.sqlite"
    }

    /// Lets global options stand before the command too (`darmarka --db F stock`):
    /// ArgumentParser reads them only after it, so they are moved there.
    static func globalOptionsLast(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if ["--db", "--lang", "--format"].contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if ["--db=", "--lang=", "--format="].contains(where: { first.hasPrefix($0) }) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) + leading
    }

    /// The language before arguments are parsed, for parse errors.
    static func language(arguments: [String]) -> Lang {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count, let l = Lang(argument: arguments[i + 1]) { return l }
        if let a = arguments.first(where: { $0.hasPrefix("--lang=") }), let l = Lang(argument: String(a.dropFirst(7))) { return l }
        return Lang.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func store(concurrentReads: Bool = false) throws -> Store {
        try Store.open(path: try databasePath, concurrentReads: concurrentReads)
    }

    func say(_ note: Note) { Console.out(note.text(lang)) }

    func show(_ listing: Listing) {
        if listing.rows.isEmpty && format == .table {
            say(.nothingFound)
        } else {
            Console.out(listing.render(format, lang: lang, excel: excel), terminator: "")
        }
    }

    /// Prints a result: the note in table form, the fields as JSON or CSV.
    func report(_ note: Note, _ fields: [(String, Cell)]) {
        switch format {
        case .table: say(note)
        case .json, .csv:
            let listing = Listing(columns: fields.map { Column.field($0.0) }, rows: [fields.map(\.1)])
            if format == .json {
                Console.out(listing.jsonObjects().joined())
            } else {
                Console.out(listing.csv(lang), terminator: "")
            }
        }
    }

    /// Writes a file that the user named, never over an existing one
    /// unless they said `--force`.
    func write(_ data: [UInt8], to path: String, force: Bool) throws {
        try OutputFile.write(data, to: path, force: force)
    }

    /// Ends with a message on standard error: a line for people, or with
    /// `--format json` an object a script can read (`ErrorJSON`); the exit
    /// status is the same either way. `code` names the problem for scripts.
    static func fail(_ message: String, code: String = "error", status: Int32 = 1) -> Never {
        fflush(nil)
        let line = wantsJSON(CommandLine.arguments) ? ErrorJSON.object(code: code, message: message) : "darmarka: " + message
        Console.err(line)
        Darmarka.exit(withError: ExitCode(status))
    }

    /// Whether `--format json` was asked for, read from the raw arguments:
    /// an error may come before they are parsed.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        for (i, a) in arguments.enumerated() {
            if a == "--format", i + 1 < arguments.count, arguments[i + 1].lowercased() == "json" { return true }
            if a.lowercased() == "--format=json" { return true }
        }
        return false
    }
}

/// Parsers for option values, with messages in the user's language.
enum Parse {
    static func date(_ text: String?, today: LocalDate) throws -> LocalDate {
        guard let text else { return today }
        switch TextKey.normalise(text) {
        case "today", "сегодня": return today
        case "yesterday", "вчера": return today.adding(days: -1)
        default:
            return try LocalDate.read(text)
        }
    }

    static func optionalDate(_ text: String?, today: LocalDate) throws -> LocalDate? {
        guard let text else { return nil }
        return try date(text, today: today)
    }

    /// `--from` and `--to`, each optional; a period that ends before it
    /// starts is refused rather than found empty.
    static func dateRange(from: String?, to: String?, today: LocalDate) throws -> (from: LocalDate?, to: LocalDate?) {
        let range = (from: try optionalDate(from, today: today), to: try optionalDate(to, today: today))
        if let a = range.from, let b = range.to, b < a { throw LedgerProblem.periodBackwards(from: a, to: b) }
        return range
    }

    static func time(_ text: String?) throws -> LocalTime? {
        guard let text else { return nil }
        guard let t = LocalTime.parse(text) else { throw LedgerProblem.badTime(text) }
        return t
    }

    /// A count the user gave for `option`, which must be at least 1.
    static func atLeastOne(_ value: Int, _ option: String) throws -> Int {
        guard value >= 1 else { throw LedgerProblem.notPositive(option: option, value: value) }
        return value
    }

    static func quantity(_ text: String) throws -> Int {
        guard let q = Quantity.parse(text) else { throw LedgerProblem.badQuantity(text) }
        return q
    }

    static func kilograms(_ text: String?) throws -> Grams? {
        guard let text else { return nil }
        guard let g = Grams.parseKilograms(text) else {
            throw Grams.isOverMaximum(text) ? LedgerProblem.weightTooLarge(text) : LedgerProblem.badWeight(text)
        }
        return g
    }

    /// Who logs: `--volunteer`, else $DARMARKA_VOLUNTEER (set once on a shared
    /// laptop), else nobody.
    static func volunteerName(_ given: String?) -> String? {
        let name = (given ?? ProcessInfo.processInfo.environment["DARMARKA_VOLUNTEER"])?.trimmingCharacters(in: .whitespaces)
        return name?.isEmpty == false ? name : nil
    }

    static func movementID(_ text: String) throws -> RowID {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let id = RowID(t.hasPrefix("#") || t.hasPrefix("№") ? String(t.dropFirst()) : t), id > 0 else {
            throw LedgerProblem.unknownMovement(text)
        }
        return id
    }
}
