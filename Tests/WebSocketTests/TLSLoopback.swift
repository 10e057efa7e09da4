import NIOCore
import NIOPosix
import WebSocket

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

/// Why an awaited loopback outcome did not come.
enum TLSLoopbackError: Error {
    /// The test ended, or the channel closed, before the awaited outcome.
    case finished
    /// The outcome did not arrive in time.
    case timedOut
}
