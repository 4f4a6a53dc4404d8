import DarmarkaCore
import Testing
@testable import DarmarkaKit

@Suite("Labels: QR symbols")
struct LabelQRMatrixTests {
    @Test func boxCodesStayVersionOne() throws {
        let code = try #require(BoxCode.firstIssuable(from: 777))
        for level in [QRErrorCorrection.low, .medium, .quartile] {
            let symbol = try QRMatrix(encoding: code.description, errorCorrection: level)
            #expect(symbol.version == 1 && symbol.width == 21 && symbol.modules.count == 441, "\(level)")
        }
        // Seven alphanumeric symbols fit version 1 even at H; twelve do not.
        #expect(try QRMatrix(encoding: code.description, errorCorrection: .high).version == 1)
        let longer = try QRMatrix(encoding: "DRM-B-000123", errorCorrection: .high)
        #expect(longer.version == 2 && longer.width == 25)
        // The top-left finder pattern: a dark 7 x 7 ring.
        let symbol = try QRMatrix(encoding: code.description)
        #expect((0..<7).allSatisfy { symbol[x: $0, y: 0] && symbol[x: 0, y: $0] && symbol[x: $0, y: 6] })
        #expect(!symbol[x: 1, y: 1] && symbol[x: 2, y: 2] && !symbol[x: 7, y: 7])
    }

    @Test func rectanglesCoverTheDarkModulesExactly() throws {
        for text in ["B-0000H", "https://darmarka.example/b/B-7K3QX", String(repeating: "Дармарка ", count: 20)] {
            let symbol = try QRMatrix(encoding: text)
            var covered = [Int](repeating: 0, count: symbol.width * symbol.width)
            let rectangles = symbol.darkRectangles
            for r in rectangles {
                for y in r.y..<(r.y + r.height) {
                    for x in r.x..<(r.x + r.width) { covered[y * symbol.width + x] += 1 }
                }
            }
            #expect(covered == symbol.modules.map { $0 ? 1 : 0 }, "\(text): gaps or overlaps")
            let runs = (0..<symbol.width).reduce(0) { count, y in
                count + (0..<symbol.width).filter { x in symbol[x: x, y: y] && (x == 0 || !symbol[x: x - 1, y: y]) }.count
            }
            #expect(rectangles.count < runs, "merging rows saves shapes")
        }
    }

    @Test func refusesWhatItCannotEncode() {
        #expect(throws: LabelRenderError.emptyPayload) { try QRMatrix(encoding: "") }
        #expect(throws: LabelRenderError.payloadTooLong(8000)) { try QRMatrix(encoding: String(repeating: "x", count: 8000)) }
        #expect(throws: LabelRenderError.payloadNotEncodable("a\u{0}b")) { try QRMatrix(encoding: "a\u{0}b") }
    }
}
