import NIOCore

/// A complete data message (RFC 6455 section 5.6), reassembled from its fragments and inflated.
public enum WebSocketMessage: Sendable, Equatable {
    /// A text message, valid UTF-8.
    case text(String)
    /// A binary message.
    case binary(ByteBuffer)
}
