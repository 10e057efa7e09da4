import NIOCore
import NIOEmbedded
import TestSupport
import Testing

@testable import WebSocket

/// The NIO shell on an `EmbeddedChannel`: exact bytes out, one flush per read burst, and the
/// one timer driven by the embedded loop's clock (no sleeps).
@Suite struct WebSocketChannelHandlerTests {
    /// Counts flushes on their way to the socket.
    final class FlushCounter: ChannelOutboundHandler {
        typealias OutboundIn = ByteBuffer
        var flushes = 0

        func flush(context: ChannelHandlerContext) {
            flushes += 1
            context.flush()
        }
    }

    struct Fixture {
        let channel: EmbeddedChannel
        let connection: WebSocketConnection
        let counter: FlushCounter
        let closes: ClosedBox
    }

    final class ClosedBox {
        var status: WebSocketCloseStatus?
        var messages: [WebSocketMessage] = []
    }

    private func fixture(_ configuration: WebSocketConnectionStateMachine.Configuration = .init()) throws -> Fixture {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        let machine = WebSocketConnectionStateMachine(
            role: .server, configuration: configuration, now: channel.eventLoop.now)
        let handler = WebSocketChannelHandler(machine: machine)
        let connection = WebSocketConnection(
            channel: channel, role: .server, subprotocol: nil, deflate: nil, handler: handler)
        handler.connection = connection
        let counter = FlushCounter()
        let box = ClosedBox()
        connection.onClose = { box.status = $0 }
        connection.onMessage = { message in
            box.messages.append(message)
            if case .text(let text) = message { connection.send(text: text) }
        }
        try channel.pipeline.syncOperations.addHandler(counter)
        try channel.pipeline.syncOperations.addHandler(handler)
        return Fixture(channel: channel, connection: connection, counter: counter, closes: box)
    }

    /// A masked client frame.
    private func clientFrame(_ opcode: Opcode, _ payload: [UInt8]) -> ByteBuffer {
        ByteBuffer(bytes: WireFrame(opcode: opcode.rawValue, masked: (1, 2, 3, 4), payload: payload).bytes)
    }

    private func outbound(_ channel: EmbeddedChannel) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { bytes += buffer.readableBytesView }
        return bytes
    }

    @Test func repliesOfOneReadBurstGoOutWithOneFlush() throws {
        let fixture = try fixture()
        let pipeline = fixture.channel.pipeline.syncOperations
        pipeline.fireChannelRead(NIOAny(clientFrame(.text, Array("ab".utf8))))
        pipeline.fireChannelRead(NIOAny(clientFrame(.ping, [7])))
        pipeline.fireChannelRead(NIOAny(clientFrame(.text, Array("cd".utf8))))
        #expect(fixture.counter.flushes == 0)
        pipeline.fireChannelReadComplete()
        #expect(fixture.counter.flushes == 1)
        #expect(try outbound(fixture.channel) == [0x81, 2, 0x61, 0x62, 0x8A, 1, 7, 0x81, 2, 0x63, 0x64])
        #expect(fixture.closes.messages == [.text("ab"), .text("cd")])
    }

    @Test func sendsOutsideAReadBurstAreFlushedAtOnce() throws {
        let fixture = try fixture()
        #expect(fixture.connection.send(binary: ByteBuffer(bytes: [1, 2])) == .queued)
        #expect(fixture.counter.flushes == 1)
        #expect(try outbound(fixture.channel) == [0x82, 2, 1, 2])
    }

    @Test func keepalivePingsOnTheLoopClockAndAMissingPongClosesTheConnection() throws {
        let fixture = try fixture(.init(pingInterval: .seconds(10), pongTimeout: .seconds(5)))
        let loop = fixture.channel.embeddedEventLoop
        loop.advanceTime(by: .seconds(9))
        #expect(try outbound(fixture.channel) == [])
        loop.advanceTime(by: .seconds(1))
        #expect(try outbound(fixture.channel) == [0x89, 4, 0, 0, 0, 1])

        // A pong resets the keepalive: the next ping comes an interval after it.
        loop.advanceTime(by: .seconds(2))
        try fixture.channel.writeInbound(clientFrame(.pong, [0, 0, 0, 1]))
        loop.advanceTime(by: .seconds(9))
        #expect(try outbound(fixture.channel) == [])
        #expect(fixture.channel.isActive)
        loop.advanceTime(by: .seconds(1))
        #expect(try outbound(fixture.channel) == [0x89, 4, 0, 0, 0, 2])

        loop.advanceTime(by: .milliseconds(4999))
        #expect(fixture.channel.isActive)
        loop.advanceTime(by: .milliseconds(1))
        #expect(!fixture.channel.isActive)
        #expect(fixture.closes.status == WebSocketCloseStatus(code: .abnormalClosure, reason: "no pong received"))
    }

    @Test func closeHandshakeTimesOutWhenThePeerNeverAnswers() throws {
        let fixture = try fixture(.init(closeTimeout: .seconds(3)))
        #expect(fixture.connection.close(code: .goingAway, reason: "") == .queued)
        #expect(try outbound(fixture.channel) == [0x88, 2, 0x03, 0xE9])
        fixture.channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(!fixture.channel.isActive)
        #expect(
            fixture.closes.status == WebSocketCloseStatus(code: .abnormalClosure, reason: "close handshake timed out"))
    }

    @Test func theServerClosesTCPAfterAnsweringTheClientsClose() throws {
        let fixture = try fixture()
        try fixture.channel.writeInbound(clientFrame(.close, [0x03, 0xE8]))
        #expect(try outbound(fixture.channel) == [0x88, 2, 0x03, 0xE8])
        fixture.channel.embeddedEventLoop.run()
        #expect(!fixture.channel.isActive)
        #expect(fixture.closes.status == WebSocketCloseStatus(code: .normalClosure))
    }

    @Test func transportLossWithoutACloseFrameReports1006() throws {
        let fixture = try fixture()
        fixture.channel.pipeline.fireChannelInactive()
        #expect(fixture.closes.status?.code == .abnormalClosure)
        #expect(fixture.connection.send(text: "late") == .notOpen)
    }
}
