import NIOCore
import NIOPosix
import TestSupport
import WebSocket

/// Certificates shared by the TLS tests, made once per test run by a throwaway CA; each issued
/// pair has its own files, so tests may use them in parallel.
struct TLSTestCertificates: Sendable {
    static let shared = Result { try TLSTestCertificates() }

    let authority: TestCertificateAuthority
    let otherAuthority: TestCertificateAuthority
    /// localhost and 127.0.0.1, signed by `authority`.
    let server: TestCertificateAuthority.Issued
    /// Like `server` but valid only in January 2020.
    let expiredServer: TestCertificateAuthority.Issued
    /// example.test only.
    let exampleServer: TestCertificateAuthority.Issued
    /// localhost and 127.0.0.1, signed by `otherAuthority`.
    let foreignServer: TestCertificateAuthority.Issued
    /// CN=CP-0042, signed by `authority`.
    let client: TestCertificateAuthority.Issued
    /// CN=CP-9999, signed by `otherAuthority`.
    let foreignClient: TestCertificateAuthority.Issued

    private init() throws {
        authority = try TestCertificateAuthority()
        otherAuthority = try TestCertificateAuthority(commonName: "Other Test CA")
        server = try authority.issueServerCertificate()
        expiredServer = try authority.issueServerCertificate(expired: true)
        exampleServer = try authority.issueServerCertificate(
            commonName: "example.test", dnsNames: ["example.test"], ipAddresses: [])
        foreignServer = try otherAuthority.issueServerCertificate()
        client = try authority.issueClientCertificate(commonName: "CP-0042")
        foreignClient = try otherAuthority.issueClientCertificate(commonName: "CP-9999")
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

enum TLSLoopbackError: Error {
    /// The test ended, or the channel closed, before the awaited outcome.
    case finished
    /// The outcome did not arrive in time.
    case timedOut
}

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

/// A TLS echo server on 127.0.0.1, port 0, and clients connecting to it.
struct TLSLoopback {
    let group: any EventLoopGroup
    let server: any Channel
    /// What the server side of the (first) accepted connection saw.
    let serverOutcome: TLSPeerOutcome

    static func start(context: TLSContext) async throws -> TLSLoopback {
        let group = MultiThreadedEventLoopGroup.singleton
        let outcome = TLSPeerOutcome(on: group.next())
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(
                        TLSPeerRecorder(outcome: outcome, echoes: true, expectedBytes: 0, sendOnActive: []))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TLSLoopback(group: group, server: server, serverOutcome: outcome)
    }

    /// Connects a client that names the server `serverHostname`, sends `send` as soon as the TCP
    /// connection is up (before the handshake ends) and reports once `expectedBytes` came back.
    func connect(
        context: TLSContext, serverHostname: String?, send: [ByteBuffer] = [], expectedBytes: Int = 0,
        autoRead: Bool = true
    ) async throws -> (channel: any Channel, outcome: TLSPeerOutcome) {
        let outcome = TLSPeerOutcome(on: group.next())
        guard let port = server.localAddress?.port else { throw TLSLoopbackError.finished }
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelOption(.autoRead, value: autoRead)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            TLSHandler(context: context, serverHostname: serverHostname))
                        try channel.pipeline.syncOperations.addHandler(
                            TLSPeerRecorder(
                                outcome: outcome, echoes: false, expectedBytes: expectedBytes, sendOnActive: send,
                                readsOnDemand: !autoRead))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            return (channel, outcome)
        } catch {
            outcome.finish(error)
            throw error
        }
    }

    func stop() async throws {
        serverOutcome.finish()
        try await server.close()
    }
}

/// Awaits `future`, failing with ``TLSLoopbackError/timedOut`` after `seconds` (a guard against a
/// hang, not a wait: every awaited outcome normally arrives in milliseconds).
func within<Value: Sendable>(_ future: EventLoopFuture<Value>, seconds: Int64 = 10) async throws -> Value {
    let promise = future.eventLoop.makePromise(of: Value.self)
    let timeout = future.eventLoop.scheduleTask(in: .seconds(seconds)) {
        promise.fail(TLSLoopbackError.timedOut)
    }
    future.cascade(to: promise)
    promise.futureResult.whenComplete { _ in timeout.cancel() }
    return try await promise.futureResult.get()
}
