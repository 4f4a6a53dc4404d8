@testable import DarmarkaCore

/// Valid box codes for journals in tests.
enum TestBoxes {
    static let a = BoxCode.firstIssuable(from: 1) ?? BoxCode.firstIssuable(from: 0)!
    static let b = BoxCode.firstIssuable(from: 500) ?? a
    static let c = BoxCode.firstIssuable(from: 70_000) ?? a
}

/// A record as the CSV reader gave it.
struct TestRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var description: String { "\(line): \(fields)" }
}

/// All records of `bytes`, untrimmed, read `chunk` bytes at a time.
func readRecords(_ bytes: [UInt8], chunk: Int = 1 << 20, options: CSVOptions = CSVOptions()) throws -> [TestRecord] {
    var options = options
    options.chunkSize = chunk
    let reader = try CSVReader(source: MemoryByteSource(bytes), options: options)
    var records: [TestRecord] = []
    while try reader.nextRecord() {
        records.append(TestRecord(line: reader.recordLine, fields: reader.texts(trimmed: false).map { $0 ?? "<invalid>" }))
    }
    return records
}

func readRecords(_ text: String, chunk: Int = 1 << 20, options: CSVOptions = CSVOptions()) throws -> [TestRecord] {
    try readRecords(Array(text.utf8), chunk: chunk, options: options)
}

/// What a journal reads to: its rows and the errors of the rows that failed.
struct ReadJournal {
    var rows: [JournalRow] = []
    var errors: [JournalRowError] = []
    var columns: JournalColumns
    var format: CSVFormat

    var problems: [JournalProblem] { errors.flatMap(\.problems) }
    var messages: [ImportMessage] { problems.map(\.message) }
}

func readJournal(_ bytes: [UInt8], chunk: Int = 1 << 20, options: CSVOptions = CSVOptions()) throws -> ReadJournal {
    var options = options
    options.chunkSize = chunk
    let reader = try JournalReader(source: MemoryByteSource(bytes), options: options)
    var result = ReadJournal(columns: reader.columns, format: reader.format)
    while let next = try reader.next() {
        switch next {
        case .success(let row): result.rows.append(row)
        case .failure(let error): result.errors.append(error)
        }
    }
    return result
}

func readJournal(_ text: String, chunk: Int = 1 << 20, options: CSVOptions = CSVOptions()) throws -> ReadJournal {
    try readJournal(Array(text.utf8), chunk: chunk, options: options)
}

/// The problems of the one bad row in a journal with this header and row.
func problems(header: String = "date,operation,box,to_box,category,quantity,weight_kg,condition,recipient,group,event,volunteer,note",
              _ row: String) throws -> [ImportMessage] {
    try readJournal(header + "\n" + row + "\n").messages
}

func date(_ text: String) -> LocalDate { LocalDate.parse(text) ?? LocalDate(dayNumber: 0) }
