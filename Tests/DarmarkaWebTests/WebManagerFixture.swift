import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

extension WebFixture {
    /// Adds `mara`, a manager of PRE, a second box at PRE, and stock in the PRE box.
    func withManager(shoes: Int = 5) throws -> Box {
        try store.write { tx in
            let pre = try tx.centre("PRE")
            try tx.addUser(login: "mara", passwordHash: Secrets.hashPassword(Self.password, cost: 4), role: .manager, centres: [pre])
            let second = try tx.addBox(centre: pre, name: "Склад", kind: .storage)
            if shoes > 0 {
                _ = try tx.record(MovementDraft(kind: .intake, date: try tx.today(), toBox: self.pre.id,
                                                lines: [LineDraft(categoryID: try tx.category("обувь").id, quantity: shoes)]))
            }
            return second
        }
    }

    func quantity(_ box: Box, _ category: String = "обувь") throws -> Int {
        try store.read { tx in
            let code = try tx.category(category).code
            return try tx.stock(box: box).filter { $0.category == code }.reduce(0) { $0 + $1.quantity }
        }
    }
}

extension String {
    /// As Mustache writes a value into a page.
    var html: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// A page's bytes, for downloads.
struct Download {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let bytes: [UInt8]
}

extension TestClientProtocol {
    func download(_ uri: String, cookie: String) async throws -> Download {
        try await execute(uri: uri, method: .get, headers: [.cookie: cookie]) { r in
            Download(status: r.status, headers: r.headers, bytes: Array(r.body.readableBytesView))
        }
    }

    func postForDownload(_ uri: String, cookie: String, _ fields: [(String, String)]) async throws -> Download {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: body)) { r in
            Download(status: r.status, headers: r.headers, bytes: Array(r.body.readableBytesView))
        }
    }

    /// Posts `file` as the import page's form does: multipart, with the CSRF token.
    func upload(_ uri: String, cookie: String, csrf: String, name: String, file: [UInt8]) async throws -> Page {
        let boundary = "----darmarka\(UUID().uuidString)"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try await execute(uri: uri, method: .post,
                                 headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                 body: ByteBuffer(bytes: body)) { r in
            Page(status: r.status, headers: r.headers, body: String(buffer: r.body))
        }
    }
}

/// The command-line tools the tests check a PDF with (poppler-utils,
/// zbar-tools; `scripts/test` installs them). A missing tool fails the test.
enum WebTools {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], allowed: Set<Int32> = [0]) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw Failed(description: "\(tool) is not installed (scripts/test installs it)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard allowed.contains(process.terminationStatus) else {
            throw Failed(description: "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The page count pdfinfo reads from a PDF's bytes.
    static func pages(_ pdf: [UInt8], in dir: URL) throws -> Int? {
        let file = dir.appendingPathComponent("check-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        let info = try run("pdfinfo", [file.path])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The QR payloads on a PDF's first page, drawn at 300 dpi and read by zbarimg.
    static func symbols(_ pdf: [UInt8], in dir: URL) throws -> [String] {
        let stem = dir.appendingPathComponent("symbols-\(UUID().uuidString)")
        try Data(pdf).write(to: stem.appendingPathExtension("pdf"))
        try run("pdftoppm", ["-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile", stem.appendingPathExtension("pdf").path, stem.path])
        // zbarimg exits 4 when it finds no symbol.
        return try run("zbarimg", ["-q", "--raw", stem.appendingPathExtension("png").path], allowed: [0, 4])
            .split(separator: "\n").map(String.init)
    }
}
