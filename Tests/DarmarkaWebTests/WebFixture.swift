import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A database with two centres, a box at each, and a user of every kind,
/// and the router over it in process.
struct WebFixture {
    static let password = "correct-horse"
    let store: Store
    let pre: Box
    let mat: Box
    let dir: URL

    init(preBoxName: String? = "Обувь") throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-web-\(UUID().uuidString)")
        store = try Store.create(path: dir.appendingPathComponent("d.sqlite").path, organisation: "Test",
                                 timeZone: TimeZone(identifier: "Asia/Yekaterinburg") ?? .current)
        let hash = Secrets.hashPassword(Self.password, cost: 4)
        (pre, mat) = try store.write { tx in
            let pre = try tx.addCentre(code: "PRE", name: "Предгорный", address: nil)
            let mat = try tx.addCentre(code: "MAT", name: "Матросова", address: nil)
            let preBox = try tx.addBox(centre: pre, name: preBoxName, kind: .storage)
            let matBox = try tx.addBox(centre: mat, name: nil, kind: .storage)
            try tx.addUser(login: "coord", passwordHash: hash, role: .coordinator, centres: [])
            try tx.addUser(login: "vera", passwordHash: hash, role: .volunteer, centres: [pre])
            try tx.addUser(login: "vik", passwordHash: hash, role: .viewer, centres: [])
            _ = try tx.addRecipient(code: "ТД-042", group: nil, householdSize: 1, on: try tx.today())
            return (preBox, matBox)
        }
    }

    func app(_ store: Store? = nil) throws -> some ApplicationProtocol {
        Application(router: try WebApp.router(store: store ?? self.store, settings: WebSettings(bcryptCost: 4)))
    }

    func movements() throws -> Int { try store.read { try $0.history(limit: 10_000).count } }
}

/// A page as the test client got it.
struct Page {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    /// The value of a hidden field (`csrf`, `key`) of the page's form.
    func field(_ name: String) -> String? {
        guard let r = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[r.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestClientProtocol {
    func get(_ uri: String, cookie: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers) { r in
            Page(status: r.status, headers: r.headers, body: String(buffer: r.body))
        }
    }

    func post(_ uri: String, cookie: String? = nil, _ fields: [(String, String)]) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { r in
            Page(status: r.status, headers: r.headers, body: String(buffer: r.body))
        }
    }

    /// Signs in and gives the cookie to send back.
    func signIn(_ login: String, password: String = WebFixture.password) async throws -> String {
        let page = try await post("/login", [("login", login), ("password", password), ("next", "/")])
        #expect(page.status == .seeOther)
        let set = page.headers[values: .setCookie].first { $0.hasPrefix("darmarka_session=") } ?? ""
        return String(set.prefix { $0 != ";" })
    }

    /// Opens a box's form and posts it with its own CSRF token and idempotency key.
    func record(_ kind: String, box: String, cookie: String, _ fields: [(String, String)]) async throws -> (form: Page, answer: Page) {
        let form = try await get("/b/\(box)/\(kind)", cookie: cookie)
        let answer = try await post("/b/\(box)/\(kind)", cookie: cookie,
                                    [("csrf", form.field("csrf") ?? ""), ("key", form.field("key") ?? "")] + fields)
        return (form, answer)
    }
}
