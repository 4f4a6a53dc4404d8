/// Named paper sizes that gLabels templates refer to by `size="..."`,
/// copied from gLabels' own `paper-sizes.xml`.
public struct PaperSize: Hashable, Sendable {
    public let id: String
    /// Millimetres.
    public let width: Double
    public let height: Double

    /// The size for a gLabels paper id, ignoring case (`A4`, `US-Letter`).
    public static func named(_ id: String) -> PaperSize? {
        let key = id.lowercased()
        return all.first { $0.id.lowercased() == key }
    }

    public static let a4 = PaperSize(id: "A4", width: 210, height: 297)
    public static let usLetter = PaperSize(id: "US-Letter", width: 8.5 * 25.4, height: 11 * 25.4)

    public static let all: [PaperSize] = [
        a4, usLetter,
        PaperSize(id: "US-Legal", width: 8.5 * 25.4, height: 14 * 25.4),
        PaperSize(id: "US-Executive", width: 7.25 * 25.4, height: 10.5 * 25.4),
        PaperSize(id: "A0", width: 841, height: 1189), PaperSize(id: "A1", width: 594, height: 841),
        PaperSize(id: "A2", width: 420, height: 594), PaperSize(id: "A3", width: 297, height: 420),
        PaperSize(id: "A5", width: 148, height: 210), PaperSize(id: "A6", width: 105, height: 148),
        PaperSize(id: "A7", width: 74, height: 105), PaperSize(id: "A8", width: 52, height: 74),
        PaperSize(id: "A9", width: 37, height: 52), PaperSize(id: "A10", width: 26, height: 37),
        PaperSize(id: "B0", width: 1000, height: 1414), PaperSize(id: "B1", width: 707, height: 1000),
        PaperSize(id: "B2", width: 500, height: 707), PaperSize(id: "B3", width: 353, height: 500),
        PaperSize(id: "B4", width: 250, height: 353), PaperSize(id: "B5", width: 176, height: 250),
        PaperSize(id: "B6", width: 125, height: 176), PaperSize(id: "B7", width: 88, height: 125),
        PaperSize(id: "B8", width: 62, height: 88), PaperSize(id: "B9", width: 44, height: 62),
        PaperSize(id: "B10", width: 31, height: 44),
        PaperSize(id: "number10", width: 4.125 * 25.4, height: 9.5 * 25.4),
        PaperSize(id: "monarch", width: 3.875 * 25.4, height: 7.5 * 25.4),
        PaperSize(id: "c5", width: 162, height: 229), PaperSize(id: "c6", width: 114, height: 162),
        PaperSize(id: "dl", width: 110, height: 220),
        PaperSize(id: "RA0", width: 860, height: 1220), PaperSize(id: "RA1", width: 610, height: 860),
        PaperSize(id: "RA2", width: 430, height: 610), PaperSize(id: "RA3", width: 305, height: 430),
        PaperSize(id: "RA4", width: 215, height: 305),
        PaperSize(id: "SRA0", width: 900, height: 1280), PaperSize(id: "SRA1", width: 640, height: 900),
        PaperSize(id: "SRA2", width: 450, height: 640), PaperSize(id: "SRA3", width: 320, height: 450),
        PaperSize(id: "SRA4", width: 225, height: 320),
    ]
}
