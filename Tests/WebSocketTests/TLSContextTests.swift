import Foundation
import TestSupport
import Testing
import WebSocket

/// Building a ``TLSContext``: every file problem names the file and the reason.
@Suite struct TLSContextTests {
    @Test func missingCertificateFileIsNamed() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let missing = certificates.authority.directory + "/absent.pem"
        let files = TLSConfiguration.CertificateFiles(
            certificateChainFile: missing, privateKeyFile: certificates.server.privateKeyFile)
        #expect(throws: TLSError.fileLoadFailed(path: missing, reason: "no such file, or not readable")) {
            try TLSContext(configuration: .server(certificate: files))
        }
    }

    @Test func keyThatDoesNotMatchTheCertificateIsNamed() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let files = TLSConfiguration.CertificateFiles(
            certificateChainFile: certificates.server.certificateFile,
            privateKeyFile: certificates.client.privateKeyFile)
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: .server(certificate: files)) }
        guard case .fileLoadFailed(let path, let reason)? = error else {
            Issue.record("expected a file error, got \(String(describing: error))")
            return
        }
        #expect(path == certificates.client.privateKeyFile)
        #expect(reason.contains("values mismatch"))
    }

    @Test func caFileWithoutCertificatesGivesOpenSSLsReason() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let garbage = certificates.authority.directory + "/garbage-\(UUID().uuidString).pem"
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let error = #expect(throws: TLSError.self) {
            try TLSContext(configuration: .client(trustRoots: .caFile(garbage)))
        }
        guard case .fileLoadFailed(let path, let reason)? = error else {
            Issue.record("expected a file error, got \(String(describing: error))")
            return
        }
        #expect(path == garbage)
        #expect(reason.hasPrefix("error:"))
    }

    @Test func serverWithoutCertificateIsAConfigurationError() {
        var configuration = TLSConfiguration.client()
        configuration.role = .server
        #expect(throws: TLSError.configurationFailed(reason: "a TLS server needs a certificate chain and private key"))
        {
            try TLSContext(configuration: configuration)
        }
    }

    @Test func onlyTurnedOffVerificationWarns() throws {
        #expect(try TLSContext(configuration: .client()).warnings.isEmpty)
        let insecure = try TLSContext(configuration: .client(verification: .insecureNoVerification))
        #expect(insecure.warnings.count == 1)
    }

    @Test func verifyingClientNeedsTheServerName() throws {
        let context = try TLSContext(configuration: .client())
        #expect(throws: TLSError.self) { try TLSHandler(context: context, serverHostname: nil) }
        #expect(throws: Never.self) { try TLSHandler(context: context, serverHostname: "[::1]") }
        let insecure = try TLSContext(configuration: .client(verification: .insecureNoVerification))
        #expect(throws: Never.self) { try TLSHandler(context: insecure, serverHostname: nil) }
    }

    @Test func overlongApplicationProtocolIsRefused() {
        var configuration = TLSConfiguration.client()
        configuration.applicationProtocols = [String(repeating: "x", count: 256)]
        #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
    }
}
