import Foundation
import NIOCore
import NIOHTTP1

/// Everything a client connection is set up with (RFC 6455 section 4.1, RFC 7692).
public struct WebSocketClientConfiguration: Sendable {
    /// `Sec-WebSocket-Protocol` offer, in order of preference (e.g. ["ocpp1.6"]).
    public var subprotocols: [String]
    /// Fail the connect when the server selects none of `subprotocols`.
    public var requiresSubprotocol: Bool
    /// Extra request headers, e.g. `Authorization: Basic ...` (OCPP security profile 1/2).
    public var headers: HTTPHeaders
    /// The permessage-deflate offer, or nil to offer none.
    public var deflate: PerMessageDeflateOptions?
    /// Frame and message limits, keepalive ping interval, pong and close timeouts.
    public var connection: WebSocketConnectionStateMachine.Configuration
    /// TLS settings for `wss://` URLs; nil means verify the server against the system store.
    public var tls: TLSConfiguration?
    /// A context built once and shared by many connections (a fleet); wins over `tls`.
    public var tlsContext: TLSContext?
    /// How long TCP connect, TLS and the opening handshake may take together.
    public var connectTimeout: TimeAmount
    /// The local address to bind before connecting (port 0: the kernel picks one at connect
    /// time); nil lets the kernel choose. A fleet spreads its connections over several loopback
    /// addresses (127.0.0.2, 127.0.0.3, ...) this way: each source address has its own range of
    /// ephemeral ports, about 28,000 connections to one endpoint.
    public var localAddress: SocketAddress?

    public init(
        subprotocols: [String] = [],
        requiresSubprotocol: Bool = false,
        headers: HTTPHeaders = [:],
        deflate: PerMessageDeflateOptions? = nil,
        connection: WebSocketConnectionStateMachine.Configuration = .init(),
        tls: TLSConfiguration? = nil,
        tlsContext: TLSContext? = nil,
        connectTimeout: TimeAmount = .seconds(10),
        localAddress: SocketAddress? = nil
    ) {
        self.subprotocols = subprotocols
        self.requiresSubprotocol = requiresSubprotocol
        self.headers = headers
        self.deflate = deflate
        self.connection = connection
        self.tls = tls
        self.tlsContext = tlsContext
        self.connectTimeout = connectTimeout
        self.localAddress = localAddress
    }

    /// Adds `Authorization: Basic base64(user:password)` (RFC 7617; OCPP security profile 1/2).
    public mutating func setBasicAuthorization(user: String, password: String) {
        let credentials = Data("\(user):\(password)".utf8).base64EncodedString()
        headers.replaceOrAdd(name: "Authorization", value: "Basic \(credentials)")
    }
}
