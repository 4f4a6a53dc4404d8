import DarmarkaCore
import Foundation

/// Journal rows read, checked and fingerprinted on a thread of their own
/// while the store writes the rows before them: reading and writing each
/// take about half of an import's time, and a machine has two cores.
///
/// The pipe holds a few batches at most, so memory stays bounded whatever
/// the size of the file; when the writer stops early it cancels the pipe
/// and the reader stops too.
final class RowPipe: @unchecked Sendable {
    /// A parsed row and its fingerprints (0 for a row with problems): by
    /// what it names, and as typed, which is how files imported before
    /// version 0.6 were fingerprinted; and, for a row naming a recipient,
    /// its fingerprint without the person and the note, all a forget keeps
    /// of it (made here, off the writing thread).
    typealias Entry = (result: Result<JournalRow, JournalRowError>, print: UInt64, typedPrint: UInt64, anonymous: UInt64)

    enum Item {
        /// The columns, and the sheet read when the file is a workbook.
        case header(JournalColumns, sheet: String?)
        case rows([Entry], bytesRead: Int)
        /// The end of the file, and the SHA-256 of all of it.
        case end(digest: String)
        case failure(any Error)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var cancelled = false
    private var finished = false
    private let capacity = 4
    static let batch = 1024

    /// Starts reading `path` on a new thread.
    init(path: String, options: CSVOptions, sheet: String? = nil, names: CatalogueNames) {
        let thread = Thread { [self] in
            read(path: path, options: options, sheet: sheet, names: names)
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "darmarka import reader"
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func read(path: String, options: CSVOptions, sheet: String?, names: CatalogueNames) {
        var names = names
        do {
            let file = try FileByteSource(path: path)
            if try JournalFile.isWorkbook(path) { return try readWorkbook(path: path, file: file, sheet: sheet, names: &names) }
            let reader = try JournalReader(source: file, options: options)
            guard put(.header(reader.columns, sheet: nil)) else { return }
            var batch: [Entry] = []
            batch.reserveCapacity(Self.batch)
            while let result = try reader.next() {
                let row = try? result.get()
                batch.append((result, row.map { names.fingerprint(of: $0) } ?? 0, row?.fingerprint ?? 0,
                              row.map { names.anonymousFingerprint(of: $0) } ?? 0))
                if batch.count == Self.batch {
                    guard put(.rows(batch, bytesRead: reader.bytesRead)) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { guard put(.rows(batch, bytesRead: reader.bytesRead)) else { return } }
            try reader.readToEnd()
            _ = put(.end(digest: file.sha256))
        } catch {
            _ = put(.failure(error))
        }
    }

    /// Reads a workbook's sheet as `read` reads a CSV file: the same rows,
    /// in batches, as the sheet is unpacked.
    private func readWorkbook(path: String, file: FileByteSource, sheet: String?, names: inout CatalogueNames) throws {
        // The digest first: the file is read once for it, and unpacked after.
        var scratch: [UInt8] = []
        while try file.read(into: &scratch, max: 1 << 20) > 0 { scratch.removeAll(keepingCapacity: true) }
        let total = Double(JournalImport.fileSize(path) ?? 0)
        var reader: SheetJournalReader?
        var batch: [Entry] = []
        var gaveUp = false
        var fingerprints = names
        try JournalFile.forEachRow(path: path, sheet: sheet) { name, row, progress in
            guard var current = reader else {
                guard !row.isBlank else { return true }
                let header = try SheetJournalReader(header: row)
                reader = header
                gaveUp = !put(.header(header.columns, sheet: name))
                return !gaveUp
            }
            let result = current.read(row)
            reader = current
            guard let result else { return true }
            let parsed = try? result.get()
            batch.append((result, parsed.map { fingerprints.fingerprint(of: $0) } ?? 0, parsed?.fingerprint ?? 0,
                          parsed.map { fingerprints.anonymousFingerprint(of: $0) } ?? 0))
            if batch.count == Self.batch {
                gaveUp = !put(.rows(batch, bytesRead: Int(progress * total)))
                batch.removeAll(keepingCapacity: true)
            }
            return !gaveUp
        }
        names = fingerprints
        guard !gaveUp else { return }
        guard reader != nil else { throw ImportError(line: nil, .emptyFile) }
        if !batch.isEmpty { guard put(.rows(batch, bytesRead: Int(total))) else { return } }
        _ = put(.end(digest: file.sha256))
    }

    /// Waits for room; false when the writer has given up.
    private func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for it.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            if finished { return .failure(ImportError(line: nil, .readFailed("the reader stopped"))) }
            condition.wait()
        }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Stops the reader, if it is still reading, and waits for it to end,
    /// so that nothing outlives the import.
    func close() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
