import NIOCore
import TestSupport
import Testing
import WebSocket

/// `wss://` between our client and our server over loopback, certificates from a throwaway CA.
@Suite struct WebSocketTLSLiveTests {
    private func serverConfiguration(
        _ fixtures: TLSTestCertificates, requireClientCertificate: Bool
    ) -> WebSocketServerConfiguration {
        WebSocketServerConfiguration(
            deflate: PerMessageDeflateOptions(),
            tls: .server(
                certificate: fixtures.server.certificateFiles,
                clientCertificateVerification: requireClientCertificate
                    ? .required(caFile: fixtures.authority.certificateFile) : .none))
    }

    private func clientConfiguration(
        _ fixtures: TLSTestCertificates, certificate: TestCertificateAuthority.Issued? = nil
    ) -> WebSocketClientConfiguration {
        WebSocketClientConfiguration(
            deflate: PerMessageDeflateOptions(),
            tls: .client(
                trustRoots: .caFile(fixtures.authority.certificateFile), certificate: certificate?.certificateFiles))
    }

    @Test func echoesOverTLS() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let echo = try await LiveHarness.echoServer(
            configuration: serverConfiguration(fixtures, requireClientCertificate: false))
        let client = try await WebSocketClient.connect(
            to: "wss://localhost:\(echo.server.port)/ocpp/CP-1", configuration: clientConfiguration(fixtures))
        let big = ByteBuffer(repeating: 0x5A, count: 1 << 20)
        try await client.send(binary: big)
        #expect(try await LiveHarness.next(client) == .binary(big))
        try await client.send(text: "over TLS")
        #expect(try await LiveHarness.next(client) == .text("over TLS"))
        #expect(await client.close() == WebSocketCloseStatus(code: .normalClosure))
        await echo.server.shutdown()
    }

    @Test func serverRequiringAClientCertificateSeesItsCommonName() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let echo = try await LiveHarness.echoServer(
            configuration: serverConfiguration(fixtures, requireClientCertificate: true)
        ) { request in
            // OCPP security profile 3: the certificate names the charge point.
            request.peerCertificateSubjectCN == "CP-0042" && request.path == "/ocpp/CP-0042"
                ? .accept() : .refuse(status: .forbidden)
        }
        let client = try await WebSocketClient.connect(
            to: "wss://127.0.0.1:\(echo.server.port)/ocpp/CP-0042",
            configuration: clientConfiguration(fixtures, certificate: fixtures.client))
        try await client.send(text: "BootNotification")
        #expect(try await LiveHarness.next(client) == .text("BootNotification"))
        await client.close()

        await #expect(throws: (any Error).self) {
            _ = try await WebSocketClient.connect(
                to: "wss://127.0.0.1:\(echo.server.port)/ocpp/CP-0042", configuration: clientConfiguration(fixtures))
        }
        await echo.server.shutdown()
    }

    @Test func anUntrustedServerIsRefusedWithANamedCause() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(
                tls: .server(certificate: fixtures.foreignServer.certificateFiles))
        )
        await #expect(throws: TLSError.self) {
            _ = try await WebSocketClient.connect(
                to: "wss://localhost:\(echo.server.port)", configuration: clientConfiguration(fixtures))
        }
        await echo.server.shutdown()
    }
}
