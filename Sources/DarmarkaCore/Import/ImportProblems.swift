/// A problem that stops the whole import: the file cannot be read as a
/// journal. `line` is the physical line it was found on, if any.
public struct ImportError: UserFacingError, Equatable {
    public let line: Int?
    public let messages: [ImportMessage]

    public init(line: Int?, _ message: ImportMessage) {
        self.init(line: line, messages: [message])
    }

    public init(line: Int?, messages: [ImportMessage]) {
        self.line = line
        self.messages = messages
    }

    public var phrase: Phrase {
        messages.map(\.phrase).dropFirst().reduce(messages.first?.phrase ?? .same("")) { .joined($0, $1, separator: "; ") }
    }

    /// `journal.csv:7: what is wrong`, as compilers write it.
    public func text(file: String, lang: Lang) -> String {
        (line.map { "\(file):\($0): " } ?? "\(file): ") + phrase.text(lang)
    }
}

/// One thing wrong with one row of a journal.
public struct JournalProblem: Sendable, Equatable, Localized {
    /// The physical line the row starts on.
    public let line: Int
    /// The column it is about, or nil when it is about the whole row.
    public let field: JournalField?
    /// That column's name as the file's header writes it.
    public let column: String?
    public let message: ImportMessage

    public init(line: Int, field: JournalField?, column: String?, message: ImportMessage) {
        self.line = line
        self.field = field
        self.column = column
        self.message = message
    }

    public var phrase: Phrase { message.phrase }

    /// `journal.csv:14: количество: what is wrong`.
    public func text(file: String, lang: Lang) -> String {
        "\(file):\(line): " + (column.map { "\($0): " } ?? "") + phrase.text(lang)
    }
}

/// Why a row was not read: all its problems at once, so that a person can
/// fix them in one pass.
public struct JournalRowError: Error, Sendable, Equatable {
    public let line: Int
    public let problems: [JournalProblem]
}
