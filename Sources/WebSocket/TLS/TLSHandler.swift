import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// TLS as a NIO channel handler: ciphertext below, plaintext above. Put it first in the pipeline.
///
/// The handshake starts when the channel becomes active. Writes made before it finishes are held
/// and sent after it. When it finishes, ``TLSHandshakeCompleted`` goes up as a user inbound event;
/// when it fails, a ``TLSError`` naming the cause goes up through `errorCaught` and the channel
/// closes (after sending OpenSSL's alert to the peer). Decrypted data is passed on once per read
/// burst, at `channelReadComplete`. Closing sends close_notify first (best effort, not awaited).
///
/// Installing it, once per connection, from one ``TLSContext`` shared by all:
///
/// ```swift
/// let context = try TLSContext(configuration: .client(trustRoots: .caFile("ca.pem")))
/// let channel = try await ClientBootstrap(group: group)
///     .channelInitializer { channel in
///         channel.eventLoop.makeCompletedFuture {
///             try channel.pipeline.syncOperations.addHandler(TLSHandler(context: context, serverHostname: host))
///             try channel.pipeline.syncOperations.addHandler(MyWebSocketHandler())
///         }
///     }
///     .connect(host: host, port: 443).get()
/// ```
///
/// A server does the same in `childChannelInitializer` with `TLSHandler(context: serverContext)`.
///
/// A connection closed without close_notify after the handshake is not reported as an error:
/// WebSocket's own close handshake (RFC 6455 section 7) marks the end of the data, so truncation
/// cannot go unnoticed above this layer.
public final class TLSHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private enum State {
        /// The channel is not active yet.
        case idle
        /// Handshake messages are being exchanged; application writes are held.
        case handshaking
        /// Application data flows both ways.
        case active
        /// We sent close_notify; inbound data is still decrypted until the peer closes.
        case closing
        /// The peer closed, the handshake or a record failed, or the channel went inactive.
        case closed
    }

    /// The plaintext a burst of application data may collect before it is passed on early.
    private static let maximumBufferedPlaintext = 256 * 1024
    /// The largest buffer kept for reuse between bursts: a connection that once moved a big burst
    /// does not pin that much memory while it idles (a fleet holds tens of thousands).
    private static let maximumRetainedCapacity = 64 * 1024

    private let connection: TLSConnection
    private var state = State.idle
    /// Application writes made during the handshake, sent in order when it completes.
    private var heldWrites: [(data: ByteBuffer, promise: EventLoopPromise<Void>?)] = []
    /// Whether a flush arrived while writes were held.
    private var flushHeld = false
    /// Completes when the ciphertext of the writes since the last flush has been written.
    private var unflushedPromise: EventLoopPromise<Void>?
    /// Decrypted data of the current read burst; reused across bursts when the reader let go of it.
    private var plaintext: ByteBuffer
    /// Ciphertext on its way to the network; reused when the channel has written the last one.
    private var ciphertext: ByteBuffer

    /// How long the handshake may take once the channel is active; `nil` waits forever.
    private let handshakeTimeout: TimeAmount?
    /// Fails the handshake when ``handshakeTimeout`` passes.
    private var handshakeTimer: Scheduled<Void>?
    /// Whether any application data came in (a refusal without an alert is told apart by its absence).
    private var receivedApplicationData = false
    /// Whether ``TLSError/certificateRequiredByPeer`` was reported (once per connection).
    private var reportedCertificateRefusal = false

    /// A handler for one connection. A client names the server it dialled in `serverHostname`
    /// (a DNS name or IP literal): it is sent as SNI and checked against the certificate.
    /// A handshake still unfinished after `handshakeTimeout` fails with
    /// ``TLSError/handshakeTimedOut``, so a silent peer cannot hold a connection open.
    public init(context: TLSContext, serverHostname: String? = nil, handshakeTimeout: TimeAmount? = .seconds(30))
        throws
    {
        self.connection = try TLSConnection(context: context, serverHostname: serverHostname)
        self.handshakeTimeout = handshakeTimeout
        let allocator = ByteBufferAllocator()
        self.plaintext = allocator.buffer(capacity: 0)
        self.ciphertext = allocator.buffer(capacity: 0)
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        plaintext = context.channel.allocator.buffer(capacity: 0)
        ciphertext = context.channel.allocator.buffer(capacity: 0)
        if context.channel.isActive {
            startHandshake(context: context)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        releasePending(ChannelError.ioOnClosedChannel)
    }

    public func channelActive(context: ChannelHandlerContext) {
        startHandshake(context: context)
        context.fireChannelActive()
    }

    /// The server asked for a client certificate, we had none, and it dropped us before any data.
    private var refusedForMissingCertificate: Bool {
        !reportedCertificateRefusal && !receivedApplicationData && connection.certificateRequestedButNotPresented
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The same refusal may arrive as a reset instead of a close (the peer closed with our
        // certificate-less Finished unread): report the cause, not "connection reset".
        if case .active = state, let io = error as? IOError, io.errnoCode == ECONNRESET, refusedForMissingCertificate {
            reportedCertificateRefusal = true
            context.fireErrorCaught(TLSError.certificateRequiredByPeer)
            return
        }
        context.fireErrorCaught(error)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .idle:
            state = .closed
            releasePending(ChannelError.ioOnClosedChannel)
        case .handshaking:
            state = .closed
            releasePending(TLSError.unexpectedEOF)
            context.fireErrorCaught(TLSError.unexpectedEOF)
        case .active, .closing:
            state = .closed
            deliverPlaintext(context: context)
            releasePending(ChannelError.ioOnClosedChannel)
            if refusedForMissingCertificate {
                // In TLS 1.3 the client's handshake ends before the server checks its certificate;
                // a server that then drops the connection without an alert (Python's asyncio does)
                // refused the certificate we did not have: say so rather than "closed".
                reportedCertificateRefusal = true
                context.fireErrorCaught(TLSError.certificateRequiredByPeer)
            }
        case .closed:
            break
        }
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        switch state {
        case .idle, .handshaking:
            connection.receive(bytes)
            state = .handshaking
            advanceHandshake(context: context)
        case .active, .closing:
            connection.receive(bytes)
            decrypt(context: context)
        case .closed:
            break
        }
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        let delivered = deliverPlaintext(context: context)
        switch state {
        case .active, .closing:
            // TLS 1.3 post-handshake messages (key updates) may need an answer.
            if connection.pendingOutputCount > 0 { flushCiphertext(context: context) }
            if !delivered { readAgainIfNotAutoRead(context: context) }
        case .handshaking:
            readAgainIfNotAutoRead(context: context)
        case .idle, .closed:
            break
        }
        context.fireChannelReadComplete()
    }

    /// With auto-read off, the reader's `read()` was spent on bytes that gave it nothing (handshake
    /// messages, part of a record): ask for more, or the reader waits forever.
    private func readAgainIfNotAutoRead(context: ChannelHandlerContext) {
        let autoRead = (try? context.channel.syncOptions?.getOption(ChannelOptions.autoRead)) ?? true
        if !autoRead { context.read() }
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let bytes = unwrapOutboundIn(data)
        switch state {
        case .idle, .handshaking:
            heldWrites.append((bytes, promise))
        case .active:
            encrypt(bytes, promise: promise, context: context)
        case .closing:
            promise?.fail(ChannelError.outputClosed)
        case .closed:
            promise?.fail(ChannelError.ioOnClosedChannel)
        }
    }

    public func flush(context: ChannelHandlerContext) {
        switch state {
        case .idle, .handshaking:
            flushHeld = true
        case .active, .closing:
            flushCiphertext(context: context)
        case .closed:
            break
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        switch (mode, state) {
        case (.input, _):
            break
        case (.output, .active), (.all, .active):
            state = .closing
            connection.shutdown()
            flushCiphertext(context: context)
        case (.output, .idle), (.output, .handshaking), (.all, .idle), (.all, .handshaking):
            state = .closed
            releasePending(ChannelError.ioOnClosedChannel)
        case (.all, .closing):
            state = .closed
        case (.output, .closing), (.output, .closed), (.all, .closed):
            break
        }
        context.close(mode: mode, promise: promise)
    }

    // MARK: - Handshake

    private func startHandshake(context: ChannelHandlerContext) {
        guard case .idle = state else { return }
        state = .handshaking
        if let handshakeTimeout {
            handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: handshakeTimeout) {
                self.handshakeTimer = nil
                guard case .handshaking = self.state else { return }
                self.fail(.handshakeTimedOut, context: context)
            }
        }
        advanceHandshake(context: context)
    }

    private func cancelHandshakeTimer() {
        handshakeTimer?.cancel()
        handshakeTimer = nil
    }

    private func advanceHandshake(context: ChannelHandlerContext) {
        switch connection.handshake() {
        case .needMoreData:
            flushCiphertext(context: context)
        case .failed(let error):
            fail(error, context: context)
        case .complete:
            state = .active
            cancelHandshakeTimer()
            // The handshake's last flight goes out before any held application data.
            flushCiphertext(context: context)
            // Held writes go before the event: a handler that writes on seeing it must not overtake them.
            let writes = heldWrites
            heldWrites = []
            for write in writes {
                guard case .active = state else {
                    write.promise?.fail(ChannelError.ioOnClosedChannel)
                    continue
                }
                encrypt(write.data, promise: write.promise, context: context)
            }
            if flushHeld {
                flushHeld = false
                if case .active = state { flushCiphertext(context: context) }
            }
            if case .active = state {
                context.fireUserInboundEventTriggered(
                    TLSHandshakeCompleted(
                        peerCertificateSubjectCN: connection.peerCommonName,
                        protocolVersion: connection.protocolVersion,
                        applicationProtocol: connection.applicationProtocol,
                        serverName: connection.serverName,
                        peerCertificateSerialNumber: connection.peerSerialNumber))
            }
            // Application data may have arrived in the same read as the handshake's end.
            if case .active = state { decrypt(context: context) }
        }
    }

    // MARK: - Data

    private func decrypt(context: ChannelHandlerContext) {
        switch connection.read(into: &plaintext) {
        case .needMoreData:
            if plaintext.readableBytes >= Self.maximumBufferedPlaintext {
                deliverPlaintext(context: context)
            }
        case .closeNotify:
            deliverPlaintext(context: context)
            let alreadySent: Bool
            switch state {
            case .closing, .closed: alreadySent = true
            case .idle, .handshaking, .active: alreadySent = false
            }
            state = .closed
            if !alreadySent {
                connection.shutdown()
                flushCiphertext(context: context)
            }
            context.close(promise: nil)
        case .failed(let error):
            deliverPlaintext(context: context)
            fail(error, context: context)
        }
    }

    @discardableResult
    private func deliverPlaintext(context: ChannelHandlerContext) -> Bool {
        guard plaintext.readableBytes > 0 else { return false }
        receivedApplicationData = true
        context.fireChannelRead(wrapInboundOut(plaintext))
        recycle(&plaintext, context: context)
        return true
    }

    private func encrypt(_ bytes: ByteBuffer, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        if let error = connection.write(bytes) {
            promise?.fail(error)
            fail(error, context: context)
            return
        }
        if let promise {
            if let unflushedPromise {
                unflushedPromise.futureResult.cascade(to: promise)
            } else {
                unflushedPromise = promise
            }
        }
    }

    private func flushCiphertext(context: ChannelHandlerContext) {
        let promise = unflushedPromise
        unflushedPromise = nil
        guard connection.pendingOutputCount > 0 else {
            promise?.succeed()
            context.flush()
            return
        }
        recycle(&ciphertext, context: context)
        connection.drainOutput(into: &ciphertext)
        context.writeAndFlush(wrapOutboundOut(ciphertext), promise: promise)
    }

    /// Empties `buffer` for the next burst. `clear()` keeps the storage when nobody else holds it
    /// (the reader or the socket let go) and takes fresh storage otherwise.
    private func recycle(_ buffer: inout ByteBuffer, context: ChannelHandlerContext) {
        if buffer.capacity > Self.maximumRetainedCapacity {
            buffer = context.channel.allocator.buffer(capacity: 0)
        } else {
            buffer.clear()
        }
    }

    // MARK: - Failure

    private func fail(_ error: TLSError, context: ChannelHandlerContext) {
        switch state {
        case .closed:
            return
        case .idle, .handshaking, .active, .closing:
            state = .closed
        }
        // Send OpenSSL's alert so the peer learns why, then report and close.
        if connection.pendingOutputCount > 0 {
            recycle(&ciphertext, context: context)
            connection.drainOutput(into: &ciphertext)
            context.writeAndFlush(wrapOutboundOut(ciphertext), promise: nil)
        }
        releasePending(error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    /// Fails the held and unflushed writes with `error` and stops the handshake timer.
    private func releasePending(_ error: any Error) {
        cancelHandshakeTimer()
        let writes = heldWrites
        heldWrites = []
        for write in writes { write.promise?.fail(error) }
        let promise = unflushedPromise
        unflushedPromise = nil
        promise?.fail(error)
    }
}

@available(*, unavailable)
extension TLSHandler: Sendable {}
