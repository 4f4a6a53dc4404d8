import Testing
@testable import DarmarkaCore

@Suite("Import: SHA-256")
struct ImportSHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hash(Array("".utf8)).description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(Array("abc".utf8)).description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).description
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hash(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)).description
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).description
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 56-byte padding boundary and the 64-byte block.
    @Test(arguments: [
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
    func paddingBoundaries(length: Int, hex: String) {
        let bytes = (0 ..< length).map { UInt8(($0 * 7 + 3) % 256) }
        #expect(SHA256.hash(bytes).description == hex)
    }

    @Test func piecesGiveTheSameDigestAsTheWhole() {
        let bytes = (0 ..< 1000).map { UInt8(($0 * 7 + 3) % 256) }
        for piece in [1, 3, 63, 64, 65, 200] {
            var sha = SHA256()
            var i = 0
            while i < bytes.count {
                sha.update(bytes[i ..< min(bytes.count, i + piece)])
                i += piece
            }
            #expect(sha.finalize().description == "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371")
        }
    }

    @Test func readerHashesEveryByteOfTheFile() throws {
        let text = "\u{FEFF}date,operation,box,category,quantity\n2026-11-03,intake,\(TestBoxes.a),shoes,3\n"
        let bytes = Array(text.utf8)
        for chunk in [1, 5, 4096] {
            var options = CSVOptions()
            options.chunkSize = chunk
            let reader = try JournalReader(source: MemoryByteSource(bytes), options: options)
            _ = try reader.next()
            // Asked before the end: the rest is read for the digest.
            #expect(try reader.contentDigest() == SHA256.hash(bytes))
        }
    }
}
