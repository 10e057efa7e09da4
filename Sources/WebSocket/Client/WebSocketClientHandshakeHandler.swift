import NIOCore

/// Runs the client side of the opening handshake (`ClientHandshake`, RFC 6455 section 4.1) on a
/// fresh TCP (or TLS) channel, then replaces itself with a `WebSocketChannelHandler`, lets the
/// caller `configure` the `WebSocketConnection` and completes the promise, before any frame is read.
final class WebSocketClientHandshakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var handshake: ClientHandshake
    private let configuration: WebSocketClientConfiguration
    private let configure: @Sendable (WebSocketConnection) -> Void
    private let promise: EventLoopPromise<WebSocketConnection>
    private var requestSent = false
    private var done = false
    private var timeout: Scheduled<Void>?

    init(
        handshake: ClientHandshake, configuration: WebSocketClientConfiguration,
        configure: @escaping @Sendable (WebSocketConnection) -> Void, promise: EventLoopPromise<WebSocketConnection>
    ) {
        self.handshake = handshake
        self.configuration = configuration
        self.configure = configure
        self.promise = promise
    }

    func handlerAdded(context: ChannelHandlerContext) {
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: configuration.connectTimeout) { [self] in
            fail(WebSocketClientError.connectTimedOut, context: context)
        }
        if context.channel.isActive { sendRequest(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        sendRequest(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(WebSocketClientError.connectionClosedDuringHandshake, context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        do {
            guard let accepted = try handshake.receivedBytes(unwrapInboundIn(data)) else { return }
            upgrade(context: context, accepted: accepted)
        } catch {
            fail(error, context: context)
        }
    }

    private func sendRequest(context: ChannelHandlerContext) {
        guard !requestSent else { return }
        requestSent = true
        var request = context.channel.allocator.buffer(capacity: 256)
        handshake.writeRequest(into: &request)
        // A TLS handler below holds this until its own handshake is done.
        context.writeAndFlush(wrapOutboundOut(request), promise: nil)
    }

    private func upgrade(context: ChannelHandlerContext, accepted: ClientHandshake.Accepted) {
        done = true
        timeout?.cancel()
        timeout = nil
        let deflate = accepted.deflate.map { parameters in
            PerMessageDeflate(
                parameters: parameters, role: .client, options: configuration.deflate ?? PerMessageDeflateOptions())
        }
        let machine = WebSocketConnectionStateMachine(
            role: .client, configuration: configuration.connection, deflate: deflate, now: context.eventLoop.now,
            allocator: context.channel.allocator)
        let handler = WebSocketChannelHandler(machine: machine)
        let connection = WebSocketConnection(
            channel: context.channel, role: .client, subprotocol: accepted.subprotocol, deflate: accepted.deflate,
            handler: handler)
        handler.connection = connection
        do {
            let pipeline = context.pipeline.syncOperations
            try pipeline.addHandler(handler, position: .after(self))
            pipeline.removeHandler(context: context, promise: nil)
        } catch {
            fail(error, context: context)
            return
        }
        // Frames may have come with the 101 response: the callbacks must be in place first.
        configure(connection)
        promise.succeed(connection)
        handler.receivedLeftover(accepted.leftover)
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        guard !done else { return }
        done = true
        timeout?.cancel()
        timeout = nil
        promise.fail(error)
        context.close(promise: nil)
    }
}
