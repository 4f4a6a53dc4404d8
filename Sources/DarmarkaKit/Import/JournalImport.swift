#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DarmarkaCore
import Foundation

/// Imports a journal: every row checked against the journal's rules and the
/// database, then the whole file written in one transaction, or nothing.
///
/// One pass over the file: a second thread reads and parses rows (see
/// `RowPipe`) while this one resolves names and writes each row as it comes,
/// summing the stock it moves per box, category and day; at the end those
/// sums are checked day by day against the database's own. A problem anywhere
/// rolls everything back, so the file need not be sorted, and the ledger ends
/// up as if each row had been recorded by `record` in date order; movement
/// numbers follow the file's order.
public enum JournalImport {
    /// Imports the file at `path`; `name` is how messages call it. Throws
    /// `ImportError` when the file cannot be read as a journal at all.
    public static func run(_ store: Store, path: String, name: String? = nil, options: ImportOptions = ImportOptions(),
                           progress: @escaping (ImportProgress) -> Void = { _ in }) throws -> ImportOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let file = name ?? path
        // Fails at once for a missing file, before the database is locked.
        _ = try FileByteSource(path: path)
        let total = fileSize(path)
        return try store.sqlite(for: "import").write({ (tx: SQLiteLedger) throws -> ImportOutcome in
            let categories = try tx.categories(), groups = try tx.groups()
            let pipe = RowPipe(path: path, options: options.csv, sheet: options.sheet,
                               names: CatalogueNames(categories: categories, groups: groups))
            defer { pipe.close() }
            let columns: JournalColumns
            // A workbook's problems say `FILE:SHEET:ROW`, as a CSV file's `FILE:LINE`.
            var file = file
            switch pipe.take() {
            case .header(let c, let sheet):
                columns = c
                if let sheet { file += ":" + sheet }
            case .failure(let error): throw error
            default: throw ImportError(line: nil, .readFailed("no header"))
            }
            let importer = try JournalApplier(tx: tx, file: file, columns: columns, categories: categories, groups: groups,
                                              options: options)
            defer { importer.close() }
            let (rows, digest) = try importer.pumping { try feed(pipe, to: importer, every: options.progressEvery, total: total, progress: progress) }
            importer.summary.rowsRead = rows
            return try importer.finish(digest: digest)
        }, keep: { (outcome: ImportOutcome) in
            if case .imported(let summary) = outcome { return !summary.dryRun }
            return false
        }, mode: .bulk).timed(since: start, clock)
    }

    /// The size of a regular file, for progress; nil for a pipe.
    /// Applies the rows the pipe brings, to the end of the file: how many
    /// rows there were, and the file's digest.
    private static func feed(_ pipe: RowPipe, to importer: JournalApplier, every: Int, total: Int?,
                             progress: (ImportProgress) -> Void) throws -> (rows: Int, digest: String) {
        var rows = 0
        while true {
            switch pipe.take() {
            case .header: continue
            case .rows(let entries, let bytesRead):
                for entry in entries {
                    rows += 1
                    switch entry.result {
                    case .success(let row): try importer.apply(row, print: entry.print, typedPrint: entry.typedPrint, anonymous: entry.anonymous)
                    case .failure(let error): importer.problems.add(error.problems)
                    }
                    if rows % every == 0 {
                        progress(ImportProgress(rows: rows, bytes: bytesRead, totalBytes: total))
                    }
                }
            case .end(let digest):
                return (rows, digest)
            case .failure(let error):
                throw error
            }
        }
    }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}

extension ImportOutcome {
    /// The outcome with the time taken, the commit included.
    func timed(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> ImportOutcome {
        guard case .imported(var summary) = self else { return self }
        summary.seconds = (clock.now - start) / .seconds(1)
        return .imported(summary)
    }
}
