import WebSocket

/// The limits and extension settings both agents share: Autobahn 9.* sends messages up to
/// 16 MiB, so the limits sit well above that; deflate accepts every parameter 12.* and 13.* use.
enum AgentSettings {
    static let connection = WebSocketConnectionStateMachine.Configuration(
        maxFrameSize: 64 << 20, maxMessageSize: 64 << 20, closeTimeout: .seconds(5))

    /// The client offer: our window is ours to limit, so `client_max_window_bits` is offered.
    static let clientDeflate = PerMessageDeflateOptions()

    /// The server accepts whatever the client asks for.
    static let serverDeflate = PerMessageDeflateOptions()
}
