import Foundation

/// A `multipart/form-data` body (RFC 7578), as a browser posts a form with
/// `<input type="file">`. Hummingbird's core has no parser for it, and the
/// import page needs only this: named parts, each either a text field or a
/// file with its name and bytes. Anything that does not follow the format
/// is refused whole rather than read in part.
struct MultipartForm: Sendable {
    struct Part: Sendable, Equatable {
        var name: String
        /// The file's name as the browser sent it; nil for an ordinary field.
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    /// Why a body could not be read.
    enum Failure: Error, Equatable {
        case noBoundary
        case malformed
        case tooManyParts
    }

    /// More parts than any of the app's forms has: a body made to waste time.
    static let maximumParts = 32
    /// Longer header blocks than a browser writes are refused.
    static let maximumHeaderBytes = 8 * 1024

    private(set) var parts: [Part] = []

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` names.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = pieces.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            guard piece[..<eq].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = piece[piece.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    init(body: [UInt8], boundary: String) throws(Failure) {
        guard !boundary.isEmpty else { throw .noBoundary }
        let dash = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter: at the very start, or after a preamble and CRLF.
        var i: Int
        if body.starts(with: dash) {
            i = dash.count
        } else if let found = Self.find(delimiter, in: body, from: 0) {
            i = found + delimiter.count
        } else {
            throw .malformed
        }
        while true {
            // `--` after a delimiter closes the body; otherwise a part follows on the next line.
            if Self.matches(body, at: i, [0x2D, 0x2D]) { break }
            // Whitespace may pad a delimiter's line (RFC 2046's transport padding).
            while i < body.count, body[i] == 0x20 || body[i] == 0x09 { i += 1 }
            guard Self.matches(body, at: i, [0x0D, 0x0A]) else { throw .malformed }
            i += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: i, limit: Self.maximumHeaderBytes) else {
                throw .malformed
            }
            let headers = String(decoding: body[i..<headerEnd], as: UTF8.self)
            i = headerEnd + 4
            guard let end = Self.find(delimiter, in: body, from: i) else { throw .malformed }
            guard parts.count < Self.maximumParts else { throw .tooManyParts }
            parts.append(try Self.part(headers: headers, body: Array(body[i..<end])))
            i = end + delimiter.count
        }
    }

    /// The first part with this name.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// A text field's value, as UTF-8.
    subscript(_ name: String) -> String? {
        part(name).map { String(decoding: $0.body, as: UTF8.self) }
    }

    private static func part(headers: String, body: [UInt8]) throws(Failure) -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headers.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "content-disposition":
                let params = parameters(value)
                guard params.kind.lowercased() == "form-data" else { throw .malformed }
                name = params.values["name"]
                filename = params.values["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        guard let name else { throw .malformed }
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// `form-data; name="file"; filename="journal.csv"` as its kind and its
    /// parameters; a quoted value may hold `;` and `\"`.
    static func parameters(_ text: String) -> (kind: String, values: [String: String]) {
        var values: [String: String] = [:]
        let chars = Array(text)
        var i = 0
        func skipSpace() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }
        var kind = ""
        while i < chars.count, chars[i] != ";" { kind.append(chars[i]); i += 1 }
        while i < chars.count {
            i += 1 // the `;`
            skipSpace()
            var key = ""
            while i < chars.count, chars[i] != "=", chars[i] != ";" { key.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == "=" else { continue }
            i += 1
            var value = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i]); i += 1
                }
                i += 1 // the closing quote
                while i < chars.count, chars[i] != ";" { i += 1 }
            } else {
                while i < chars.count, chars[i] != ";" { value.append(chars[i]); i += 1 }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            let k = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !k.isEmpty, values[k] == nil { values[k] = value }
        }
        return (kind.trimmingCharacters(in: .whitespaces), values)
    }

    private static func matches(_ body: [UInt8], at i: Int, _ bytes: [UInt8]) -> Bool {
        i + bytes.count <= body.count && body[i..<(i + bytes.count)].elementsEqual(bytes)
    }

    /// Where `needle` first starts in `body` at or after `from`; with
    /// `limit`, only a match that starts within that many bytes counts.
    static func find(_ needle: [UInt8], in body: [UInt8], from: Int, limit: Int? = nil) -> Int? {
        guard let first = needle.first, needle.count <= body.count else { return nil }
        var last = body.count - needle.count
        if let limit { last = min(last, from + limit) }
        guard from <= last else { return nil }
        return body.withUnsafeBufferPointer { buffer -> Int? in
            var i = from
            while i <= last {
                // memchr skips to the next candidate fast, even in a 20 MB upload.
                guard let base = buffer.baseAddress,
                      let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }
}
