import NIOCore
import TestSupport
import Testing
import WebSocket

/// Bind before connect (`WebSocketClientConfiguration.localAddress`): the connection leaves from
/// the loopback address asked for, so a fleet can spread over 127.0.0.2, 127.0.0.3, ... past one
/// address's ephemeral ports; an address the host does not have fails the connect.
@Suite struct WebSocketSourceAddressTests {
    @Test(arguments: ["127.0.0.2", "127.0.0.3"])
    func theServerSeesTheSourceAddress(source: String) async throws {
        let echo = try await LiveHarness.echoServer()
        let configuration = WebSocketClientConfiguration(localAddress: try SocketAddress(ipAddress: source, port: 0))
        let client = try await WebSocketClient.connect(to: echo.url, configuration: configuration)
        let accepted = try await LiveHarness.first("the server's connection", of: echo.connections)
        #expect(accepted.remoteAddress?.ipAddress == source)
        #expect(client.connection.channel.localAddress?.ipAddress == source)
        try await client.send(text: "from \(source)")
        #expect(try await LiveHarness.next(client) == .text("from \(source)"))
        await client.close()
        await echo.server.shutdown()
    }

    @Test func anAddressTheHostDoesNotHaveFailsTheConnect() async throws {
        let echo = try await LiveHarness.echoServer()
        // TEST-NET-1 (RFC 5737): never assigned to this host, so bind() fails.
        let configuration = WebSocketClientConfiguration(
            connectTimeout: .seconds(5), localAddress: try SocketAddress(ipAddress: "192.0.2.1", port: 0))
        await #expect(throws: (any Error).self) {
            _ = try await WebSocketClient.connect(to: echo.url, configuration: configuration)
        }
        await echo.server.shutdown()
    }
}
