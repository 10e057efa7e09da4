import Foundation
import OCPP16
import TestSupport
import Testing
import WebSocket

/// `chargesim csms` with TLS and a CA, as a real subprocess: a charger at profile 2 has its CSR
/// signed (CertificateSigned), a CSR for another id is refused and logged, and the signed
/// certificate then opens a profile 3 connection without a password. Certificates are made by
/// the `openssl` CLI at test time.
@Suite(.serialized) struct CSMSCommandTLSTests {
    let runner = CommandRunner()

    /// Polls for the ready file `chargesim csms` writes once both servers listen.
    private func readyFile(at path: String, of csms: RunningCommand) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, csms.isRunning {
            if let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            {
                return object
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no ready file; csms: \(csms.standardError)")
        throw CancellationError()
    }

    static func boot() -> BootNotificationRequest {
        BootNotificationRequest(chargePointVendor: "ChargeSim", chargePointModel: "CLI")
    }

    @Test func csmsSignsACertificateThatThenCarriesAProfile3Connection() async throws {
        let authority = try TestCertificateAuthority()
        let directory = try TemporaryDirectory()
        defer {
            authority.remove()
            directory.remove()
        }
        let server = try authority.issueServerCertificate()
        let ready = directory.url.appendingPathComponent("ready.json").path
        let csms = try RunningCommand(
            "chargesim",
            [
                "csms", "--data-dir", directory.url.appendingPathComponent("data").path, "--ocpp-port", "0",
                "--api-port", "0", "--ready-file", ready, "--auto-register",
                "--tls-cert", server.chainFile, "--tls-key", server.privateKeyFile,
                "--ca-cert", authority.certificateFile, "--ca-key", authority.privateKeyFile,
                "--issued-certificate-days", "30",
            ], directory: directory.url)
        defer { csms.send(SIGKILL) }
        let handles = try await readyFile(at: ready, of: csms)
        let base = try #require(handles["ocppUrl"] as? String)
        #expect(base.hasPrefix("wss://"))
        let trust = TLSConfiguration.client(trustRoots: .caFile(authority.certificateFile))

        // Profile 2: TLS, server checked against the CA, no client certificate.
        let charger = try await ScriptedChargePoint.connect(to: base + "/CLI-1", tls: trust)
        #expect(try await charger.call(Self.boot()).status == .accepted)
        let key = try PrivateKey()
        let csr = try CertificateSigningRequest(commonName: "CLI-1", organization: "ChargeSim CPO", key: key)
        #expect(try await charger.call(SignCertificateRequest(csr: try String5500(csr.pem))).status == .accepted)
        let signed = try #require(await charger.nextCall())
        #expect(signed.action == "CertificateSigned")
        let chainPEM = try signed.decode(CertificateSignedRequest.self).certificateChain.value
        let chain = try X509Certificate.chain(pem: chainPEM)
        let leaf = try #require(chain.first)
        #expect(leaf.subjectCommonName == "CLI-1")
        #expect(leaf.notAfter.timeIntervalSinceNow > 29 * 86_400 && leaf.notAfter.timeIntervalSinceNow < 31 * 86_400)
        #expect(
            leaf.isIssued(
                by: try X509Certificate(pem: String(contentsOfFile: authority.certificateFile, encoding: .utf8))))
        try await charger.answer(signed, with: CertificateSignedResponse(status: .accepted))

        // A CSR naming another charge point is refused, logged, and nothing is signed.
        let foreign = try CertificateSigningRequest(commonName: "CLI-2", organization: nil, key: PrivateKey())
        #expect(try await charger.call(SignCertificateRequest(csr: try String5500(foreign.pem))).status == .rejected)
        #expect(
            csms.standardError.contains(
                "SignCertificate from CLI-1 rejected: the CSR's subject CN is 'CLI-2', expected 'CLI-1'"))
        #expect(csms.standardError.contains("signed certificate serial \(leaf.serialNumberHex)"))
        _ = await charger.close()

        // Profile 3: the signed certificate (and the CSR's key) opens the connection.
        let certificateFile = try directory.write("cli-1.pem", chainPEM)
        let keyFile = try directory.write("cli-1.key", key.pem)
        let profile3 = try await ScriptedChargePoint.connect(
            to: base + "/CLI-1",
            tls: .client(
                trustRoots: .caFile(authority.certificateFile),
                certificate: .init(certificateChainFile: certificateFile.path, privateKeyFile: keyFile.path)))
        #expect(try await profile3.call(Self.boot()).status == .accepted)
        // The same certificate is no pass for another id.
        do {
            _ = try await ScriptedChargePoint.connect(
                to: base + "/CLI-2",
                tls: .client(
                    trustRoots: .caFile(authority.certificateFile),
                    certificate: .init(certificateChainFile: certificateFile.path, privateKeyFile: keyFile.path)))
            Issue.record("CLI-1's certificate connected as CLI-2")
        } catch WebSocketHandshakeError.unexpectedStatus(let code, _) {
            #expect(code == 403)
        }
        _ = await profile3.close()
        csms.send(SIGINT)
        #expect(await csms.waitForExit(seconds: 30) == 0, "\(csms.standardError)")
    }

    @Test func certificateOptionsThatDoNotFitSayWhatToFix() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.url.appendingPathComponent("data").path
        let half = try await runner.run("chargesim", ["csms", "--data-dir", data, "--tls-cert", "/nonexistent.pem"])
        #expect(half.exitCode == 64)
        #expect(half.standardError.contains("--tls-cert and --tls-key go together."))
        let clientCA = try await runner.run("chargesim", ["csms", "--data-dir", data, "--client-ca", "/tmp"])
        #expect(clientCA.exitCode == 64)
        #expect(clientCA.standardError.contains("--client-ca and --require-client-certificate need TLS"))
        let notPEM = try directory.write("not.pem", "hello")
        let broken = try await runner.run(
            "chargesim",
            [
                "csms", "--data-dir", data, "--ocpp-port", "0", "--api-port", "0", "--ca-cert", notPEM.path, "--ca-key",
                notPEM.path,
            ])
        #expect(broken.exitCode == 64)
        #expect(broken.standardError.contains("--ca-cert/--ca-key:"))
        let missing = try await runner.run(
            "chargesim", ["csms", "--data-dir", data, "--ca-cert", "/nonexistent.pem", "--ca-key", notPEM.path])
        #expect(missing.exitCode == 64)
        #expect(missing.standardError.contains("--ca-cert: cannot read '/nonexistent.pem'."))
        let tlsPort = try await runner.run("chargesim", ["csms", "--data-dir", data, "--ocpp-tls-port", "9443"])
        #expect(tlsPort.exitCode == 64)
        #expect(tlsPort.standardError.contains("--ocpp-tls-port needs --tls-cert and --tls-key."))
        let secure = try await runner.run(
            "chargesim",
            ["fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--secure-csms", "http://x", "--profile", "p.yaml"])
        #expect(secure.exitCode == 64)
        #expect(secure.standardError.contains("--secure-csms must be a valid wss:// URL, got 'http://x'."))
    }
}
