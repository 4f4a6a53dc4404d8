import HTTPTypes
import Hummingbird
import NIOCore

/// A request's context: Hummingbird's core, and the address it came from
/// (failed sign-ins are throttled per address as well as per login).
public struct WebRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The phone's address and scheme as `ForwardedMiddleware` read them:
    /// from a trusted proxy's headers, else the connection's own.
    var client: String?
    var scheme = "http"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address as stored for throttling and logged: the IP without the port.
    var addressKey: String { client ?? remoteAddress?.ipAddress ?? "unknown" }
}

/// Reads `X-Forwarded-For` and `X-Forwarded-Proto` into the context, from
/// a trusted proxy only (`TrustedProxies`).
struct ForwardedMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let trusted: TrustedProxies

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let peer = context.remoteAddress?.ipAddress
        let hops = Self.forwardedFor.map { request.headers[values: $0] } ?? []
        context.client = trusted.client(peer: peer, forwardedFor: hops)
        context.scheme = trusted.scheme(peer: peer, forwardedProto: Self.forwardedProto.flatMap { request.headers[$0] })
        return try await next(request, context)
    }
}
