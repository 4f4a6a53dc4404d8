import ArgumentParser
import DarmarkaKit
import DarmarkaWeb
import Foundation
import Hummingbird
import Logging

/// `darmarka serve`: the web app a box label's QR opens.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", 
        abstract: "Веб-приложение для телефонов (QR на этикетке ведёт сюда) / the web app for phones.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Адрес и порт / address and port.") var listen = "127.0.0.1:8080"
    @Option(name: .customLong("url-base"), help: "Публичный адрес, как на этикетках / the public address labels print (https makes cookies Secure).")
    var urlBase: String?
    @Option(name: .customLong("trusted-proxy"),
            help: "Прокси, чьим X-Forwarded-For и X-Forwarded-Proto верить (по умолчанию loopback) / a proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (loopback unless given).")
    var trustedProxy: [String] = []

    /// `HOST:PORT`, `[::1]:PORT` or `:PORT`.
    static func address(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            throw WebProblem.badListen(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    func run() throws {
        let ctx = try Context(global)
        let (host, port) = try Self.address(listen)
        if let urlBase, !(urlBase.lowercased().hasPrefix("http://") || urlBase.lowercased().hasPrefix("https://")) {
            throw WebProblem.badURLBase(urlBase)
        }
        // Many phones at once: reads run beside the writer on a pool of connections.
        let trusted = try TrustedProxies(trustedProxy)
        let store = try ctx.store(concurrentReads: true)
        // Remembered for the links of day passes (`user pass`), made on the command line.
        if let urlBase { try store.write { try $0.rememberPublicAddress(urlBase) } }
        var logger = Logger(label: "darmarka")
        logger.logLevel = .info
        let app = try WebApp.application(store: store, settings: WebSettings(urlBase: urlBase, trustedProxies: trusted), host: host, port: port, logger: logger)
        // ArgumentParser's root command here is synchronous: the server runs
        // on its own threads, and this one waits for it to stop (SIGTERM or
        // SIGINT, which `runService` turns into a graceful shutdown).
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// How the server's task ended, read by the waiting thread after it signals.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    func set(_ error: Error) { lock.lock(); stored = error; lock.unlock() }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
}
