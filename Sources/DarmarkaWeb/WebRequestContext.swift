import Hummingbird
import NIOCore

/// A request's context: Hummingbird's core, and the address it came from
/// (failed sign-ins are throttled per address as well as per login).
public struct WebRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address as stored for throttling: the IP without the port.
    var addressKey: String { remoteAddress?.ipAddress ?? "unknown" }
}
