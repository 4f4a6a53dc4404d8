import DarmarkaCore
@testable import DarmarkaKit
@testable import DarmarkaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `X-Forwarded-For` and `X-Forwarded-Proto` count only from a trusted
/// proxy: for the sign-in throttle per address and for the request log.
/// Live servers on loopback, so that the connection has a real peer.
@Suite("Web behind a proxy")
struct WebProxyTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// Every line the app logged, in order.
    final class LogLines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
        var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    struct Capture: LogHandler {
        let sink: LogLines
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { sink.add(event.message.description) }
    }

    func app(_ f: WebFixture, trusted: TrustedProxies, log: LogLines) throws -> some ApplicationProtocol {
        Application(router: try WebApp.router(store: f.store, settings: WebSettings(bcryptCost: 4, trustedProxies: trusted)),
                    logger: Logger(label: "test") { _ in Capture(sink: log) })
    }

    func signIn(_ client: some TestClientProtocol, login: String, password: String,
                forwardedFor: String, proto: String? = nil) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", Self.forwardedFor: forwardedFor]
        if let proto { headers[Self.forwardedProto] = proto }
        return try await client.execute(uri: "/login", method: .post, headers: headers,
                                        body: ByteBuffer(string: "login=\(login)&password=\(password)")) { $0.status }
    }

    @Test func aLoopbackProxysForwardedAddressIsThrottledAndLoggedNotThePhonesOwnClaim() async throws {
        let f = try WebFixture()
        let log = LogLines()
        try await app(f, trusted: .loopback, log: log).test(.live) { client in
            // The phone claims 198.51.100.7; the proxy on loopback appended what it saw, 203.0.113.5.
            for n in 0..<Pages.failuresPerAddress {
                let status = try await signIn(client, login: "nobody\(n)", password: "wrong-wrong",
                                              forwardedFor: "198.51.100.7, 203.0.113.5", proto: "https")
                #expect(status == .unauthorized)
            }
            let proxied = try f.store.read { try $0.recentFailures(login: "nobody0", address: "203.0.113.5", seconds: 600) }
            let proxy = try f.store.read { try $0.recentFailures(login: "x", address: "127.0.0.1", seconds: 600) }
            let claimed = try f.store.read { try $0.recentFailures(login: "x", address: "198.51.100.7", seconds: 600) }
            #expect(proxied.address == Pages.failuresPerAddress)
            #expect(proxy.address == 0 && claimed.address == 0)
            // That address now waits; another phone behind the same proxy does not.
            let waits = try await signIn(client, login: "vera", password: WebFixture.password, forwardedFor: "203.0.113.5")
            let other = try await signIn(client, login: "vera", password: WebFixture.password, forwardedFor: "203.0.113.6")
            #expect(waits == .tooManyRequests)
            #expect(other == .seeOther)
        }
        #expect(log.lines.contains { $0.hasPrefix("203.0.113.5 https POST /login 401 ") })
        #expect(log.lines.contains { $0.hasPrefix("203.0.113.6 http POST /login 303 ") })
        #expect(!log.lines.contains { $0.contains("198.51.100.7") })
    }

    @Test func headersFromAnUntrustedPeerAreIgnored() async throws {
        let f = try WebFixture()
        let log = LogLines()
        // Only 192.0.2.1 is a proxy: the loopback peer of this test is a phone, and its headers are its own claim.
        try await app(f, trusted: try TrustedProxies(["192.0.2.1"]), log: log).test(.live) { client in
            let status = try await signIn(client, login: "vera", password: "wrong-wrong", forwardedFor: "203.0.113.5", proto: "https")
            let peer = try f.store.read { try $0.recentFailures(login: "vera", address: "127.0.0.1", seconds: 600) }
            let claimed = try f.store.read { try $0.recentFailures(login: "vera", address: "203.0.113.5", seconds: 600) }
            #expect(status == .unauthorized)
            #expect(peer.address == 1 && claimed.address == 0)
        }
        #expect(log.lines.contains { $0.hasPrefix("127.0.0.1 http POST /login 401 ") })
        #expect(!log.lines.contains { $0.contains("203.0.113.5") || $0.contains("https") })
    }

    @Test func theClientIsTheNearestUntrustedHopFromTheRight() throws {
        let loopback = TrustedProxies.loopback
        #expect(loopback.client(peer: "127.0.0.1", forwardedFor: ["1.1.1.1, 2.2.2.2"]) == "2.2.2.2")
        // Two proxies on the machine: both skipped.
        #expect(loopback.client(peer: "::1", forwardedFor: ["1.1.1.1", "2.2.2.2, 127.0.0.1"]) == "2.2.2.2")
        // No header: the proxy itself.
        #expect(loopback.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        // Garbage stops the walk at the last address a trusted proxy gave.
        #expect(loopback.client(peer: "127.0.0.1", forwardedFor: ["1.1.1.1, nonsense, 127.0.0.2"]) == "127.0.0.2")
        // A peer that is no proxy is the client, whatever it says.
        #expect(loopback.client(peer: "10.1.2.3", forwardedFor: ["1.1.1.1"]) == "10.1.2.3")
        #expect(loopback.scheme(peer: "10.1.2.3", forwardedProto: "https") == "http")
        #expect(loopback.scheme(peer: "127.0.0.1", forwardedProto: "HTTPS") == "https")
        #expect(loopback.scheme(peer: "127.0.0.1", forwardedProto: "gopher") == "http")
        // Named proxies in any spelling; then loopback is not trusted.
        let named = try TrustedProxies(["10.0.0.2", "fd00::0002"])
        #expect(named.client(peer: "fd00::2", forwardedFor: ["2001:db8::1"]) == "2001:db8::1")
        #expect(named.client(peer: "127.0.0.1", forwardedFor: ["2001:db8::1"]) == "127.0.0.1")
        #expect(throws: WebProblem.badTrustedProxy("proxy.example")) { try TrustedProxies(["proxy.example"]) }
    }
}
