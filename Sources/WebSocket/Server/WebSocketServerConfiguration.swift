import NIOCore

/// Everything a server is set up with (RFC 6455 section 4.2, RFC 7692).
public struct WebSocketServerConfiguration: Sendable {
    /// Subprotocols we speak, in our order of preference; the first one the client also
    /// offers is selected unless `shouldUpgrade` picks another.
    public var subprotocols: [String]
    /// Refuse (400) clients that offer none of `subprotocols`.
    public var requiresSubprotocol: Bool
    /// permessage-deflate we accept, or nil to never compress.
    public var deflate: PerMessageDeflateOptions?
    /// Frame and message limits, keepalive ping interval, pong and close timeouts.
    public var connection: WebSocketConnectionStateMachine.Configuration
    /// TLS (`wss://`): certificate, key, and whether clients must present a certificate.
    public var tls: TLSConfiguration?
    /// How long a client may take to send its upgrade request after connecting (and TLS).
    public var handshakeTimeout: TimeAmount

    public init(
        subprotocols: [String] = [],
        requiresSubprotocol: Bool = false,
        deflate: PerMessageDeflateOptions? = nil,
        connection: WebSocketConnectionStateMachine.Configuration = .init(),
        tls: TLSConfiguration? = nil,
        handshakeTimeout: TimeAmount = .seconds(10)
    ) {
        self.subprotocols = subprotocols
        self.requiresSubprotocol = requiresSubprotocol
        self.deflate = deflate
        self.connection = connection
        self.tls = tls
        self.handshakeTimeout = handshakeTimeout
    }
}
