/// Why a client connect or send failed, beyond the handshake's own `WebSocketHandshakeError`
/// (which carries e.g. a refusing server's HTTP status) and TLS's `TLSError`.
public enum WebSocketClientError: Error, Sendable, Equatable {
    /// TCP connect, TLS and the opening handshake did not finish within the connect timeout.
    case connectTimedOut
    /// The server closed the connection before answering the opening handshake.
    case connectionClosedDuringHandshake
    /// The connection is closing or closed: nothing was sent (RFC 6455 section 5.5.1).
    case notOpen
    /// The request was invalid (a ping over 125 bytes, a close code not valid on the wire).
    case invalidArgument
}
