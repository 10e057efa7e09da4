import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A server-sent events client for live tests: a plain HTTP/1.1 GET over a NIO socket that
/// keeps every `data:` line it receives (decoded as JSON objects), until ``close()``.
/// ``connect(port:path:token:)`` returns once the server's opening comment line arrived.
public final class EventStreamClient: Sendable {
    private let channel: any Channel
    private let received: NIOLockedValueBox<(text: String, events: [String], opened: Bool)>

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<(text: String, events: [String], opened: Bool)>

        init(_ received: NIOLockedValueBox<(text: String, events: [String], opened: Bool)>) { self.received = received }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            let text = String(buffer: buffer)
            received.withLockedValue { state in
                state.text += text
                // Each complete `data: ...` line is one event (our server writes one line each).
                while let end = state.text.range(of: "\n") {
                    let line = String(state.text[..<end.lowerBound])
                    state.text.removeSubrange(..<end.upperBound)
                    if line.hasPrefix("data: ") { state.events.append(String(line.dropFirst(6))) }
                    if line.hasPrefix(":") { state.opened = true }
                }
            }
        }
    }

    private init(channel: any Channel, received: NIOLockedValueBox<(text: String, events: [String], opened: Bool)>) {
        self.channel = channel
        self.received = received
    }

    /// Opens `GET path` on `127.0.0.1:port` and starts collecting.
    public static func connect(port: Int, path: String, token: String? = nil) async throws -> EventStreamClient {
        let received = NIOLockedValueBox<(text: String, events: [String], opened: Bool)>(("", [], false))
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        request += "\r\n"
        try await channel.writeAndFlush(ByteBuffer(string: request)).get()
        let client = EventStreamClient(channel: channel, received: received)
        // The server's first line is a comment, written once the subscription is in place.
        try await LiveTimeout.run("the event stream to open") {
            while !received.withLockedValue(\.opened) { try await Task.sleep(for: .milliseconds(10)) }
        }
        return client
    }

    /// The events so far, each a JSON object.
    public var events: [[String: Any]] {
        received.withLockedValue { $0.events }.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Polls until `condition` holds for the events so far; throws after `seconds`.
    public func wait(
        for what: String, seconds: Double = 10, _ condition: @escaping @Sendable ([[String: Any]]) -> Bool
    ) async throws {
        try await LiveTimeout.run(what, seconds: seconds) {
            while !condition(self.events) { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    /// Closes the connection.
    public func close() async {
        try? await channel.close()
    }
}
