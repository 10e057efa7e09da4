import NIOCore
import TestSupport
import Testing
import WebSocket

/// Interop on loopback with Python `websockets` 17.4 (the venv of
/// scripts/conformance/python-peers-venv.sh) in both directions, with and without deflate and
/// TLS (a client certificate required by the server included).
@Suite struct WebSocketPythonInteropTests {
    private static let serverScript = "scripts/conformance/ws_echo_server.py"
    private static let clientScript = "scripts/conformance/ws_echo_client.py"

    private func bytes(_ count: Int) -> ByteBuffer {
        var generator = SeededGenerator(seed: 42)
        return ByteBuffer(bytes: generator.bytes(count: count))
    }

    /// Talks to a Python echo server: text, binary, 1 MiB both ways, then a normal close.
    private func exchange(with client: WebSocketClient) async throws {
        for text in ["hello", String(repeating: "héllo wörld ✓", count: 200)] {
            try await client.send(text: text)
            #expect(try await LiveHarness.next(client) == .text(text))
        }
        for size in [0, 125, 126, 65536, 1 << 20] {
            try await client.send(binary: bytes(size))
            #expect(try await LiveHarness.next(client) == .binary(bytes(size)))
        }
        #expect(await client.close(reason: "done") == WebSocketCloseStatus(code: .normalClosure, reason: "done"))
    }

    @Test(arguments: [false, true])
    func ourClientTalksToAPythonServer(deflate: Bool) async throws {
        let peer = try PythonPeer(script: Self.serverScript, arguments: deflate ? ["--deflate"] : [])
        defer { peer.stop() }
        let port = try peer.readyPort()
        let configuration = WebSocketClientConfiguration(deflate: deflate ? PerMessageDeflateOptions() : nil)
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(port)", configuration: configuration)
        #expect((client.deflate != nil) == deflate)
        try await exchange(with: client)
    }

    @Test(arguments: [false, true])
    func aPythonClientTalksToOurServer(deflate: Bool) async throws {
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(deflate: PerMessageDeflateOptions()))
        let peer = try PythonPeer(script: Self.clientScript, arguments: [echo.url] + (deflate ? ["--deflate"] : []))
        defer { peer.stop() }
        #expect(try peer.line(startingWith: "OK") == "deflate=\(deflate ? "yes" : "no") close=1000")
        #expect(try await LiveHarness.first("the server's close", of: echo.closes).code == .normalClosure)
        await echo.server.shutdown()
    }

    @Test func ourClientWithACertificateTalksToAPythonTLSServerThatRequiresOne() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let peer = try PythonPeer(
            script: Self.serverScript,
            arguments: [
                "--deflate", "--cert", fixtures.server.certificateFile, "--key", fixtures.server.privateKeyFile,
                "--client-ca", fixtures.authority.certificateFile,
            ])
        defer { peer.stop() }
        let port = try peer.readyPort()
        let configuration = WebSocketClientConfiguration(
            deflate: PerMessageDeflateOptions(),
            tls: .client(
                trustRoots: .caFile(fixtures.authority.certificateFile), certificate: fixtures.client.certificateFiles))
        let client = try await WebSocketClient.connect(to: "wss://localhost:\(port)", configuration: configuration)
        #expect(client.deflate != nil)
        try await exchange(with: client)
    }

    /// Python's asyncio TLS server drops a client without a certificate with no alert, after the
    /// client's TLS 1.3 handshake has ended: the error must still name the missing certificate.
    @Test func ourClientWithoutACertificateIsToldAPythonTLSServerRequiresOne() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let peer = try PythonPeer(
            script: Self.serverScript,
            arguments: [
                "--cert", fixtures.server.certificateFile, "--key", fixtures.server.privateKeyFile,
                "--client-ca", fixtures.authority.certificateFile,
            ])
        defer { peer.stop() }
        let port = try peer.readyPort()
        let configuration = WebSocketClientConfiguration(
            tls: .client(trustRoots: .caFile(fixtures.authority.certificateFile)))
        await #expect(throws: TLSError.certificateRequiredByPeer) {
            _ = try await WebSocketClient.connect(to: "wss://localhost:\(port)", configuration: configuration)
        }
    }

    @Test func aPythonTLSClientWithACertificateTalksToOurServerThatRequiresOne() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let configuration = WebSocketServerConfiguration(
            deflate: PerMessageDeflateOptions(),
            tls: .server(
                certificate: fixtures.server.certificateFiles,
                clientCertificateVerification: .required(caFile: fixtures.authority.certificateFile)))
        let echo = try await LiveHarness.echoServer(configuration: configuration) { request in
            request.peerCertificateSubjectCN == "CP-0042" ? .accept() : .refuse(status: .forbidden)
        }
        let peer = try PythonPeer(
            script: Self.clientScript,
            arguments: [
                "wss://localhost:\(echo.server.port)", "--deflate", "--ca", fixtures.authority.certificateFile,
                "--cert", fixtures.client.certificateFile, "--key", fixtures.client.privateKeyFile,
            ])
        defer { peer.stop() }
        #expect(try peer.line(startingWith: "OK") == "deflate=yes close=1000")
        await echo.server.shutdown()
    }
}
