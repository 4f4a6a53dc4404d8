import DarmarkaCore

/// How `JournalImport` and `ReferenceImport` read and check a file.
public struct ImportOptions: Sendable {
    public var csv: CSVOptions
    /// Check everything, write nothing.
    public var dryRun: Bool
    /// How many problems are listed; the rest are counted.
    public var problemLimit: Int
    /// How many rows between two calls of the progress callback.
    public var progressEvery: Int
    /// The sheet of a workbook to read, by name; else its first sheet.
    public var sheet: String?

    /// The defaults: detect the format, write, list 100 problems, report
    /// progress every 100 000 rows.
    public init(csv: CSVOptions = CSVOptions(), dryRun: Bool = false, problemLimit: Int = 100, progressEvery: Int = 100_000) {
        self.csv = csv
        self.dryRun = dryRun
        self.problemLimit = problemLimit
        self.progressEvery = max(1, progressEvery)
    }
}

/// How far an import has read.
public struct ImportProgress: Sendable {
    public var rows: Int
    public var bytes: Int
    /// The file's size, when it is a regular file.
    public var totalBytes: Int?

    public var percent: Int? {
        totalBytes.flatMap { $0 > 0 ? min(100, bytes * 100 / $0) : nil }
    }
}
