import NIOCore
import Testing

@testable import WebSocket

/// When zlib streams exist: created on first use, freed after each message of a direction
/// without context takeover.
@Suite struct PerMessageDeflateMemoryTests {
    private let allocator = ByteBufferAllocator()

    private static func parameters(serverNoContextTakeover: Bool, clientNoContextTakeover: Bool)
        -> PerMessageDeflateParameters
    {
        PerMessageDeflateParameters(
            serverNoContextTakeover: serverNoContextTakeover, clientNoContextTakeover: clientNoContextTakeover,
            serverMaxWindowBits: 15, clientMaxWindowBits: 15)
    }

    @Test(arguments: [false, true], [false, true])
    func streamsLiveOnlyWhileTheyHoldContext(serverNoContextTakeover: Bool, clientNoContextTakeover: Bool) throws {
        let parameters = Self.parameters(
            serverNoContextTakeover: serverNoContextTakeover, clientNoContextTakeover: clientNoContextTakeover)
        let client = PerMessageDeflate(parameters: parameters, role: .client, options: .init())
        let server = PerMessageDeflate(parameters: parameters, role: .server, options: .init())
        #expect(client.liveStreamCount == 0)
        let message = ByteBuffer(string: "[2,\"1\",\"Heartbeat\",{}]")
        for _ in 0..<3 {
            let compressed = client.compress(message, allocator: allocator)
            #expect(try server.decompress(compressed, maxSize: 1024, allocator: allocator) == message)
            let reply = server.compress(message, allocator: allocator)
            #expect(try client.decompress(reply, maxSize: 1024, allocator: allocator) == message)
        }
        let expected = (clientNoContextTakeover ? 0 : 1) + (serverNoContextTakeover ? 0 : 1)
        #expect(client.liveStreamCount == expected)
        #expect(server.liveStreamCount == expected)
        let idle = PerMessageDeflate.estimatedIdleMemoryPerConnection(
            parameters: parameters, role: .client, options: .init())
        #expect(idle == (clientNoContextTakeover ? 0 : 256 * 1024) + (serverNoContextTakeover ? 0 : 39 * 1024))
    }

    @Test func emptyMessagesCreateNoStream() throws {
        let endpoint = PerMessageDeflate(
            parameters: Self.parameters(serverNoContextTakeover: false, clientNoContextTakeover: false),
            role: .client, options: .init())
        #expect(endpoint.compress(ByteBuffer(), allocator: allocator) == ByteBuffer(bytes: [0]))
        #expect(endpoint.liveStreamCount == 0)
    }
}
