import NIOCore
import TestSupport
import Testing
import WebSocket

/// A client machine and a server machine pumped against each other.
@Suite struct PairedConnectionTests {
    func pump(from sender: inout WebSocketConnectionStateMachine, to receiver: inout WebSocketConnectionStateMachine)
        -> [WebSocketEvent]
    {
        guard let bytes = sender.takeOutput() else { return [] }
        receiver.receivedBytes(bytes, now: ManualClock().now)
        var events: [WebSocketEvent] = []
        while let event = receiver.nextEvent() { events.append(event) }
        return events
    }

    @Test func messagesPingsAndCloseHandshake() {
        let now = ManualClock().now
        var client = WebSocketConnectionStateMachine(role: .client, now: now, maskingKeys: SeededGenerator(seed: 3))
        var server = WebSocketConnectionStateMachine(role: .server, now: now)

        #expect(client.send(text: "[2,\"1\",\"Heartbeat\",{}]") == .queued)
        #expect(client.send(binary: ByteBuffer(repeating: 0xAB, count: 70_000)) == .queued)
        #expect(client.sendPing(ByteBuffer(string: "hb")) == .queued)
        #expect(
            pump(from: &client, to: &server) == [
                .text("[2,\"1\",\"Heartbeat\",{}]"), .binary(ByteBuffer(repeating: 0xAB, count: 70_000)),
                .ping(ByteBuffer(string: "hb")),
            ])
        #expect(server.send(text: "[3,\"1\",{}]") == .queued)
        #expect(pump(from: &server, to: &client) == [.pong(ByteBuffer(string: "hb")), .text("[3,\"1\",{}]")])

        #expect(server.close(code: .goingAway, reason: "restart", now: now) == .queued)
        #expect(pump(from: &server, to: &client) == [.closed(.init(code: .goingAway, reason: "restart"))])
        #expect(pump(from: &client, to: &server) == [.closed(.init(code: .goingAway)), .closeTransport])
        #expect(client.transportClosed() == nil)
        #expect(server.transportClosed() == nil)
    }
}
