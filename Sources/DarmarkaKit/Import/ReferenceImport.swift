import DarmarkaCore
import Foundation

/// Imports reference data — boxes, recipients, events — from CSV, the way
/// `JournalImport` imports a journal: every row checked first, the whole
/// file in one transaction or nothing, the same file never twice.
///
/// Rows describing what the database has already (the same box code at the
/// same centre, the same recipient, the same event) are counted and left
/// alone, so a file that grew can be imported again; a row that contradicts
/// the database is a problem, since an import never changes what is there.
public enum ReferenceImport {
    /// Imports the file at `path` as `kind`; `name` is how messages call it.
    /// Throws `ImportError` when the file cannot be read as that kind at all.
    public static func run(_ store: Store, kind: ImportKind, path: String, name: String? = nil,
                           options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        guard kind != .journal else { return try JournalImport.run(store, path: path, name: name, options: options) }
        let clock = ContinuousClock()
        let start = clock.now
        var named = name ?? path
        let bytes = try FileByteSource(path: path)
        var reading: any ByteSource = bytes
        var csvOptions = options.csv
        // A workbook's sheet is read as the CSV file of the same rows, each
        // on the line of its row number: messages say `FILE:SHEET:ROW`.
        if try JournalFile.isWorkbook(path) {
            let (sheet, rows) = try JournalFile.sheet(of: bytes, path: path, named: options.sheet)
            reading = MemoryByteSource(JournalFile.csv(rows))
            csvOptions.encoding = .utf8
            csvOptions.delimiter = .comma
            named += ":" + sheet
        }
        let file = named, source = reading, csv = csvOptions
        // The batch and its fingerprints are kept by SQLite's import session
        // so far; the rows themselves go through the seam as `record` does.
        return try store.sqlite(for: "import").write({ (tx: SQLiteLedger) throws -> ImportOutcome in
            let reader = try ReferenceReader(source: source, kind: kind, options: csv)
            let session = try ImportSession(tx: tx, kind: kind, fileName: file)
            var importer = ReferenceApplier(tx: LedgerTransaction(tx), reader: reader, options: options, file: file)
            importer.summary.ignoredColumns = reader.unknown
            while let record = try reader.next() {
                importer.summary.rowsRead += 1
                do {
                    switch kind {
                    case .boxes: try importer.box(record)
                    case .recipients: try importer.recipient(record)
                    case .events: try importer.event(record)
                    case .journal: break
                    }
                } catch let problem as LedgerProblem {
                    importer.problems.add(JournalProblem(line: record.line, field: nil, column: nil, message: .refused(problem)))
                }
            }
            try reader.readToEnd()
            let digest = bytes.sha256
            if let batch = try session.batch(digest: digest) { return .sameFile(file: file, batch) }
            guard importer.problems.isEmpty else {
                return .refused(importer.problems.refusal(file: file, rowsRead: importer.summary.rowsRead))
            }
            var summary = importer.summary
            summary.skipped = summary.alreadyThere
            guard summary.rowsImported > 0 else { return .nothingNew(summary) }
            try session.finish(digest: digest, rows: summary.rowsImported)
            summary.batch = options.dryRun ? nil : session.batchID
            return .imported(summary)
        }, keep: { (outcome: ImportOutcome) in
            if case .imported(let summary) = outcome { return !summary.dryRun }
            return false
        }).timed(since: start, clock)
    }
}

/// The checks and writes of one reference file. Rows are written as they
/// come even after a problem — the transaction is rolled back anyway — so
/// that a centre created by one row is there for the next.
struct ReferenceApplier {
    let tx: LedgerTransaction
    let reader: ReferenceReader
    var problems: ProblemList
    var summary: ImportSummary
    /// Where each code or name was first seen in the file.
    private var seen: [String: Int] = [:]
    private var groups: CategoryMatcher?

    init(tx: LedgerTransaction, reader: ReferenceReader, options: ImportOptions, file: String) {
        self.tx = tx
        self.reader = reader
        problems = ProblemList(limit: options.problemLimit)
        summary = ImportSummary(file: file, kind: reader.kind, dryRun: options.dryRun)
    }

    private mutating func report(_ line: Int, _ field: ReferenceField, _ message: ImportMessage) {
        problems.add(JournalProblem(line: line, field: nil, column: reader.title(of: field), message: message))
    }

