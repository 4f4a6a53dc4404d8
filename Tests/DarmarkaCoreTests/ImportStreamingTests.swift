import Testing
import Foundation
@testable import DarmarkaCore

/// A journal of any number of rows, made up on the fly from a block of
/// varied lines, so that nothing the size of the file is ever in memory.
struct SyntheticJournal: ByteSource {
    static let header = Array("date,operation,box,to_box,category,quantity,weight_kg,condition,recipient,group,event,volunteer,note\n".utf8)
    static let block: [[UInt8]] = {
        let boxes = (0 ..< 40).compactMap { BoxCode.firstIssuable(from: $0 * 997) }
        let categories = ["shoes", "обувь", "куртки", "toys", "книги", "bed linen"]
        let conditions = ["good", "new", "", "repair", "хорошее"]
        return (0 ..< 1000).map { i -> [UInt8] in
            // A few rows a day, in date order, as journals are kept.
            let day = LocalDate(dayNumber: 20_000 + i / 4)
            let box = boxes[i % boxes.count]
            let handout = i % 3 == 0
            let line = "\(day),\(handout ? "handout" : "intake"),\(box),,\(categories[i % categories.count]),\(1 + i % 9),"
                + "\(i % 4 == 0 ? "" : "\(i % 7).\(i % 10)"),\(conditions[i % conditions.count]),"
                + "\(handout ? "Recipient \(i % 50)" : ""),,,Anna,\(i % 10 == 0 ? "\"a note, with a comma\"" : "")\n"
            return Array(line.utf8)
        }
    }()

    let rows: Int
    private var produced = 0
    private var pending: [UInt8] = SyntheticJournal.header
    private var offset = 0

    init(rows: Int) { self.rows = rows }

    mutating func read(into buffer: inout [UInt8], max: Int) throws -> Int {
        var written = 0
        while written < max {
            if offset == pending.count {
                guard produced < rows else { break }
                pending = Self.block[produced % Self.block.count]
                offset = 0
                produced += 1
            }
            let n = min(max - written, pending.count - offset)
            buffer.append(contentsOf: pending[offset ..< offset + n])
            offset += n
            written += n
        }
        return written
    }
}

@Suite("Import: streaming a large journal")
struct ImportStreamingTests {
    static let rowCount = 1_000_000

    @Test func readsAMillionRowsWithoutHoldingThem() throws {
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = cpuSeconds()
        let journal = try JournalReader(source: SyntheticJournal(rows: Self.rowCount))
        var good = 0, bad = 0, quantity = 0
        while let result = try journal.next() {
            switch result {
            case .success(let row): good += 1; quantity += row.quantity
            case .failure: bad += 1
            }
        }
        try journal.readToEnd()
        let seconds = (clock.now - start) / .seconds(1), cpu = cpuSeconds() - cpuStart
        #expect(good == Self.rowCount)
        #expect(bad == 0)
        #expect(quantity > Self.rowCount)
        print("journal: \(good) rows, \(journal.bytesRead >> 20) MiB in \(seconds) s (\(cpu) s of CPU): "
            + "\(Int(Double(good) / seconds)) rows/s (\(Int(Double(good) / cpu)) per CPU second), peak memory \(peakMemory())")
    }

    @Test func splitsAMillionRecords() throws {
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = cpuSeconds()
        let csv = try CSVReader(source: SyntheticJournal(rows: Self.rowCount), options: CSVOptions())
        var records = 0, fields = 0
        while try csv.nextRecord() {
            records += 1
            fields += csv.fieldCount
        }
        let seconds = (clock.now - start) / .seconds(1), cpu = cpuSeconds() - cpuStart
        #expect(records == Self.rowCount + 1)
        #expect(fields == 13 * records)
        print("csv: \(records) records in \(seconds) s (\(cpu) s of CPU): \(Int(Double(records) / seconds)) records/s")
    }

    /// CPU time this thread has used: other work on the machine does not
    /// count, as it does in wall-clock time.
    private func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The high-water mark of resident memory, where the system tells it.
    private func peakMemory() -> String {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) {
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
        }
        #endif
        return "unknown"
    }
}
