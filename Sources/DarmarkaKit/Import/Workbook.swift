import DarmarkaCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An Excel workbook (`.xlsx`) read for import: its sheets by name, and any
/// sheet's rows as the text of its cells, as a CSV file of the same rows
/// would hold them (see `SpreadsheetCells` for numbers and dates).
///
/// An `.xlsx` is a zip of XML parts: `xl/workbook.xml` names the sheets,
/// `xl/_rels/workbook.xml.rels` says which part holds each,
/// `xl/sharedStrings.xml` holds the texts cells point to by number, and
/// `xl/styles.xml` says which numbers are dates.
struct Workbook {
    /// The sheets in the workbook's order.
    let sheets: [(name: String, part: String)]
    private let archive: Archive

    /// Whether `bytes` start as a zip archive does (`PK\3\4`), as every
    /// `.xlsx` does and no CSV file can.
    static func isZip(_ bytes: some Collection<UInt8>) -> Bool {
        Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04]
    }

    /// Whether `bytes` start as an OLE compound file does: an old `.xls`, or
    /// an `.xlsx` saved with a password, which Excel wraps in one.
    static func isCompoundFile(_ bytes: some Collection<UInt8>) -> Bool {
        Array(bytes.prefix(8)) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    }

    /// The problem with a file that starts as a compound file: encrypted
    /// when it holds Excel's `EncryptedPackage` stream (named in UTF-16).
    static func compoundFileProblem(_ bytes: [UInt8]) -> WorkbookProblem {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let found = bytes.count >= name.count && (0 ... bytes.count - name.count).contains { i in
            bytes[i] == name[0] && Array(bytes[i ..< i + name.count]) == name
        }
        return found ? .encrypted : .notWorkbook
    }

    /// Opens the workbook at `path` and reads which sheets it has.
    init(path: String) throws(ImportError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError(line: nil, .workbook(.notWorkbook))
        }
        let workbook = try Self.part("xl/workbook.xml", in: archive, sheets: [])
        let relations = try Self.part("xl/_rels/workbook.xml.rels", in: archive, sheets: [])
        let names = WorkbookXML.sheets(workbook)
        let targets = WorkbookXML.relations(relations)
        var sheets: [(String, String)] = []
        for (name, id) in names {
            guard let target = targets[id] else { continue }
            // Targets are relative to `xl/`, or absolute within the zip.
            sheets.append((name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
        }
        guard !sheets.isEmpty else {
            throw ImportError(line: nil, .workbook(.damaged(part: "xl/workbook.xml", sheets: names.map(\.name))))
        }
        self.sheets = sheets
    }

    /// Calls `body` with each row of the sheet named `name` (compared
    /// ignoring case), or of the first sheet, and the sheet's name as the
    /// workbook spells it; `body` returns false to stop. Rows are parsed as
    /// the sheet is unpacked, a few megabytes at a time, so a sheet of any
    /// length takes bounded memory. `progress` is how far through the
    /// sheet's XML the parser is, from 0 to 1.
    func forEachRow(sheet name: String?,
                    _ body: (_ sheet: String, _ row: SheetRow, _ progress: Double) throws -> Bool) throws {
        let names = sheets.map(\.name)
        let chosen: (name: String, part: String)
        if let name {
            let key = TextKey.normalise(name)
            guard let found = sheets.first(where: { TextKey.normalise($0.name) == key }) else {
                throw ImportError(line: nil, .workbook(.noSheet(name, sheets: names)))
            }
            chosen = found
        } else if let first = sheets.first {
            chosen = first
        } else {
            throw ImportError(line: nil, .workbook(.damaged(part: "xl/workbook.xml", sheets: [])))
        }
        // A workbook without texts or without styles leaves the part out.
        var strings: [String] = [], dates = Set<Int>()
        if archive["xl/sharedStrings.xml"] != nil {
            strings = WorkbookXML.sharedStrings(try Self.part("xl/sharedStrings.xml", in: archive, sheets: names))
        }
        if archive["xl/styles.xml"] != nil {
            dates = WorkbookXML.dateStyles(try Self.part("xl/styles.xml", in: archive, sheets: names))
        }
        guard let entry = archive[chosen.part] else {
            throw ImportError(line: nil, .workbook(.damaged(part: chosen.part, sheets: names)))
        }
        // Unpacked on a thread of its own into a bounded buffer, which the
        // parser reads from as from a file.
        let stream = ChunkStream(size: entry.uncompressedSize)
        // The archive is used by the unpacker alone until it has finished.
        let part = Unshared((archive, entry, stream))
        let unpacker = Thread {
            let (archive, entry, stream) = part.value
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data in
                    guard stream.write(data) else { throw CancellationError() }
                }
                stream.finish(failed: false)
            } catch {
                stream.finish(failed: true)
            }
        }
        unpacker.name = "darmarka workbook unpacker"
        unpacker.start()
        defer { stream.cancelAndWait() }
        var failure: (any Error)?
        // The parser keeps its callback only while it parses.
        let problem = withoutActuallyEscaping(body) { body in
            SheetParser(strings: strings, dateStyles: dates) { row in
                do {
                    return try body(chosen.name, row, stream.progress)
                } catch {
                    failure = error
                    return false
                }
            }.parse(XMLParser(stream: stream))
        }
        if let failure { throw failure }
        if stream.failed { throw ImportError(line: nil, .workbook(.damaged(part: chosen.part, sheets: names))) }
        if let problem { throw ImportError(line: nil, .workbook(.badCell("\(chosen.name): \(problem)", sheets: names))) }
    }

    /// One part of the archive, whole.
    private static func part(_ path: String, in archive: Archive, sheets: [String]) throws(ImportError) -> Data {
        guard let entry = archive[path] else {
            throw ImportError(line: nil, .workbook(.damaged(part: path, sheets: sheets)))
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw ImportError(line: nil, .workbook(.damaged(part: path, sheets: sheets)))
        }
        return data
    }
}