    /// Whether `key` was on an earlier line; reports it if so.
    private mutating func repeated(_ key: String, shown: String, line: Int, field: ReferenceField) -> Bool {
        if let first = seen[key] {
            report(line, field, .codeRepeated(shown, line: first))
            return true
        }
        seen[key] = line
        return false
    }

    mutating func box(_ record: ReferenceRecord) throws {
        let row: BoxRecord
        switch ReferenceRows.box(record, titles: reader.title(of:)) {
        case .success(let r): row = r
        case .failure(let e): problems.add(e.problems); return
        }
        if let code = row.code, repeated(code.description, shown: code.description, line: row.line, field: .code) { return }
        let centre: Centre
        if let known = try tx.centre(matching: row.centre) {
            centre = known
        } else if let name = row.centreName {
            do {
                centre = try tx.addCentre(code: row.centre, name: name, address: nil)
                summary.centresAdded += 1
            } catch LedgerProblem.badCentreCode(let code) {
                report(row.line, .centre, .badCentreCode(code))
                return
            }
        } else {
            report(row.line, .centre, .unknownCentre(row.centre))
            return
        }
        if let code = row.code {
            if let box = try tx.boxWithCode(code) {
                if box.centreID == centre.id { summary.alreadyThere += 1 } else {
                    report(row.line, .code, .boxElsewhere(code: code.description, centre: box.centreCode))
                }
                return
            }
            if try !tx.isIssued(code) { try tx.adoptCode(code, centre: centre) }
        } else if let name = row.name, try tx.boxes(centre: centre).contains(where: { TextKey.normalise($0.name ?? "") == TextKey.normalise(name) }) {
            // Without a code, a box is known by its name at its centre: a list
            // that grew, imported again, does not add its boxes twice.
            summary.alreadyThere += 1
            return
        }
        _ = try tx.addBox(centre: centre, name: row.name, kind: row.kind, claiming: row.code)
        summary.boxesRegistered += 1
    }

    mutating func recipient(_ record: ReferenceRecord) throws {
        let row: RecipientRecord
        switch ReferenceRows.recipient(record, titles: reader.title(of:)) {
        case .success(let r): row = r
        case .failure(let e): problems.add(e.problems); return
        }
        guard let code = try? LedgerTransaction.recipientCode(row.code) else {
            report(row.line, .code, .badRecipientCode(row.code))
            return
        }
        // `ТД42` below `ТД-042` is the same card again.
        if repeated(RecipientCodes.key(code), shown: code, line: row.line, field: .code) { return }
        var group: NamedEntry?
        if let text = row.group {
            if groups == nil { groups = try tx.groupMatcher() }
            switch groups?.match(text).entry(.group, for: text) {
            case .success(let found): group = found
            case .failure(let problem): report(row.line, .group, .words(problem)); return
            case nil: return
            }
        }
        let known: Recipient?
        do {
            known = try tx.recipient(code)
        } catch let problem as RecipientProblem {
            report(row.line, .code, .recipient(problem))
            return
        }
        if let existing = known {
            let same = existing.groupCode == group?.code && existing.householdSize == row.householdSize
                && (row.registered == nil || row.registered == existing.registeredOn)
            if same { summary.alreadyThere += 1 } else { report(row.line, .code, .recipientDiffers(code)) }
            return
        }
        _ = try tx.addRecipient(code: code, group: group, householdSize: row.householdSize, on: try row.registered ?? tx.today())
        summary.recipientsRegistered += 1
    }

    mutating func event(_ record: ReferenceRecord) throws {
        let row: EventRecord
        switch ReferenceRows.event(record, titles: reader.title(of:)) {
        case .success(let r): row = r
        case .failure(let e): problems.add(e.problems); return
        }
        let key = TextKey.normalise(row.name) + "\u{0}" + row.date.description
        if repeated(key, shown: "\(row.name) \(row.date)", line: row.line, field: .name) { return }
        var centre: Centre?
        if let code = row.centre {
            centre = try tx.centre(matching: code)
            if centre == nil { report(row.line, .centre, .unknownCentre(code)); return }
        }
        if let existing = try tx.event(named: row.name, on: row.date) {
            if existing.centreCode == centre?.code && existing.participants == row.participants {
                summary.alreadyThere += 1
            } else {
                report(row.line, .name, .eventDiffers(row.name, row.date))
            }
            return
        }
        _ = try tx.addEvent(name: row.name, date: row.date, centre: centre, participants: row.participants)
        summary.eventsCreated += 1
    }
}
