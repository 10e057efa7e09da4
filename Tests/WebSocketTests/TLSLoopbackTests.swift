import NIOCore
import TestSupport
import Testing
import WebSocket

/// Live TLS connections over loopback (port 0) between two ``TLSHandler``s, with certificates
/// made by a throwaway CA at test time.
@Suite struct TLSLoopbackTests {
    private func trusting(_ fixtures: TLSTestCertificates, certificate: TestCertificateAuthority.Issued? = nil) throws
        -> TLSContext
    {
        try TLSContext(
            configuration: .client(
                trustRoots: .caFile(fixtures.authority.certificateFile), certificate: certificate?.certificateFiles))
    }

    private func bytes(_ count: Int, seed: UInt8 = 7) -> ByteBuffer {
        var buffer = ByteBuffer()
        for index in 0..<count { buffer.writeInteger(UInt8(truncatingIfNeeded: index &* 31) ^ seed) }
        return buffer
    }

    // MARK: - Data

    @Test(arguments: [1, 100 * 1024])
    func echoesThroughTheHandshake(size: Int) async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.server.certificateFiles)))
        let payload = bytes(size)
        let client = try await loopback.connect(
            context: trusting(fixtures), serverHostname: "localhost", expectedBytes: size)

        let clientSaw = try await within(client.outcome.handshake.futureResult)
        #expect(clientSaw.peerCertificateSubjectCN == "localhost")
        #expect(clientSaw.protocolVersion == "TLSv1.3")
        let serverSaw = try await within(loopback.serverOutcome.handshake.futureResult)
        #expect(serverSaw.peerCertificateSubjectCN == nil)
        #expect(serverSaw.serverName == "localhost")

        try await client.channel.writeAndFlush(payload)
        let echoed = try await within(client.outcome.received.futureResult)
        #expect(echoed == payload)
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func writesMadeBeforeTheHandshakeEndsAreSentAfterIt() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.server.certificateFiles)))
        let parts = (0..<5).map { bytes(1000 + $0, seed: UInt8($0)) }
        var expected = ByteBuffer()
        for var part in parts { expected.writeBuffer(&part) }
        let client = try await loopback.connect(
            context: trusting(fixtures), serverHostname: "localhost", send: parts,
            expectedBytes: expected.readableBytes)

        let echoed = try await within(client.outcome.received.futureResult)
        #expect(echoed == expected)
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func readerWithAutoReadOffIsNotStalledByTheHandshake() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.server.certificateFiles)))
        let client = try await loopback.connect(
            context: trusting(fixtures), serverHostname: "localhost", send: [bytes(50_000)], expectedBytes: 50_000,
            autoRead: false)

        #expect(try await within(client.outcome.received.futureResult) == bytes(50_000))
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func negotiatesTheApplicationProtocol() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        var serverConfiguration = TLSConfiguration.server(certificate: fixtures.server.certificateFiles)
        serverConfiguration.applicationProtocols = ["http/1.1"]
        var clientConfiguration = TLSConfiguration.client(trustRoots: .caFile(fixtures.authority.certificateFile))
        clientConfiguration.applicationProtocols = ["h2", "http/1.1"]
        let loopback = try await TLSLoopback.start(context: TLSContext(configuration: serverConfiguration))
        let client = try await loopback.connect(
            context: TLSContext(configuration: clientConfiguration), serverHostname: "127.0.0.1")

        #expect(try await within(client.outcome.handshake.futureResult).applicationProtocol == "http/1.1")
        #expect(try await within(loopback.serverOutcome.handshake.futureResult).applicationProtocol == "http/1.1")
        try await client.channel.close()
        try await loopback.stop()
    }

    // MARK: - Client certificates (OCPP security profile 3)

    @Test(arguments: [TLSConfiguration.Version.tls1_2, .tls1_3])
    func serverSeesTheCommonNameOfARequiredClientCertificate(version: TLSConfiguration.Version) async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await startRequiringClientCertificates(fixtures)
        var configuration = TLSConfiguration.client(
            trustRoots: .caFile(fixtures.authority.certificateFile), certificate: fixtures.client.certificateFiles)
        configuration.maximumVersion = version
        let client = try await loopback.connect(
            context: TLSContext(configuration: configuration), serverHostname: "localhost",
            send: [bytes(3)], expectedBytes: 3)

        let serverSaw = try await within(loopback.serverOutcome.handshake.futureResult)
        #expect(serverSaw.peerCertificateSubjectCN == "CP-0042")
        #expect(serverSaw.protocolVersion == (version == .tls1_2 ? "TLSv1.2" : "TLSv1.3"))
        #expect(try await within(client.outcome.received.futureResult) == bytes(3))
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test(arguments: [TLSConfiguration.Version.tls1_2, .tls1_3])
    func missingRequiredClientCertificateFailsOnBothSides(version: TLSConfiguration.Version) async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await startRequiringClientCertificates(fixtures)
        // A TLS 1.3 client learns of the refusal after its Finished, when it reads; a TLS 1.2 client
        // gets only a handshake_failure alert, named after the certificate request it could not meet.
        var configuration = TLSConfiguration.client(trustRoots: .caFile(fixtures.authority.certificateFile))
        configuration.maximumVersion = version
        let client = try await loopback.connect(
            context: TLSContext(configuration: configuration), serverHostname: "localhost", send: [bytes(3)])

        let serverError = try await within(loopback.serverOutcome.error.futureResult)
        #expect(serverError as? TLSError == .peerDidNotPresentCertificate)
        let clientError = try await within(client.outcome.error.futureResult)
        #expect(clientError as? TLSError == .certificateRequiredByPeer)
        try await client.channel.closeFuture.get()
        try await loopback.stop()
    }

    @Test func clientCertificateChainThroughAnIntermediateIsAccepted() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await startRequiringClientCertificates(fixtures)
        let client = try await loopback.connect(
            context: trusting(fixtures, certificate: fixtures.intermediateClient), serverHostname: "localhost",
            send: [bytes(3)], expectedBytes: 3)

        #expect(try await within(loopback.serverOutcome.handshake.futureResult).peerCertificateSubjectCN == "CP-0777")
        #expect(try await within(client.outcome.received.futureResult) == bytes(3))
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func clientCertificateFromAnotherAuthorityIsRefused() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await startRequiringClientCertificates(fixtures)
        let client = try await loopback.connect(
            context: trusting(fixtures, certificate: fixtures.foreignClient), serverHostname: "localhost",
            send: [bytes(3)])

        let serverError = try await within(loopback.serverOutcome.error.futureResult)
        #expect(serverError as? TLSError == .unknownCertificateAuthority)
        let clientError = try await within(client.outcome.error.futureResult)
        guard case .handshakeFailed(let reason)? = clientError as? TLSError else {
            Issue.record("expected a handshake failure, got \(clientError)")
            return
        }
        #expect(reason.contains("unknown ca"))
        try await client.channel.closeFuture.get()
        try await loopback.stop()
    }

    // MARK: - Server verification failures

    /// Connects with full verification and returns the client's error and the server's error.
    private func failedHandshake(
        serverCertificate: TestCertificateAuthority.Issued, serverHostname: String
    ) async throws -> (client: TLSError?, server: (any Error)?) {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: serverCertificate.certificateFiles)))
        let client = try await loopback.connect(context: trusting(fixtures), serverHostname: serverHostname)
        let clientError = try await within(client.outcome.error.futureResult)
        let serverError = try await within(loopback.serverOutcome.error.futureResult)
        try await client.channel.closeFuture.get()
        try await loopback.stop()
        return (clientError as? TLSError, serverError)
    }

    @Test func certificateFromAnUnknownAuthorityIsRefused() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let errors = try await failedHandshake(serverCertificate: fixtures.foreignServer, serverHostname: "localhost")
        #expect(errors.client == .unknownCertificateAuthority)
        // The server learns why from the client's alert.
        guard case .handshakeFailed(let reason)? = errors.server as? TLSError else {
            Issue.record("expected a handshake failure, got \(String(describing: errors.server))")
            return
        }
        #expect(reason.contains("unknown ca"))
    }

    @Test func serverChainThroughAnIntermediateIsVerified() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.intermediateServer.certificateFiles)))
        let client = try await loopback.connect(context: trusting(fixtures), serverHostname: "localhost")
        #expect(try await within(client.outcome.handshake.futureResult).peerCertificateSubjectCN == "localhost")
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func serverLeafSentWithoutItsIntermediateIsUnknownAuthority() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let leafOnly = TLSConfiguration.CertificateFiles(
            certificateChainFile: fixtures.intermediateServer.certificateFile,
            privateKeyFile: fixtures.intermediateServer.privateKeyFile)
        let loopback = try await TLSLoopback.start(context: TLSContext(configuration: .server(certificate: leafOnly)))
        let client = try await loopback.connect(context: trusting(fixtures), serverHostname: "localhost")
        #expect(try await within(client.outcome.error.futureResult) as? TLSError == .unknownCertificateAuthority)
        try await client.channel.closeFuture.get()
        try await loopback.stop()
    }

    @Test func systemTrustStoreDoesNotTrustTheTestAuthority() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.server.certificateFiles)))
        let client = try await loopback.connect(
            context: TLSContext(configuration: .client(trustRoots: .system)), serverHostname: "localhost")
        #expect(try await within(client.outcome.error.futureResult) as? TLSError == .unknownCertificateAuthority)
        try await client.channel.closeFuture.get()
        try await loopback.stop()
    }

    @Test func expiredCertificateIsRefused() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let errors = try await failedHandshake(serverCertificate: fixtures.expiredServer, serverHostname: "localhost")
        #expect(errors.client == .certificateExpired)
    }

    @Test(arguments: [
        ("127.0.0.1", "example"),  // an IP literal checked against IP SANs
        ("wrong.test", "localhost"),  // a DNS name checked against DNS SANs
    ])
    func certificateForAnotherNameIsRefused(dialled: String, certificate: String) async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let issued = certificate == "example" ? fixtures.exampleServer : fixtures.server
        let errors = try await failedHandshake(serverCertificate: issued, serverHostname: dialled)
        #expect(errors.client == .hostnameMismatch(expected: dialled))
    }

    @Test func serverAddressMatchesAnIPSubjectAlternativeNameWithoutSNI() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.server.certificateFiles)))
        let client = try await loopback.connect(context: trusting(fixtures), serverHostname: "127.0.0.1")
        #expect(try await within(client.outcome.handshake.futureResult).peerCertificateSubjectCN == "localhost")
        // No SNI for an address (RFC 6066 section 3).
        #expect(try await within(loopback.serverOutcome.handshake.futureResult).serverName == nil)
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func insecureModeConnectsToAnUnknownAuthorityAndWarns() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: fixtures.foreignServer.certificateFiles)))
        let insecure = try TLSContext(configuration: .client(verification: .insecureNoVerification))
        #expect(insecure.warnings.count == 1)
        #expect(insecure.warnings.first?.contains("verification is disabled") == true)
        let client = try await loopback.connect(
            context: insecure, serverHostname: "wrong.test", send: [bytes(10)], expectedBytes: 10)

        #expect(try await within(client.outcome.received.futureResult) == bytes(10))
        try await client.channel.close()
        try await loopback.stop()
    }

    @Test func peerBelowTheMinimumVersionIsRefused() async throws {
        let fixtures = try TLSTestCertificates.shared.get()
        var serverConfiguration = TLSConfiguration.server(certificate: fixtures.server.certificateFiles)
        serverConfiguration.minimumVersion = .tls1_3
        var clientConfiguration = TLSConfiguration.client(trustRoots: .caFile(fixtures.authority.certificateFile))
        clientConfiguration.maximumVersion = .tls1_2
        let loopback = try await TLSLoopback.start(context: TLSContext(configuration: serverConfiguration))
        let client = try await loopback.connect(
            context: TLSContext(configuration: clientConfiguration), serverHostname: "localhost")

        let serverError = try await within(loopback.serverOutcome.error.futureResult)
        guard case .handshakeFailed(let serverReason)? = serverError as? TLSError else {
            Issue.record("expected a handshake failure, got \(serverError)")
            return
        }
        #expect(serverReason.contains("unsupported protocol"))
        let clientError = try await within(client.outcome.error.futureResult)
        guard case .handshakeFailed(let clientReason)? = clientError as? TLSError else {
            Issue.record("expected a handshake failure, got \(clientError)")
            return
        }
        #expect(clientReason.contains("protocol version"))
        try await client.channel.closeFuture.get()
        try await loopback.stop()
    }

    /// A loopback TLS server that requires a client certificate from the test authority
    /// (OCPP security profile 3).
    private func startRequiringClientCertificates(_ fixtures: TLSTestCertificates) async throws
        -> TLSLoopback
    {
        try await TLSLoopback.start(
            context: TLSContext(
                configuration: .server(
                    certificate: fixtures.server.certificateFiles,
                    clientCertificateVerification: .required(caFile: fixtures.authority.certificateFile))))
    }
}
