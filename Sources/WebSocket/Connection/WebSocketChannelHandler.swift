import NIOCore

/// The thin NIO shell around `WebSocketConnectionStateMachine` (RFC 6455 sections 5-7): feeds
/// read bytes to the core, hands its events to the `WebSocketConnection`, writes its output and
/// flushes once per read burst, keeps one timer armed at the core's next deadline, and closes
/// TCP when the core says so. Installed after the opening handshake.
final class WebSocketChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var machine: WebSocketConnectionStateMachine
    private var context: ChannelHandlerContext?
    /// The connection this handler reports to; released once the close is reported.
    var connection: WebSocketConnection?
    /// True between `channelRead` and `channelReadComplete`: writes wait for the burst's flush.
    private var inReadBurst = false
    private var needsFlush = false
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?
    private var closeReported = false
    /// Set when the connection's owner drives the keepalive (`keepaliveTimerFired`) from a timer
    /// of its own: the handler's timer then only serves the close handshake's deadlines.
    private var keepaliveIsExternal = false

    init(machine: WebSocketConnectionStateMachine) {
        self.machine = machine
    }

    var isOpen: Bool { machine.isOpen }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        armTimer()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        reportClose()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        inReadBurst = false
        flushIfNeeded()
        armTimer()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        reportClose()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A transport or TLS error: nothing more can be read or written reliably.
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is WebSocketServer.ShutdownEvent {
            _ = send { $0.close(code: .goingAway, reason: "server shutting down", now: context.eventLoop.now) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: - Driving the core

    /// Feeds bytes read from the channel, or left over after the opening handshake.
    func received(_ bytes: ByteBuffer) {
        inReadBurst = true
        machine.receivedBytes(bytes, now: context?.eventLoop.now ?? .now())
        drainEvents()
    }

    /// Processes bytes that followed the handshake response as a read burst of their own.
    func receivedLeftover(_ bytes: ByteBuffer) {
        guard bytes.readableBytes > 0 else { return }
        received(bytes)
        inReadBurst = false
        flushIfNeeded()
        armTimer()
    }

    /// The HTTP decoder forwarded its left-over bytes (as a `channelRead` without a read
    /// complete): end that burst.
    func leftoverDelivered() {
        inReadBurst = false
        flushIfNeeded()
        armTimer()
    }

    /// Runs a send, ping or close on the core and writes what it queued.
    func send(_ operation: (inout WebSocketConnectionStateMachine) -> WebSocketSendResult) -> WebSocketSendResult {
        guard !inReadBurst else {
            let result = operation(&machine)
            writeOutput()
            return result
        }
        // Written and flushed at once: the frame goes into the loop's spare buffer, which the
        // flush hands back (`OutputBufferRecycler`).
        let recycler = OutputBufferRecycler.current
        if let spare = recycler.take() { machine.recycleOutputBuffer(spare) }
        let result = operation(&machine)
        let output = machine.takeOutputBuffer()
        if output.readableBytes > 0, let context {
            // One trip down the pipeline for the write and its flush.
            needsFlush = false
            context.writeAndFlush(wrapOutboundOut(output), promise: nil)
        } else {
            flushIfNeeded()
        }
        armTimer()
        recycler.keep(output)
        return result
    }

    private func drainEvents() {
        while let event = machine.nextEvent() {
            switch event {
            case .text(let text):
                connection?.deliver(.text(text))
            case .binary(let bytes):
                connection?.deliver(.binary(bytes))
            case .ping:
                // The core already queued the pong.
                break
            case .pong(let payload):
                connection?.receivedPong(payload)
            case .closed:
                // Reported once TCP is gone (`reportClose`), with the status the core keeps.
                break
            case .closeTransport:
                closeAfterWriting()
                return
            }
        }
        writeOutput()
    }

    /// Writes the pending output (the close frame) and closes TCP once it is written: a plain
    /// close would drop writes still queued in the channel.
    private func closeAfterWriting() {
        guard let context else { return }
        let output = machine.takeOutput() ?? context.channel.allocator.buffer(capacity: 0)
        needsFlush = false
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(output), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func writeOutput() {
        guard let context, let output = machine.takeOutput() else { return }
        context.write(wrapOutboundOut(output), promise: nil)
        needsFlush = true
    }

    private func flushIfNeeded() {
        guard needsFlush, let context else { return }
        needsFlush = false
        context.flush()
    }

    // MARK: - The one timer

    /// Keeps a timer at or before the core's next deadline. A later deadline leaves the armed
    /// timer alone: it fires early, the core answers `.none`, and the timer is re-armed then.
    /// That way a read burst, which moves the keepalive deadline, costs no timer churn.
    private func armTimer() {
        guard let context, let deadline = ownDeadline else { return }
        if let timerDeadline, timerDeadline <= deadline { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timerFired()
        }
    }

    /// The deadline the handler's own timer serves: all of them, or only the close handshake's
    /// when the owner drives the keepalive.
    private var ownDeadline: NIODeadline? {
        keepaliveIsExternal && machine.isOpen ? nil : machine.nextDeadline
    }

    /// While the connection is open, when the owner driving the keepalive must call
    /// `keepaliveTimerFired()` (the next ping, or the pong's deadline); nil when nothing is due.
    var keepaliveDeadline: NIODeadline? {
        machine.keepaliveWakeUp
    }

    /// Hands the keepalive timer to the owner; the handler's own timer is dropped if it was armed
    /// for the keepalive.
    func driveKeepaliveExternally() {
        guard !keepaliveIsExternal else { return }
        keepaliveIsExternal = true
        cancelTimer()
        armTimer()
    }

    /// The owner's keepalive timer fired (early calls do nothing): sends the ping that is due, or
    /// closes TCP when the pong did not come in time, as the handler's own timer would.
    func keepaliveTimerFired() {
        guard machine.isOpen, let context else { return }
        switch machine.timerFired(now: context.eventLoop.now) {
        case .none:
            break
        case .sendPing:
            writeOutput()
            if !inReadBurst { flushIfNeeded() }
        case .connectionDead, .closeTransport:
            writeOutput()
            flushIfNeeded()
            context.close(promise: nil)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
    }

    private func timerFired() {
        timer = nil
        timerDeadline = nil
        switch machine.timerFired(now: context?.eventLoop.now ?? .now()) {
        case .none:
            break
        case .sendPing:
            writeOutput()
            flushIfNeeded()
        case .connectionDead, .closeTransport:
            writeOutput()
            flushIfNeeded()
            context?.close(promise: nil)
            return
        }
        armTimer()
    }

    private func reportClose() {
        guard !closeReported else { return }
        closeReported = true
        let status =
            machine.transportClosed() ?? machine.closeStatus
            ?? WebSocketCloseStatus(code: .abnormalClosure, reason: "connection closed")
        connection?.closed(status)
        connection = nil
    }
}
