import Foundation
import NIOCore
import TestSupport
import Testing
import WebSocket

/// Our TLS server against another client: the `openssl s_client` command-line tool.
@Suite struct TLSInteropTests {
    /// Runs `openssl s_client` against 127.0.0.1:`port` with stdin at end of file (it closes
    /// right after the handshake) and returns what it printed.
    private func openSSLClient(port: Int, _ arguments: [String]) async throws -> String {
        let folder = try TemporaryDirectory(prefix: "chargesim-s_client")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output").path
        let client = try ChildProcess(
            executable: "/usr/bin/env",
            arguments: ["openssl", "s_client", "-connect", "127.0.0.1:\(port)"] + arguments,
            standardOutput: .file(output), standardError: .standardOutput)
        _ = await client.status()
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    private func requiringClientCertificates(_ certificates: TLSTestCertificates) throws -> TLSContext {
        try TLSContext(
            configuration: .server(
                certificate: certificates.server.certificateFiles,
                clientCertificateVerification: .required(caFile: certificates.authority.certificateFile)))
    }

    @Test func openSSLClientWithACertificateIsAccepted() async throws {
        let certificates = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(context: requiringClientCertificates(certificates))
        let port = try #require(loopback.server.localAddress?.port)
        let printed = try await openSSLClient(
            port: port,
            [
                "-CAfile", certificates.authority.certificateFile, "-verify_hostname", "localhost",
                "-verify_return_error", "-cert", certificates.client.certificateFile,
                "-key", certificates.client.privateKeyFile,
            ])
        let serverSaw = try await within(loopback.serverOutcome.handshake.futureResult)
        #expect(serverSaw.peerCertificateSubjectCN == "CP-0042")
        #expect(printed.contains("Verify return code: 0 (ok)"))
        try await loopback.stop()
    }

    @Test func tls11ClientIsRefused() async throws {
        let certificates = try TLSTestCertificates.shared.get()
        let loopback = try await TLSLoopback.start(
            context: TLSContext(configuration: .server(certificate: certificates.server.certificateFiles)))
        let port = try #require(loopback.server.localAddress?.port)
        // OpenSSL 3 offers TLS 1.1 only at security level 0.
        _ = try await openSSLClient(port: port, ["-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"])
        let serverError = try await within(loopback.serverOutcome.error.futureResult)
        guard case .handshakeFailed(let reason)? = serverError as? TLSError else {
            Issue.record("expected a handshake failure, got \(serverError)")
            return
        }
        #expect(reason.contains("unsupported protocol"))
        try await loopback.stop()
    }
}
