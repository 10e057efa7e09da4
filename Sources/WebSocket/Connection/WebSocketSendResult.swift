/// The answer to a send, ping or close request.
public enum WebSocketSendResult: Sendable, Equatable {
    /// The frame is in the output; the shell should write it.
    case queued
    /// The connection is closing or closed; nothing was queued (RFC 6455 section 5.5.1).
    case notOpen
    /// The request itself was invalid (a ping payload over 125 bytes, a close code not valid
    /// on the wire); nothing was queued.
    case invalidArgument
}
