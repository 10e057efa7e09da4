import NIOCore
import NIOHTTP1

/// The server side of the opening handshake (RFC 6455 section 4.2) on one accepted channel.
/// NIOHTTP1's `HTTPRequestDecoder` reads the request head; `ServerHandshake` validates it and
/// selects subprotocol and extensions; the application's `shouldUpgrade` accepts or refuses.
/// On accept it writes the 101 response, installs a `WebSocketChannelHandler`, hands the
/// `WebSocketConnection` to `onConnection` before flushing the 101, and removes itself and the HTTP decoder, whose
/// left-over bytes (the client's first frames) go to the frame handler.
final class WebSocketServerUpgradeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    typealias ShouldUpgrade = @Sendable (WebSocketUpgradeRequest) -> WebSocketUpgradeDecision
    typealias OnConnection = @Sendable (WebSocketConnection) -> Void

    private enum State {
        /// Waiting for the request head.
        case awaitingHead
        /// The head was accepted; the upgrade happens at the request's end.
        case accepted(ServerHandshake.Acceptance)
        /// Answered (refused or upgraded); nothing more to do.
        case done
    }

    private let configuration: WebSocketServerConfiguration
    private let handshakeConfiguration: ServerHandshake.Configuration
    private let decoder: ByteToMessageHandler<HTTPRequestDecoder>
    private let shouldUpgrade: ShouldUpgrade
    private let onConnection: OnConnection
    private var state: State = .awaitingHead
    private var peerCertificateSubjectCN: String?
    private var peerCertificateSerialNumber: String?
    private var timeout: Scheduled<Void>?

    init(
        configuration: WebSocketServerConfiguration, decoder: ByteToMessageHandler<HTTPRequestDecoder>,
        shouldUpgrade: @escaping ShouldUpgrade, onConnection: @escaping OnConnection
    ) {
        self.configuration = configuration
        self.handshakeConfiguration = ServerHandshake.Configuration(
            subprotocols: configuration.subprotocols, requiresSubprotocol: configuration.requiresSubprotocol,
            deflate: configuration.deflate)
        self.decoder = decoder
        self.shouldUpgrade = shouldUpgrade
        self.onConnection = onConnection
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Slow or silent clients must not hold a socket forever.
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: configuration.handshakeTimeout) {
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            peerCertificateSubjectCN = completed.peerCertificateSubjectCN
            peerCertificateSerialNumber = completed.peerCertificateSerialNumber
        } else if event is WebSocketServer.ShutdownEvent {
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch state {
        case .awaitingHead, .accepted:
            if error is HTTPParserError {
                refuse(
                    ServerHandshake.Rejection(status: .badRequest, reason: "malformed HTTP request"), context: context)
            } else {
                state = .done
                context.close(promise: nil)
            }
        case .done:
            context.fireErrorCaught(error)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .awaitingHead):
            evaluate(head, context: context)
        case (.body, .awaitingHead), (.body, .accepted), (.end, .awaitingHead):
            break
        case (.end, .accepted(let acceptance)):
            upgrade(acceptance, context: context)
        case (.head, .accepted), (_, .done):
            break
        }
    }

    private func evaluate(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        var acceptance: ServerHandshake.Acceptance
        switch ServerHandshake.evaluate(
            method: head.method, version: head.version, headers: head.headers, configuration: handshakeConfiguration)
        {
        case .failure(let rejection):
            refuse(rejection, context: context)
            return
        case .success(let accepted):
            acceptance = accepted
        }
        let offered = head.headers.tokens("Sec-WebSocket-Protocol").map(String.init)
        let request = WebSocketUpgradeRequest(
            uri: head.uri, headers: head.headers, remoteAddress: context.channel.remoteAddress,
            offeredSubprotocols: offered, peerCertificateSubjectCN: peerCertificateSubjectCN,
            peerCertificateSerialNumber: peerCertificateSerialNumber)
        switch shouldUpgrade(request) {
        case .refuse(let status, let headers, let body):
            refuse(ServerHandshake.Rejection(status: status, reason: body, headers: headers), context: context)
        case .accept(let subprotocol, let headers):
            if let subprotocol {
                guard offered.contains(subprotocol) else {
                    refuse(
                        ServerHandshake.Rejection(
                            status: .badRequest, reason: "subprotocol \(subprotocol) was not offered"),
                        context: context)
                    return
                }
                acceptance.subprotocol = subprotocol
                acceptance.headers.replaceOrAdd(name: "Sec-WebSocket-Protocol", value: subprotocol)
            }
            acceptance.headers.add(contentsOf: headers)
            state = .accepted(acceptance)
        }
    }

    private func refuse(_ rejection: ServerHandshake.Rejection, context: ChannelHandlerContext) {
        state = .done
        var response = context.channel.allocator.buffer(capacity: 256)
        rejection.writeResponse(into: &response)
        context.writeAndFlush(wrapOutboundOut(response)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func upgrade(_ acceptance: ServerHandshake.Acceptance, context: ChannelHandlerContext) {
        state = .done
        timeout?.cancel()
        timeout = nil
        var response = context.channel.allocator.buffer(capacity: 256)
        acceptance.writeResponse(into: &response)
        context.write(wrapOutboundOut(response), promise: nil)

        let deflate = acceptance.deflate.map { parameters in
            PerMessageDeflate(
                parameters: parameters, role: .server, options: configuration.deflate ?? PerMessageDeflateOptions())
        }
        let machine = WebSocketConnectionStateMachine(
            role: .server, configuration: configuration.connection, deflate: deflate, now: context.eventLoop.now,
            allocator: context.channel.allocator)
        let handler = WebSocketChannelHandler(machine: machine)
        let connection = WebSocketConnection(
            channel: context.channel, role: .server, subprotocol: acceptance.subprotocol,
            deflate: acceptance.deflate, handler: handler)
        handler.connection = connection
        let pipeline = context.pipeline.syncOperations
        do {
            try pipeline.addHandler(handler, position: .after(self))
        } catch {
            context.close(promise: nil)
            return
        }
        // The application takes the connection before the 101 leaves: a client that saw its
        // handshake complete must find it registered (a command sent to it at once would
        // otherwise find it offline). What the application writes here follows the 101.
        onConnection(connection)
        context.flush()
        // Leaving at once; the decoder leaves on the next loop tick and forwards the bytes it
        // holds after the request (the client's first frames) to the frame handler.
        pipeline.removeHandler(context: context, promise: nil)
        let decoderRemoved = context.eventLoop.makePromise(of: Void.self)
        pipeline.removeHandler(decoder, promise: decoderRemoved)
        decoderRemoved.futureResult.assumeIsolated().whenComplete { _ in
            handler.leftoverDelivered()
        }
    }
}
