import DarmarkaCore
import Foundation

/// The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are
/// believed: Caddy or nginx in front of `serve` (on the same machine,
/// loopback, unless `--trusted-proxy` names others). From anyone else the
/// headers are ignored, or a phone could pick the address its failed
/// sign-ins are counted against.
public struct TrustedProxies: Sendable, Equatable {
    /// The addresses named, in one spelling each; nil means loopback.
    let addresses: Set<String>?

    /// Loopback only: a proxy on the same machine (the deploy/ configs).
    public static let loopback = TrustedProxies(addresses: nil)

    private init(addresses: Set<String>?) { self.addresses = addresses }

    /// The proxies at these IP addresses, instead of loopback; none named
    /// means loopback. Throws `WebProblem.badTrustedProxy` for a text that
    /// is no IP address.
    public init(_ texts: [String]) throws {
        guard !texts.isEmpty else { self = .loopback; return }
        var set = Set<String>()
        for text in texts {
            guard let ip = Self.normalised(text) else { throw WebProblem.badTrustedProxy(text) }
            set.insert(ip)
        }
        addresses = set
    }

    func trusts(_ ip: String) -> Bool {
        guard let addresses else { return Self.isLoopback(ip) }
        return addresses.contains(ip)
    }

    /// The address a request came from: the peer's, or when the peer is a
    /// trusted proxy, the nearest address in `X-Forwarded-For` that is not
    /// one. Read from the right: each proxy appends the address it saw, and
    /// what a phone sent itself stands on the left.
    func client(peer: String?, forwardedFor: [String]) -> String {
        guard let peer = peer.flatMap(Self.normalised) else { return peer ?? "unknown" }
        guard trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            // Garbage ends the chain: the last address a trusted proxy vouched for stands.
            guard let ip = Self.normalised(hop) else { break }
            client = ip
            if !trusts(ip) { break }
        }
        return client
    }

    /// `https` or `http`: what a trusted proxy says it was reached by, or
    /// `http`, which is how `serve` itself is reached.
    func scheme(peer: String?, forwardedProto: String?) -> String {
        guard let peer = peer.flatMap(Self.normalised), trusts(peer),
              let said = forwardedProto?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased(),
              said == "https" || said == "http" else { return "http" }
        return said
    }

    /// One spelling of an IP address (`::0001` is `::1`), or nil if `text` is none.
    static func normalised(_ text: String) -> String? {
        var v4 = in_addr()
        var v6 = in6_addr()
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        func written() -> String { String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        if inet_pton(AF_INET, text, &v4) == 1, inet_ntop(AF_INET, &v4, &out, socklen_t(out.count)) != nil {
            return written()
        }
        if inet_pton(AF_INET6, text, &v6) == 1, inet_ntop(AF_INET6, &v6, &out, socklen_t(out.count)) != nil {
            return written()
        }
        return nil
    }

    static func isLoopback(_ ip: String) -> Bool {
        ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}
