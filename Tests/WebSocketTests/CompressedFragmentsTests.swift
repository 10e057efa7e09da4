import NIOCore
import TestSupport
import Testing
import WebSocket

/// Compressed messages split into many frames (Autobahn 12.*/13.* auto-fragmentation): the
/// first frame carries RSV1, the continuations do not, and the whole is inflated once.
@Suite struct CompressedFragmentsTests {
    private func machine(_ role: WebSocketRole) -> WebSocketConnectionStateMachine {
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: false, clientNoContextTakeover: false, serverMaxWindowBits: 15,
            clientMaxWindowBits: 15)
        let deflate = PerMessageDeflate(
            parameters: parameters, role: role == .client ? .client : .server, options: PerMessageDeflateOptions())
        return WebSocketConnectionStateMachine(
            role: role, deflate: deflate, now: ManualClock().now, maskingKeys: SeededGenerator(seed: 5))
    }

    /// `message` compressed as the server would, cut into frames of `fragment` payload bytes.
    private func fragmentedFrames(_ message: [UInt8], fragment: Int, compressor: PerMessageDeflate) -> [UInt8] {
        var compressed = compressor.compress(ByteBuffer(bytes: message), allocator: ByteBufferAllocator())
        var bytes: [UInt8] = []
        var first = true
        while compressed.readableBytes > 0 || first {
            let part = compressed.readBytes(length: min(fragment, compressed.readableBytes)) ?? []
            let fin = compressed.readableBytes == 0
            bytes += WireFrame(fin: fin, rsv: first ? 4 : 0, opcode: first ? 2 : 0, payload: part).bytes
            first = false
        }
        return bytes
    }

    @Test(arguments: [256, 1024, 32768])
    func fragmentedCompressedMessagesAreInflatedOnce(fragment: Int) {
        let sender = PerMessageDeflate(
            parameters: .init(
                serverNoContextTakeover: false, clientNoContextTakeover: false, serverMaxWindowBits: 15,
                clientMaxWindowBits: 15), role: .server, options: PerMessageDeflateOptions())
        var generator = SeededGenerator(seed: 9)
        let messages = (0..<5).map { _ in Array(repeating: generator.bytes(count: 64), count: 128).flatMap { $0 } }
        var bytes: [UInt8] = []
        for message in messages { bytes += fragmentedFrames(message, fragment: fragment, compressor: sender) }

        var client = machine(.client)
        client.receivedBytes(ByteBuffer(bytes: bytes), now: ManualClock().now)
        var events: [WebSocketEvent] = []
        while let event = client.nextEvent() { events.append(event) }
        #expect(events == messages.map { .binary(ByteBuffer(bytes: $0)) })
    }
}