/// The few XML parts of a workbook the importer reads, each with a parser
/// that keeps only what it needs.
enum WorkbookXML {
    /// `<sheet name="…" r:id="rId1"/>` in order.
    static func sheets(_ data: Data) -> [(name: String, id: String)] {
        let collector = Collector(initial: [(name: String, id: String)]()) { element, attributes, sheets in
            if local(element) == "sheet", let name = attributes["name"],
               let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value {
                sheets.append((name, id))
            }
        }
        return collector.parse(data)
    }

    /// `<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` by id.
    static func relations(_ data: Data) -> [String: String] {
        let collector = Collector(initial: [String: String]()) { element, attributes, targets in
            if local(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
        return collector.parse(data)
    }

    /// The shared strings in order, rich text runs joined, phonetic hints left out.
    static func sharedStrings(_ data: Data) -> [String] {
        let parser = SharedStringsParser()
        return parser.parse(data)
    }

    /// The places in `cellXfs` of the styles that show a number as a date.
    static func dateStyles(_ data: Data) -> Set<Int> {
        let parser = StylesParser()
        return parser.parse(data)
    }

}

/// A parser that only looks at elements' attributes.
private final class Collector<Value>: NSObject, XMLParserDelegate {
    private let body: (String, [String: String], inout Value) -> Void
    private var value: Value

    init(initial: Value, _ body: @escaping (String, [String: String], inout Value) -> Void) {
        self.body = body
        value = initial
    }

    func parse(_ data: Data) -> Value {
        let parser = xmlParser(data)
        parser.delegate = self
        _ = parser.parse()
        return value
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        body(elementName, attributes, &value)
    }
}

/// Local names: some writers prefix every element (`x:c`).
private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parse(_ data: Data) -> [String] {
        let parser = xmlParser(data)
        parser.delegate = self
        _ = parser.parse()
        return strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

private final class StylesParser: NSObject, XMLParserDelegate {
    private var formats: [Int: String] = [:]
    private var styles: [Int] = []
    private var inCellXfs = false

    func parse(_ data: Data) -> Set<Int> {
        let parser = xmlParser(data)
        parser.delegate = self
        _ = parser.parse()
        var dates = Set<Int>()
        for (i, id) in styles.enumerated() where SpreadsheetCells.isDate(formatID: id, code: formats[id]) { dates.insert(i) }
        return dates
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if local(elementName) == "cellXfs" { inCellXfs = false }
    }
}

/// Reads `<row r="7"><c r="C7" t="s" s="2"><v>3</v></c>…</row>`: shared
/// strings (`t="s"`), inline strings (`t="inlineStr"`, `<is><t>`), formula
/// text (`t="str"`), booleans (`t="b"`), ISO dates (`t="d"`), numbers,
/// shown as dates when their style says so. Cells and rows may be left out:
/// their references say where the others stand.
private final class SheetParser: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let onRow: (SheetRow) -> Bool
    private var stopped = false
    private var row: SheetRow?
    private var nextRow = 1
    private var cell: (column: Int, type: String, style: Int)?
    private var nextColumn = 0
    private var text = ""
    private var inValue = false
    private var inPhonetic = false
    private(set) var problem: String?

    /// `onRow` is called with each row as it ends; false stops the parse.
    init(strings: [String], dateStyles: Set<Int>, onRow: @escaping (SheetRow) -> Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.onRow = onRow
    }

    /// Parses the sheet; what is wrong with it, if anything.
    func parse(_ parser: XMLParser) -> String? {
        parser.delegate = self
        if !parser.parse(), problem == nil, !stopped {
            problem = parser.parserError.map { "XML: \($0.localizedDescription)" } ?? "XML"
        }
        return problem
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? nextRow
            row = SheetRow(number: number, cells: [])
            nextRow = number + 1
            nextColumn = 0
        case "c":
            var column = nextColumn
            if let reference = attributes["r"] {
                guard let place = SpreadsheetCells.reference(reference) else {
                    problem = "\(reference)?"
                    parser.abortParsing()
                    return
                }
                column = place.column
            }
            nextColumn = column + 1
            cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
            text = ""
        case "v", "t":
            inValue = cell != nil && !inPhonetic
        case "rPh":
            inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(elementName) {
        case "v", "t": inValue = false
        case "rPh": inPhonetic = false
        case "c":
            guard let c = cell else { return }
            cell = nil
            guard let value = value(of: c) else { return }
            if row == nil { row = SheetRow(number: nextRow, cells: []) }
            if let count = row?.cells.count, count <= c.column {
                row?.cells.append(contentsOf: repeatElement(nil, count: c.column - count + 1))
            }
            row?.cells[c.column] = value
        case "row":
            if let row, !onRow(row) {
                stopped = true
                parser.abortParsing()
            }
            row = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { text += string }
    }

    /// The cell's text, as a CSV file would hold it; nil when empty.
    private func value(of c: (column: Int, type: String, style: Int)) -> String? {
        guard !text.isEmpty else { return nil }
        switch c.type {
        case "s":
            guard let i = Int(text.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else { return nil }
            return strings[i]
        case "inlineStr", "str", "e":
            return text
        case "b":
            return text == "1" ? "TRUE" : "FALSE"
        case "d":
            // ISO 8601: the date, and the time to the minute if not midnight.
            let date = String(text.prefix(10)), time = text.count >= 16 ? String(text.dropFirst(11).prefix(5)) : ""
            return time.isEmpty || time == "00:00" ? date : "\(date) \(time)"
        default:
            if dateStyles.contains(c.style), let serial = Double(text), let date = SpreadsheetCells.dateText(serial: serial) {
                return date
            }
            return SpreadsheetCells.numberText(text)
        }
    }
}

/// A parser that reads `data` in pieces: given the whole of a part at once,
/// libxml2 refuses one of more than 10 MB ("huge input lookup"), which a
/// sheet of some 40 000 rows is.
private func xmlParser(_ data: Data) -> XMLParser {
    XMLParser(stream: InputStream(data: data))
}

/// The bytes of one part of the archive, from the thread that unpacks it to
/// the parser that reads it: at most a few megabytes wait at a time.
private final class ChunkStream: InputStream {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var waiting = 0
    private var current = Data()
    private var offset = 0
    private var ended = false
    private var cancelled = false
    private var unpackerDone = false
    private(set) var failed = false
    private var consumed = 0
    private let size: UInt64
    private static let limit = 4 << 20

    init(size: UInt64) {
        self.size = size
        super.init(data: Data())
    }

    /// How much of the part the parser has read, from 0 to 1.
    var progress: Double { size > 0 ? min(1, Double(consumed) / Double(size)) : 0 }

    /// From the unpacker: waits for room; false once the reader gave up.
    func write(_ data: Data) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting >= Self.limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(data)
        waiting += data.count
        condition.broadcast()
        return true
    }

    /// From the unpacker, last: the part ended, whole or not.
    func finish(failed: Bool) {
        condition.lock()
        ended = true
        unpackerDone = true
        if failed && !cancelled { self.failed = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the unpacker, if it is still at work, and waits for it to end.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        while !unpackerDone { condition.wait() }
        condition.unlock()
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        if offset >= current.count {
            condition.lock()
            while chunks.isEmpty && !ended { condition.wait() }
            if chunks.isEmpty {
                condition.unlock()
                return 0
            }
            current = chunks.removeFirst()
            waiting -= current.count
            offset = 0
            condition.broadcast()
            condition.unlock()
        }
        let n = min(len, current.count - offset)
        current.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: n)
        }
        offset += n
        consumed += n
        return n
    }

    override var hasBytesAvailable: Bool { true }
    override func open() {}
    override func close() {}
    override var streamStatus: Stream.Status { .open }
}

/// A value handed to one other thread, which alone uses it from then on.
private final class Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
