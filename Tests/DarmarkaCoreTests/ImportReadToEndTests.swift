import Testing
@testable import DarmarkaCore

@Suite("Import: reading to the end")
struct ImportReadToEndTests {
    /// The importer's file digests what it hands out: whatever the chunk
    /// size and however few rows were parsed, every byte must be read.
    @Test(arguments: [1, 5, 4096])
    func readsEveryByteAfterTheLastRowAskedFor(chunk: Int) throws {
        let text = "\u{FEFF}date,operation,box,category,quantity\n2026-11-03,intake,\(TestBoxes.a),shoes,3\n2026-11-04,intake,\(TestBoxes.a),shoes,4\n"
        let bytes = Array(text.utf8)
        var options = CSVOptions()
        options.chunkSize = chunk
        let reader = try JournalReader(source: MemoryByteSource(bytes, pieceSize: 7), options: options)
        _ = try reader.next()
        try reader.readToEnd()
        #expect(reader.bytesRead == bytes.count)
        #expect(try reader.next().map { _ in true } == nil)
    }
}
