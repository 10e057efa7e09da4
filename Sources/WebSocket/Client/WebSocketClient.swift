import NIOCore
import NIOPosix

/// A WebSocket client connection with async/await (RFC 6455): connect, `send`, iterate
/// `inbound`, `close`. It wraps a `WebSocketConnection` (the callback API, which a fleet of
/// chargers pinned to event loops uses directly); both share the handshake and frame code.
///
///     let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:9000/CP-1")
///     try await client.send(text: "hello")
///     for await message in client.inbound { ... }
///     let status = await client.closeStatus
public final class WebSocketClient: Sendable {
    /// The connection underneath; use it from its event loop for the callback API.
    public let connection: WebSocketConnection
    /// The messages received, in order; ends when the connection is closed (then read
    /// `closeStatus`). Buffered without bound: read it steadily, or use `connection.onMessage`.
    public let inbound: AsyncStream<WebSocketMessage>

    private init(connection: WebSocketConnection, inbound: AsyncStream<WebSocketMessage>) {
        self.connection = connection
        self.inbound = inbound
    }

    /// Connects to a `ws://` or `wss://` URL and completes the opening handshake.
    /// Throws `WebSocketHandshakeError` (the status of a refusal in `.unexpectedStatus`),
    /// `TLSError`, `WebSocketClientError` or the socket's error.
    public static func connect(
        to url: String,
        configuration: WebSocketClientConfiguration = .init(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> WebSocketClient {
        try await connect(to: WebSocketURL(url), configuration: configuration, eventLoopGroup: eventLoopGroup)
    }

    /// Connects to `url` and completes the opening handshake.
    public static func connect(
        to url: WebSocketURL,
        configuration: WebSocketClientConfiguration = .init(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> WebSocketClient {
        let (stream, continuation) = AsyncStream.makeStream(of: WebSocketMessage.self)
        let future = WebSocketConnection.connect(
            to: url, configuration: configuration, eventLoop: eventLoopGroup.next()
        ) { connection in
            connection.onMessage = { continuation.yield($0) }
            connection.onClose = { _ in continuation.finish() }
        }
        future.whenFailure { _ in continuation.finish() }
        let connection = try await future.get()
        return WebSocketClient(connection: connection, inbound: stream)
    }

    /// The subprotocol the server selected, if any.
    public var subprotocol: String? { connection.subprotocol }

    /// The agreed permessage-deflate parameters, if any.
    public var deflate: PerMessageDeflateParameters? { connection.deflate }

    /// Sends a text message. Throws `WebSocketClientError.notOpen` once closing.
    public func send(text: String) async throws {
        try await run { $0.send(text: text) }
    }

    /// Sends a binary message. Throws `WebSocketClientError.notOpen` once closing.
    public func send(binary: ByteBuffer) async throws {
        try await run { $0.send(binary: binary) }
    }

    /// Sends a ping (at most 125 bytes of payload).
    public func sendPing(_ payload: ByteBuffer = ByteBuffer()) async throws {
        try await run { $0.sendPing(payload) }
    }

    /// Starts the close handshake (RFC 6455 section 7.1.2) if nobody has yet, and waits until
    /// the connection is gone. Returns how it ended (the peer's echo of `code` normally).
    @discardableResult
    public func close(code: CloseCode = .normalClosure, reason: String = "") async -> WebSocketCloseStatus {
        let connection = connection
        connection.eventLoop.execute {
            connection.close(code: code, reason: reason)
        }
        return await closeStatus
    }

    /// How the connection ended; waits until it has.
    public var closeStatus: WebSocketCloseStatus {
        get async {
            // The close promise is always succeeded (never failed) when the channel goes.
            (try? await connection.closeFuture.get())
                ?? WebSocketCloseStatus(code: .abnormalClosure, reason: "connection closed")
        }
    }

    private func run(_ operation: @escaping @Sendable (WebSocketConnection) -> WebSocketSendResult) async throws {
        let connection = connection
        let result = try await connection.eventLoop.submit { operation(connection) }.get()
        switch result {
        case .queued: return
        case .notOpen: throw WebSocketClientError.notOpen
        case .invalidArgument: throw WebSocketClientError.invalidArgument
        }
    }
}
