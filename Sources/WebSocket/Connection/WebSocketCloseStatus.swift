/// How a WebSocket connection ended (RFC 6455 section 7.1.5 and 7.1.6).
public struct WebSocketCloseStatus: Sendable, Equatable {
    /// The code the peer sent; ours when we failed the connection; 1005 for an empty close frame;
    /// 1006 when no close frame was exchanged.
    public var code: CloseCode
    /// The close reason (UTF-8, possibly empty).
    public var reason: String

    public init(code: CloseCode, reason: String = "") {
        self.code = code
        self.reason = reason
    }
}
