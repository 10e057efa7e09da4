import NIOCore
import WebSocket

/// Reports what passes above a ``TLSHandler`` and optionally echoes it back.
final class TLSPeerRecorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let outcome: TLSPeerOutcome
    private let echoes: Bool
    private let expectedBytes: Int
    private let sendOnActive: [ByteBuffer]
    /// With auto-read off: one `read()` when active and one after each read that delivered data,
    /// as a reader with backpressure (such as `NIOAsyncChannel`) asks.
    private let readsOnDemand: Bool
    private var received = ByteBuffer()

    init(
        outcome: TLSPeerOutcome, echoes: Bool, expectedBytes: Int, sendOnActive: [ByteBuffer],
        readsOnDemand: Bool = false
    ) {
        self.outcome = outcome
        self.echoes = echoes
        self.expectedBytes = expectedBytes
        self.sendOnActive = sendOnActive
        self.readsOnDemand = readsOnDemand
    }

    func channelActive(context: ChannelHandlerContext) {
        // These writes reach the TLS handler while its handshake has only sent the ClientHello.
        for bytes in sendOnActive { context.write(wrapOutboundOut(bytes), promise: nil) }
        if !sendOnActive.isEmpty { context.flush() }
        context.fireChannelActive()
        if readsOnDemand { context.read() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if echoes { context.write(wrapOutboundOut(bytes), promise: nil) }
        received.writeBuffer(&bytes)
        if expectedBytes > 0, received.readableBytes >= expectedBytes {
            outcome.received.succeed(received)
        }
        if readsOnDemand { context.read() }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if echoes { context.flush() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            outcome.handshake.succeed(completed)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        outcome.error.succeed(error)
        outcome.handshake.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        outcome.finish()
        context.fireChannelInactive()
    }
}

/// The outcomes one end of a loopback TLS connection reports. Every promise is completed: by
/// what the channel saw, when the channel closes, or by ``finish()`` at the end of a test.
struct TLSPeerOutcome: Sendable {
    /// The handshake event; fails with the error or closure that came first.
    let handshake: EventLoopPromise<TLSHandshakeCompleted>
    /// The first error that reached the application side.
    let error: EventLoopPromise<any Error>
    /// All the bytes received, once `expectedBytes` have arrived.
    let received: EventLoopPromise<ByteBuffer>

    init(on loop: any EventLoop) {
        handshake = loop.makePromise()
        error = loop.makePromise()
        received = loop.makePromise()
    }

    /// Fails whatever has not happened, so no promise leaks (later completions are ignored).
    func finish(_ reason: any Error = TLSLoopbackError.finished) {
        handshake.fail(reason)
        error.fail(reason)
        received.fail(reason)
    }
}
