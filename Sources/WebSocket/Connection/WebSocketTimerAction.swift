/// What the shell must do when the deadline from `nextDeadline` passes.
public enum WebSocketTimerAction: Sendable, Equatable {
    /// Nothing is due yet; re-arm with the next deadline.
    case none
    /// A keepalive ping is in the output; write it.
    case sendPing
    /// No pong arrived within the pong timeout: close the TCP connection (status 1006).
    case connectionDead
    /// The close handshake did not finish in time: close the TCP connection.
    case closeTransport
}
