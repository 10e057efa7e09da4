import NIOCore

/// What the connection core reports after received bytes (RFC 6455 sections 5.5, 5.6, 7).
public enum WebSocketEvent: Sendable, Equatable {
    /// A complete, valid UTF-8 text message.
    case text(String)
    /// A complete binary message.
    case binary(ByteBuffer)
    /// A ping arrived; the matching pong is already in the output.
    case ping(ByteBuffer)
    /// A pong arrived.
    case pong(ByteBuffer)
    /// The WebSocket is closed: no further messages. Output may hold our close frame.
    case closed(WebSocketCloseStatus)
    /// Write the pending output, then close the TCP connection.
    case closeTransport
}
