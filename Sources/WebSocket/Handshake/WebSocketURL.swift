import Foundation

/// A `ws://` or `wss://` URL split into what the opening handshake needs (RFC 6455 section 3).
public struct WebSocketURL: Sendable, Equatable {
    /// `wss` (TLS) rather than `ws`.
    public var isSecure: Bool
    /// The host name or address, without IPv6 brackets.
    public var host: String
    /// The TCP port (default 80 for ws, 443 for wss).
    public var port: Int
    /// The request target: path (at least "/") plus "?query" when present.
    public var resource: String

    public init(isSecure: Bool, host: String, port: Int? = nil, resource: String = "/") {
        self.isSecure = isSecure
        self.host = host
        self.port = port ?? (isSecure ? 443 : 80)
        self.resource = resource
    }

    /// Parses `string`; fragments are not allowed (section 3).
    public init(_ string: String) throws(WebSocketHandshakeError) {
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.fragment == nil
        else { throw .invalidURL(string) }
        let secure: Bool
        switch scheme {
        case "ws": secure = false
        case "wss": secure = true
        default: throw .invalidURL(string)
        }
        var resource = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery {
            resource += "?" + query
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(isSecure: secure, host: bareHost, port: components.port, resource: resource)
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    public var hostHeaderValue: String {
        let name = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isSecure ? 443 : 80
        return port == defaultPort ? name : "\(name):\(port)"
    }
}
