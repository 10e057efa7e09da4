import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import WebSocket

/// A burst of connections reaching a server whose event loop is busy (a central system writing
/// MeterValues while a fleet ramps up): the server takes the whole queue at each wake-up, so the
/// handshakes finish within the clients' connect timeout. NIO accepts 4 connections per wake-up
/// by default; at 1,000 connects a second and 6,000 chargers charging the queue overflowed and
/// the handshakes timed out (issue 11).
@Suite struct WebSocketServerAcceptTests {
    @Test func aBurstOfConnectionsToABusyServerAllCompleteTheirHandshake() async throws {
        let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await WebSocketServer.bind(
            host: "127.0.0.1", port: 0, configuration: WebSocketServerConfiguration(handshakeTimeout: .seconds(60)),
            eventLoopGroup: serverGroup
        ) { _ in }
        // Every turn of the server's loop takes 25 ms, as one holding a batch of writes does (the
        // 1 ms between runs lets the loop wait for I/O: a task due at once would run again in
        // the same turn, for ever).
        let busy = serverGroup.next().scheduleRepeatedTask(initialDelay: .zero, delay: .milliseconds(1)) { _ in
            usleep(25_000)
        }
        // 500 clients at once, each allowed 2 s for TCP and the handshake: four accepts per turn
        // would take 125 turns (3 s) to reach the last of them.
        let count = 500
        let url = try WebSocketURL("ws://127.0.0.1:\(server.port)/burst")
        let configuration = WebSocketClientConfiguration(connectTimeout: .seconds(2))
        let attempts = (0..<count).map { _ in
            WebSocketConnection.connect(to: url, configuration: configuration, eventLoop: clientGroup.next()) { _ in }
        }
        var connections: [WebSocketConnection] = []
        var failures: [String] = []
        for attempt in attempts {
            do {
                connections.append(try await attempt.get())
            } catch {
                failures.append("\(error)")
            }
        }
        busy.cancel()
        #expect(failures.count == 0, "handshakes failed, e.g. \(failures.first ?? "")")
        #expect(connections.count == count)
        await server.shutdown()
        try await clientGroup.shutdownGracefully()
        try await serverGroup.shutdownGracefully()
    }

    /// A central system sends a command as soon as a charger is connected; the charger's side
    /// ends its handshake on the 101. Were the 101 flushed before the application took the
    /// connection, a server thread preempted between the two would let the client see itself
    /// connected while the application did not know it yet (a command then found it offline).
    @Test func theApplicationHasTheConnectionBeforeTheClientSeesItsHandshakeComplete() async throws {
        let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let handedOver = NIOLockedValueBox(false)
        let server = try await WebSocketServer.bind(host: "127.0.0.1", port: 0, eventLoopGroup: serverGroup) { _ in
            // The preempted server thread, made long enough to lose the race every time.
            usleep(200_000)
            handedOver.withLockedValue { $0 = true }
        }
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/hand-over")
        #expect(handedOver.withLockedValue { $0 })
        _ = await client.close()
        await server.shutdown()
        try await serverGroup.shutdownGracefully()
    }
}
