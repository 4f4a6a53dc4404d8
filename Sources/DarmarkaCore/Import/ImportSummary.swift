/// What a file brings in: movements, or the reference data they name.
public enum ImportKind: String, CaseIterable, Sendable {
    case journal, boxes, recipients, events

    /// Reads `--kind`: `journal`, `boxes`, `recipients`, `events`, also in Russian.
    public init?(argument: String) {
        switch TextKey.normalise(argument) {
        case "journal", "журнал": self = .journal
        case "boxes", "box", "боксы": self = .boxes
        case "recipients", "recipient", "получатели": self = .recipients
        case "events", "event", "мероприятия": self = .events
        default: return nil
        }
    }
}

/// A file imported before, as `import_batch` remembers it.
public struct ImportBatchInfo: Sendable, Equatable {
    public var id: RowID
    public var fileName: String
    public var kind: String
    public var rows: Int
    /// UTC, as stored.
    public var importedAt: String

    public init(id: RowID, fileName: String, kind: String, rows: Int, importedAt: String) {
        self.id = id; self.fileName = fileName; self.kind = kind; self.rows = rows; self.importedAt = importedAt
    }
}

/// What an import did (or, in a trial, would do).
public struct ImportSummary: Sendable, Equatable {
    /// Movements and lines of one kind, and what they moved.
    public struct Totals: Sendable, Equatable {
        public var movements = 0
        public var lines = 0
        public var items = 0
        public var grams: Int64 = 0
        public init() {}
    }

    public var file: String
    public var kind: ImportKind
    public var dryRun: Bool
    /// Data rows read, blank rows aside.
    public var rowsRead = 0
    /// Rows a batch brought in before: skipped, not imported twice.
    public var skipped = 0
    /// Journal: what was written per operation.
    public var written: [JournalOperation: Totals] = [:]
    public var recipientsRegistered = 0
    public var eventsCreated = 0
    public var volunteersAdded = 0
    /// Reference files: boxes, centres, recipients or events registered.
    public var boxesRegistered = 0
    public var centresAdded = 0
    /// Reference rows describing what the database has already.
    public var alreadyThere = 0
    public var seconds = 0.0
    /// Header cells that name no known column: their values were skipped.
    public var ignoredColumns: [String] = []
    /// The batch recorded, unless in a trial.
    public var batch: RowID?
    /// Journal: the codes of the recipients registered, as first written, in
    /// the file's order: a typo among them shows before the month is reported.
    public var newRecipientCodes: [String] = []
    /// Movements of the ledger that rows naming them corrected: undone and
    /// recorded again as the rows say.
    public var corrected = 0
    /// The first corrections, to show as before → after.
    public var corrections: [ImportCorrection] = []

    public init(file: String, kind: ImportKind, dryRun: Bool) {
        self.file = file; self.kind = kind; self.dryRun = dryRun
    }

    /// Rows that became movement lines (journal) or records (reference files).
    public var rowsImported: Int {
        switch kind {
        case .journal: written.values.reduce(0) { $0 + $1.lines }
        case .boxes: boxesRegistered
        case .recipients: recipientsRegistered
        case .events: eventsCreated
        }
    }

    /// Movements written, whatever their operation.
    public var movements: Int { written.values.reduce(0) { $0 + $1.movements } }
}

/// An operation as the journal names it: adjustments by their side, since
/// a surplus and a shortage mean opposite things to people.
public enum JournalOperation: Int, CaseIterable, Sendable, Comparable {
    case intake, handout, transfer, writeoff, surplus, shortage

    /// The operation of a row: its kind, and for an adjustment its side.
    public init(_ kind: MovementKind, side: AdjustmentSide?) {
        switch kind {
        case .intake: self = .intake
        case .handout: self = .handout
        case .transfer: self = .transfer
        case .writeoff: self = .writeoff
        case .adjustment: self = side == .shortage ? .shortage : .surplus
        }
    }

    /// The word people use for it.
    public var phrase: Phrase {
        switch self {
        case .intake: MovementKind.intake.phrase
        case .handout: MovementKind.handout.phrase
        case .transfer: MovementKind.transfer.phrase
        case .writeoff: MovementKind.writeoff.phrase
        case .surplus: AdjustmentSide.surplus.phrase
        case .shortage: AdjustmentSide.shortage.phrase
        }
    }

    public static func < (a: JournalOperation, b: JournalOperation) -> Bool { a.rawValue < b.rawValue }
}

/// Why an import was refused: every problem found, up to a limit, by line.
public struct ImportRefusal: Sendable, Equatable {
    public var file: String
    public var problems: [JournalProblem]
    /// Problems found beyond the limit, not listed.
    public var more: Int
    public var rowsRead: Int

    public init(file: String, problems: [JournalProblem], more: Int, rowsRead: Int) {
        self.file = file; self.problems = problems; self.more = more; self.rowsRead = rowsRead
    }

    /// All problems found, listed or not.
    public var count: Int { problems.count + more }
}

/// What came of `darmarka import`.
public enum ImportOutcome: Sendable, Equatable {
    /// Imported, or checked in a trial run (`summary.dryRun`).
    case imported(ImportSummary)
    /// Something is wrong: nothing was imported.
    case refused(ImportRefusal)
    /// A file with the same SHA-256 was imported before.
    case sameFile(file: String, ImportBatchInfo)
    /// Every row was imported before (from another file, or this one saved again).
    case nothingNew(ImportSummary)
}

/// Collects problems in the order they are found, keeping the first `limit`
/// and counting the rest, so a file full of mistakes takes bounded memory.
public struct ProblemList: Sendable {
    public private(set) var kept: [JournalProblem] = []
    public private(set) var more = 0
    public let limit: Int

    public init(limit: Int) { self.limit = max(1, limit) }

    public var isEmpty: Bool { kept.isEmpty && more == 0 }

    /// Keeps the problem, or counts it when the list is full.
    public mutating func add(_ problem: JournalProblem) {
        if kept.count < limit { kept.append(problem) } else { more += 1 }
    }

    /// Adds each of a row's problems.
    public mutating func add(_ problems: [JournalProblem]) {
        for p in problems { add(p) }
    }

    /// The refusal to show: the kept problems by line, as found within a line.
    public func refusal(file: String, rowsRead: Int) -> ImportRefusal {
        let sorted = kept.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return ImportRefusal(file: file, problems: sorted, more: more, rowsRead: rowsRead)
    }
}
