import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird
import Logging
import Mustache

/// How `darmarka serve` runs.
public struct WebSettings: Sendable {
    /// The public address labels point at; `https` makes the session cookie `Secure`.
    public var urlBase: String?
    /// How long a sign-in lasts.
    public var sessionSeconds: TimeInterval
    /// bcrypt's cost for passwords set through the web app (tests lower it).
    public var bcryptCost: UInt8
    /// Whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed.
    public var trustedProxies: TrustedProxies

    public init(urlBase: String? = nil, sessionSeconds: TimeInterval = 12 * 3600, bcryptCost: UInt8 = 11,
                trustedProxies: TrustedProxies = .loopback) {
        self.urlBase = urlBase; self.sessionSeconds = sessionSeconds; self.bcryptCost = bcryptCost
        self.trustedProxies = trustedProxies
    }

    var secureCookies: Bool { urlBase?.lowercased().hasPrefix("https://") == true }
}

/// The web app a box label's QR opens: routes over the same store and the
/// same rules as the command line.
public enum WebApp {
    /// The router with every page, for `serve` and for in-process tests.
    public static func router(store: Store, settings: WebSettings = WebSettings()) throws -> Router<WebRequestContext> {
        let pages = Pages(store: store, settings: settings, library: try Templates.library())
        let router = Router(context: WebRequestContext.self)
        // First, so that every handler's blocking store calls run off the event loops.
        router.add(middleware: BlockingExecutorMiddleware())
        router.add(middleware: ForwardedMiddleware(trusted: settings.trustedProxies))
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=86400"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.css)))
        }
        router.get("/") { request, _ in try pages.home(request) }
        router.get("/login") { request, _ in try pages.loginPage(request, error: nil, login: "") }
        router.post("/login") { request, context in try await pages.login(request, address: context.addressKey) }
        router.post("/logout") { request, _ in try await pages.logout(request) }
        // Labels print their URL in capitals to keep the QR small: `/B/…` is the same page.
        for prefix in ["b", "B"] {
            router.get("/\(prefix)/:code") { request, context in
                try pages.boxPage(request, code: context.parameters.get("code") ?? "")
            }
            for kind in [MovementKind.intake, .handout] {
                router.get("/\(prefix)/:code/\(kind.rawValue)") { request, context in
                    try pages.formPage(request, code: context.parameters.get("code") ?? "", kind: kind)
                }
                router.post("/\(prefix)/:code/\(kind.rawValue)") { request, context in
                    try await pages.record(request, code: context.parameters.get("code") ?? "", kind: kind)
                }
            }
        }
        router.post("/undo/:id") { request, context in
            try await pages.undo(request, id: context.parameters.get("id") ?? "")
        }
        ManagerRoutes.add(to: router, pages: pages)
        // The volunteer's pages: scanning, day passes, the language kept on the account.
        router.get("/static/scan.js") { _, _ in Pages.scanScript }
        router.get("/scan") { request, _ in try pages.scanPage(request) }
        router.get("/pass") { request, _ in try pages.passPage(request) }
        router.post("/pass") { request, _ in try await pages.openPass(request) }
        router.post("/lang") { request, _ in try await pages.setLang(request) }
        return router
    }

    /// The server: the router on `host:port`, stopped cleanly by SIGTERM and SIGINT (`runService`).
    public static func application(store: Store, settings: WebSettings, host: String, port: Int,
                                   logger: Logger) throws -> some ApplicationProtocol {
        Application(router: try router(store: store, settings: settings),
                    configuration: .init(address: .hostname(host, port: port), serverName: "darmarka"),
                    logger: logger)
    }
}

/// One line per request: the phone's address and scheme (through a
/// trusted proxy, the ones it names), method, path (never the query, a
/// cookie or a form's fields), status and time taken.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
                + (ContinuousClock.now - start).components.seconds * 1000
            context.logger.info("\(context.addressKey) \(context.scheme) \(request.method) \(request.uri.path) \(status) \(ms)ms")
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}

/// Headers every answer carries: no script but this site's own files (no
/// inline script), no frame from anywhere, no
/// sniffing of types, pages not kept by shared caches.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String { "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'" }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
