import Foundation
import Testing
@testable import DarmarkaCore

/// Replays every input the fuzzer kept (Tests/Fuzz/corpus, grown by
/// scripts/fuzz), so what once found new paths keeps being exercised.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    @Test func everyKeptInputIsHandled() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        #expect(files.count >= 4)
        for file in files {
            FuzzInput.exercise(Array(try Data(contentsOf: file)))
        }
    }
}
