import Testing
@testable import DarmarkaCore

@Suite("PNG density")
struct PNGDensityTests {
    /// A PNG of chunks as a writer would put them: header, data, end.
    static func png(_ chunks: [(String, [UInt8])]) -> [UInt8] {
        PNGDensity.signature + chunks.flatMap { PNGDensity.chunk($0.0, $0.1) }
    }

    static let header: (String, [UInt8]) = ("IHDR", [0, 0, 1, 0xD0, 0, 0, 1, 0x40, 8, 2, 0, 0, 0])
    static let data: (String, [UInt8]) = ("IDAT", [0x78, 0x9C, 1, 2, 3])
    static let end: (String, [UInt8]) = ("IEND", [])

    @Test func crcIsTheStandardOne() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        // The CRC every PNG's end chunk carries.
        #expect(PNGDensity.chunk("IEND", []).suffix(4) == [0xAE, 0x42, 0x60, 0x82])
    }

    @Test func stampsTheDensityRightAfterTheHeader() throws {
        let stamped = PNGDensity.stamped(Self.png([Self.header, Self.data, Self.end]), dpi: 203)
        let chunks = try #require(PNGDensity.chunks(of: stamped))
        #expect(chunks.map(\.type) == ["IHDR", "pHYs", "IDAT", "IEND"])
        // 203 dpi is 7992 pixels a metre (0x1F38) both ways; unit 1 is the metre.
        let phys = chunks[1]
        #expect(Array(stamped[phys.start..<phys.end]) ==
                [0, 0, 0, 9] + Array("pHYs".utf8) + [0, 0, 0x1F, 0x38, 0, 0, 0x1F, 0x38, 1]
                + PNGDensity.bigEndian(CRC32.checksum(Array("pHYs".utf8) + [0, 0, 0x1F, 0x38, 0, 0, 0x1F, 0x38, 1])))
        let dpi = try #require(PNGDensity.dpi(of: stamped))
        #expect(abs(dpi - 203) < 0.01)
        #expect(PNGDensity.dpi(of: Self.png([Self.header, Self.data, Self.end])) == nil)
    }

    @Test func stampingAgainReplacesTheDensity() throws {
        let once = PNGDensity.stamped(Self.png([Self.header, Self.data, Self.end]), dpi: 300)
        let twice = PNGDensity.stamped(once, dpi: 96)
        #expect(try #require(PNGDensity.chunks(of: twice)).map(\.type) == ["IHDR", "pHYs", "IDAT", "IEND"])
        #expect(abs(try #require(PNGDensity.dpi(of: twice)) - 96) < 0.02)
    }

    @Test func leavesWhatIsNotAPNGAlone() {
        let text = Array("not a png at all".utf8)
        #expect(PNGDensity.stamped(text, dpi: 203) == text)
        let whole = Self.png([Self.header, Self.data, Self.end])
        let truncated = Array(whole.prefix(30))
        #expect(PNGDensity.stamped(truncated, dpi: 203) == truncated)
        let headless = Self.png([Self.data, Self.end])
        #expect(PNGDensity.stamped(headless, dpi: 203) == headless)
        #expect(PNGDensity.stamped(whole, dpi: 0) == whole)
        #expect(PNGDensity.dpi(of: truncated) == nil)
    }
}
