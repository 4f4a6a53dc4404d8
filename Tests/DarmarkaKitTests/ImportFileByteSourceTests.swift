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
        let file = try FileByteSource(path: url.path)
        let journal = try JournalReader(source: file, options: options)
        var quantities: [Int] = []
        while let result = try journal.next() { quantities.append(try result.get().quantity) }
        #expect(quantities == Array(1 ... 28))
        #expect(journal.format.encoding == .cp1251)
        try journal.readToEnd()
        #expect(file.sha256 == (try Self.sha256sum(url.path)))
        #expect(journal.bytesRead == bytes.count)
    }

    /// The digest that tells a file imported before, held to coreutils'
    /// `sha256sum` of the same file, also when only its first row was read.
    @Test(arguments: [0, 1, 63, 64, 65, 1000, 300_000])
    func digestIsTheFilesSHA256(length: Int) throws {
        let header = Array("date,operation,box,category,quantity\n".utf8)
        let bytes = header + (0 ..< length).map { UInt8(($0 * 7 + 3) % 256) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-digest-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try FileByteSource(path: url.path)
        var options = CSVOptions()
        options.chunkSize = 4096
        options.encoding = .cp1251
        let journal = try JournalReader(source: file, options: options)
        _ = try? journal.next()
        try journal.readToEnd()
        #expect(file.sha256 == (try Self.sha256sum(url.path)))
        #expect(file.sha256.count == 64)
    }

    @Test func digestOfNothingIsTheEmptySHA256() throws {
        #expect(try FileByteSource(path: "/dev/null").sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
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
