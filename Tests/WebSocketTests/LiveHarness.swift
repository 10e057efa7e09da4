import Foundation
import NIOCore
import NIOPosix
import TestSupport
import WebSocket

/// Live loopback servers for the WebSocket shell tests (port 0 on 127.0.0.1).
enum LiveHarness {
    /// An echo server whose connections report how they closed on `closes`.
    struct EchoServer: Sendable {
        let server: WebSocketServer
        let closes: AsyncStream<WebSocketCloseStatus>
        let connections: AsyncStream<WebSocketConnection>

        var url: String { "ws://127.0.0.1:\(server.port)" }
    }

    /// The echo server's default configuration: the production handshake timeout (10 s) is
    /// shorter than the stalls a fully parallel suite on two cores can cause between accept and
    /// the client's first bytes, and a refusal test must see its refusal, not that timeout.
    /// Timeout tests pass their own configuration.
    static let patientConfiguration = WebSocketServerConfiguration(handshakeTimeout: .seconds(120))

    static func echoServer(
        configuration: WebSocketServerConfiguration = patientConfiguration,
        shouldUpgrade: @escaping @Sendable (WebSocketUpgradeRequest) -> WebSocketUpgradeDecision = { _ in .accept() }
    ) async throws -> EchoServer {
        let (closes, closeSink) = AsyncStream.makeStream(of: WebSocketCloseStatus.self)
        let (connections, connectionSink) = AsyncStream.makeStream(of: WebSocketConnection.self)
        let server = try await WebSocketServer.bind(
            host: "127.0.0.1", port: 0, configuration: configuration, shouldUpgrade: shouldUpgrade
        ) { connection in
            connection.onMessage = { message in
                switch message {
                case .text(let text): connection.send(text: text)
                case .binary(let bytes): connection.send(binary: bytes)
                }
            }
            connection.onClose = { closeSink.yield($0) }
            connectionSink.yield(connection)
        }
        return EchoServer(server: server, closes: closes, connections: connections)
    }

    /// The first element of `stream`, within `seconds`.
    static func first<Stream: AsyncSequence & Sendable>(
        _ what: String, of stream: Stream, seconds: Double = 10
    ) async throws -> Stream.Element where Stream.Element: Sendable {
        try await LiveTimeout.run(what, seconds: seconds) {
            for try await element in stream { return element }
            throw LiveTimeout.Expired(what: what + " (stream ended)", seconds: seconds)
        }
    }

    /// Waits (with a deadline) until `stream` has yielded `wanted` elements; returns how many came.
    static func count<Element: Sendable>(
        _ wanted: Int, of stream: AsyncStream<Element>, _ what: String
    ) async throws -> Int {
        try await LiveTimeout.run(what) {
            var count = 0
            for await _ in stream {
                count += 1
                if count == wanted { break }
            }
            return count
        }
    }

    /// The next inbound message of `client`, within `seconds`.
    static func next(_ client: WebSocketClient, seconds: Double = 10) async throws -> WebSocketMessage {
        try await first("a message", of: client.inbound, seconds: seconds)
    }

    /// A server that completes the opening handshake and then never answers anything (no
    /// pongs, no close frame): a dead peer for keepalive tests.
    static func silentServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SilentPeer())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// A server that accepts TCP connections and never sends a byte (nor reads one).
    static func blackHoleServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// Sends raw bytes to `port` and collects everything until the server closes.
    static func rawExchange(port: Int, request: String) async throws -> String {
        String(decoding: try await rawExchange(port: port, request: Array(request.utf8)), as: UTF8.self)
    }

    /// Sends raw bytes to `port` and collects everything until the server closes.
    static func rawExchange(port: Int, request: [UInt8]) async throws -> [UInt8] {
        let collected = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: [UInt8].self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(promise: collected))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        // The server may have closed already (a handshake timeout): the answer tells.
        try? await channel.writeAndFlush(ByteBuffer(bytes: request))
        return try await LiveTimeout.run("the server's answer and close") { try await collected.futureResult.get() }
    }

    /// Answers the upgrade request with a valid 101, then swallows every byte.
    private final class SilentPeer: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        private var request = ""
        private var upgraded = false

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !upgraded else { return }
            var bytes = unwrapInboundIn(data)
            request += bytes.readString(length: bytes.readableBytes) ?? ""
            guard request.contains("\r\n\r\n") else { return }
            upgraded = true
            let key =
                request.split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("sec-websocket-key:") }
                .map { $0.dropFirst("sec-websocket-key:".count).trimmingCharacters(in: .whitespaces) } ?? ""
            let response =
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: \(WebSocketAccept.value(forKey: key))\r\n\r\n"
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response)), promise: nil)
        }
    }

    /// Collects a connection's bytes until it closes.
    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        private let promise: EventLoopPromise<[UInt8]>
        private var received: [UInt8] = []

        init(promise: EventLoopPromise<[UInt8]>) {
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received += unwrapInboundIn(data).readableBytesView
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.succeed(received)
        }
    }
}
