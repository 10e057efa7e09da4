import NIOCore
import NIOPosix

extension WebSocketConnection {
    /// Opens a client connection (RFC 6455 section 4.1) on `eventLoop`: TCP, TLS for `wss://`,
    /// then the opening handshake. `configure` runs on `eventLoop` as soon as the handshake is
    /// done and before the first frame is read (frames may follow the 101 response in the same
    /// segment): set `onMessage` and `onClose` there. The future completes after it.
    ///
    /// Fails with `WebSocketHandshakeError` (e.g. `.unexpectedStatus(code: 401, ...)`),
    /// `TLSError`, `WebSocketClientError` or the socket's error.
    public static func connect(
        to url: WebSocketURL,
        configuration: WebSocketClientConfiguration = .init(),
        eventLoop: any EventLoop,
        configure: @escaping @Sendable (WebSocketConnection) -> Void
    ) -> EventLoopFuture<WebSocketConnection> {
        let promise = eventLoop.makePromise(of: WebSocketConnection.self)
        let tlsContext: TLSContext?
        if url.isSecure {
            do {
                tlsContext = try configuration.tlsContext ?? TLSContext(configuration: configuration.tls ?? .client())
            } catch {
                promise.fail(error)
                return promise.futureResult
            }
        } else {
            tlsContext = nil
        }
        var keySource = SystemRandomNumberGenerator()
        let handshake = ClientHandshake(
            url: url,
            configuration: .init(
                subprotocols: configuration.subprotocols, requiresSubprotocol: configuration.requiresSubprotocol,
                headers: configuration.headers, deflate: configuration.deflate),
            keySource: &keySource)
        var bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            // Each channel keeps its receive buffer between reads; NIO's default starts it at
            // 2 KiB. WebSocket clients mostly read small frames (OCPP answers are tens of bytes),
            // and the adaptive allocator still grows it for bigger reads.
            .channelOption(
                .recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 64, maximum: 65536)
            )
            .channelInitializer { channel in
                do {
                    let pipeline = channel.pipeline.syncOperations
                    if let tlsContext {
                        try pipeline.addHandler(TLSHandler(context: tlsContext, serverHostname: url.host))
                    }
                    try pipeline.addHandler(
                        WebSocketClientHandshakeHandler(
                            handshake: handshake, configuration: configuration, configure: configure,
                            promise: promise))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        if let localAddress = configuration.localAddress {
            bootstrap = bootstrap.bind(to: localAddress)
            #if os(Linux)
                // IP_BIND_ADDRESS_NO_PORT (Linux 4.2+): the port is chosen at connect(), per
                // destination, instead of at bind(), which would share one port range among all
                // destinations of the source address.
                bootstrap = bootstrap.channelOption(.ipOption(.init(rawValue: 24)), value: 1)
            #endif
        }
        bootstrap.connect(host: url.host, port: url.port).whenFailure { error in
            // The TCP connect and the handshake share one budget: both time out as `.connectTimedOut`.
            if case ChannelError.connectTimeout = error {
                promise.fail(WebSocketClientError.connectTimedOut)
            } else {
                promise.fail(error)
            }
        }
        return promise.futureResult
    }
}
