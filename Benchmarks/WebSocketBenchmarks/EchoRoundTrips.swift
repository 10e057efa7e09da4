import Dispatch
import NIOCore
import NIOPosix
import WebSocket

/// Sequential echo round trips over a real socket: send a 100-byte text message, wait for its
/// echo, repeat. The Python `websockets` client does the same against the same server in
/// `scripts/bench/ws-echo.sh`, so the figures are comparable. Two figures for ours: the
/// event-loop callback API (what the fleet's chargers use) and the async `WebSocketClient`
/// (each step hops between a Swift concurrency thread and the event loop).
enum EchoRoundTrips {
    static let message = String(repeating: "x", count: 100)
    static let warmUp = 200

    static func run(url: String, count: Int) async throws {
        let callbacks = try await callbackAPI(url: url, count: count)
        print("ours (event-loop callback API): \(Int(Double(count) / callbacks)) round trips/s")
        let async = try await asyncAPI(url: url, count: count)
        print("ours (async WebSocketClient): \(Int(Double(count) / async)) round trips/s")
    }

    /// Seconds for `count` round trips driven from the connection's event loop.
    static func callbackAPI(url: String, count: Int) async throws -> Double {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let done = eventLoop.makePromise(of: Double.self)
        let connection = try await WebSocketConnection.connect(to: try WebSocketURL(url), eventLoop: eventLoop) {
            connection in
            var received = 0
            var start: UInt64 = 0
            connection.onMessage = { _ in
                received += 1
                if received == warmUp { start = DispatchTime.now().uptimeNanoseconds }
                if received == warmUp + count {
                    done.succeed(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                } else {
                    _ = connection.send(text: message)
                }
            }
        }.get()
        eventLoop.execute { _ = connection.send(text: message) }
        let seconds = try await done.futureResult.get()
        eventLoop.execute { connection.close(code: .normalClosure, reason: "") }
        return seconds
    }

    /// Seconds for `count` round trips through the async client.
    static func asyncAPI(url: String, count: Int) async throws -> Double {
        let client = try await WebSocketClient.connect(to: url)
        var inbound = client.inbound.makeAsyncIterator()
        var start: UInt64 = 0
        for index in 0..<(warmUp + count) {
            if index == warmUp { start = DispatchTime.now().uptimeNanoseconds }
            try await client.send(text: message)
            _ = try await inbound.next()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        _ = await client.close()
        return seconds
    }
}
