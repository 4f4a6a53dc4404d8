import Foundation
import Testing
import DarmarkaCore
import DarmarkaKit

@Suite("Import: file byte source")
struct ImportFileByteSourceTests {
    @Test func readsAJournalFileInChunks() throws {
        let box = try #require(BoxCode.firstIssuable(from: 42))
        var text = "Дата;Операция;Бокс;Категория;Количество;Вес, кг\r\n"
        for day in 1 ... 28 { text += "\(day).11.2026;приём;\(box);обувь;\(day);\"1,5\"\r\n" }
        let bytes = try #require(CP1251.encode(text))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-import-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        var options = CSVOptions()
        options.chunkSize = 37
        let journal = try JournalReader(source: FileByteSource(path: url.path), options: options)
        var quantities: [Int] = []
        while let result = try journal.next() { quantities.append(try result.get().quantity) }
        #expect(quantities == Array(1 ... 28))
        #expect(journal.format.encoding == .cp1251)
        #expect(try journal.contentDigest() == SHA256.hash(bytes))
        #expect(journal.bytesRead == bytes.count)
    }

    @Test func aMissingFileIsAReadableError() {
        #expect {
            _ = try FileByteSource(path: "/nonexistent/darmarka/journal.csv")
        } throws: { error in
            guard let error = error as? ImportError, case .readFailed(let reason)? = error.messages.first else { return false }
            return !reason.isEmpty && error.text(file: "journal.csv", lang: .ru).hasPrefix("journal.csv: не удалось прочитать файл: ")
        }
    }
}
