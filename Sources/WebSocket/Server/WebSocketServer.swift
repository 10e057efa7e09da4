import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A WebSocket server (RFC 6455 section 4.2): accepts TCP (or TLS) connections, upgrades
/// HTTP/1.1 requests the application accepts, and hands each `WebSocketConnection` to
/// `onConnection` on its event loop. Requests that are not a valid upgrade get 400 (426 for a
/// wrong version); the application may refuse with any status (401, 404, ...).
///
///     let server = try await WebSocketServer.bind(host: "127.0.0.1", port: 0) { request in
///         request.path == "/ocpp/CP-1" ? .accept() : .refuse(status: .notFound)
///     } onConnection: { connection in
///         connection.onMessage = { message in ... }
///     }
public final class WebSocketServer: Sendable {
    /// Sent through each connection's pipeline by `shutdown()`: open WebSockets close with
    /// 1001 (going away), handshakes in progress are dropped.
    struct ShutdownEvent: Sendable {}

    /// The listening channel.
    public let channel: any Channel
    /// The bound port (the one the system chose when `port` was 0).
    public let port: Int
    private let children: NIOLockedValueBox<[ObjectIdentifier: any Channel]>

    private init(channel: any Channel, port: Int, children: NIOLockedValueBox<[ObjectIdentifier: any Channel]>) {
        self.channel = channel
        self.port = port
        self.children = children
    }

    /// Binds `host:port` (port 0 picks a free one; read `port`).
    /// - Parameters:
    ///   - shouldUpgrade: called on the connection's event loop with each valid upgrade request.
    ///   - onConnection: called on the connection's event loop with each upgraded connection,
    ///     before any of its frames is read and before the 101 response is flushed (so the
    ///     client never sees its handshake complete before the application has the connection):
    ///     set `onMessage` and `onClose` here.
    public static func bind(
        host: String,
        port: Int,
        configuration: WebSocketServerConfiguration = .init(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        shouldUpgrade: @escaping @Sendable (WebSocketUpgradeRequest) -> WebSocketUpgradeDecision = { _ in .accept() },
        onConnection: @escaping @Sendable (WebSocketConnection) -> Void
    ) async throws -> WebSocketServer {
        let tlsContext = try configuration.tls.map { try TLSContext(configuration: $0) }
        let children = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            // A fleet ramping up connects thousands a second while the loops are busy with the
            // chargers already connected: the kernel caps the queue at net.core.somaxconn, and NIO
            // accepts only 4 connections per wake-up unless told more. With both at their old
            // values the queue overflowed at 1,000 connects a second and 6,000 chargers charging;
            // the dropped handshakes timed out, were retried, and the late ones then replaced
            // the retries (issue 11).
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.maxMessagesPerRead, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let id = ObjectIdentifier(channel)
                children.withLockedValue { $0[id] = channel }
                channel.closeFuture.whenComplete { _ in
                    _ = children.withLockedValue { $0.removeValue(forKey: id) }
                }
                do {
                    let pipeline = channel.pipeline.syncOperations
                    if let tlsContext {
                        try pipeline.addHandler(TLSHandler(context: tlsContext))
                    }
                    let decoder = ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes))
                    try pipeline.addHandler(decoder)
                    try pipeline.addHandler(
                        WebSocketServerUpgradeHandler(
                            configuration: configuration, decoder: decoder, shouldUpgrade: shouldUpgrade,
                            onConnection: onConnection))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        let boundPort = channel.localAddress?.port ?? port
        return WebSocketServer(channel: channel, port: boundPort, children: children)
    }

    /// The number of accepted connections that are still open.
    public var connectionCount: Int {
        children.withLockedValue { $0.count }
    }

    /// Stops accepting, closes every open WebSocket with 1001 (going away), and waits until all
    /// connections are gone (each within its close timeout).
    public func shutdown() async {
        try? await channel.close()
        let open = children.withLockedValue { Array($0.values) }
        for child in open {
            child.pipeline.fireUserInboundEventTriggered(ShutdownEvent())
        }
        for child in open {
            try? await child.closeFuture.get()
        }
    }
}
