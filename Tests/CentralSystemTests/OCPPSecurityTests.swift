import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing
import WebSocket

@Suite("OCPP server: certificates and TLS (live, loopback)")
struct OCPPSecurityTests {
    func signRequest(commonName: String) throws -> SignCertificateRequest {
        let csr = try CertificateSigningRequest(commonName: commonName, organization: "ChargeSim", key: PrivateKey())
        return SignCertificateRequest(csr: try String5500(csr.pem))
    }

    @Test("SignCertificate with a CA: Accepted, then CertificateSigned with a chain issued to the charge point")
    func signsCertificate() async throws {
        let authority = try CertificateAuthority.selfSigned(
            commonName: "ChargeSim CSMS CA", key: PrivateKey(), validityDays: 2, now: Date())
        try await OCPPHarness.run(.init(certificateAuthority: authority)) { harness in
            let charger = try await harness.connectRegistered("CP-1")
            let answer = try await charger.call(try signRequest(commonName: "CP-1"))
            #expect(answer.status == .accepted)
            let call = try #require(await charger.nextCall())
            #expect(call.action == "CertificateSigned")
            let chain = try X509Certificate.chain(
                pem: call.decode(CertificateSignedRequest.self).certificateChain.value)
            #expect(chain.map(\.subjectCommonName) == ["CP-1", "ChargeSim CSMS CA"])
            try await charger.answer(call, with: CertificateSignedResponse(status: .accepted))

            // A CSR for another identity is refused and nothing is signed: the next CALL is ours.
            #expect(try await charger.call(try signRequest(commonName: "CP-2")).status == .rejected)
            let next = try await harness.command(
                ResetRequest(type: .soft), to: "CP-1", answeredBy: charger, with: ResetResponse(status: .accepted))
            #expect(next.call.action == "Reset")
            #expect(charger.schemaViolations.isEmpty)
            #expect(harness.server.notifications(for: "CP-1").count == 2)
        }
    }

    @Test("SignCertificate without a CA is Accepted and signs nothing")
    func noAuthority() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1")
            #expect(try await charger.call(try signRequest(commonName: "CP-1")).status == .accepted)
            let next = try await harness.command(
                ResetRequest(type: .soft), to: "CP-1", answeredBy: charger, with: ResetResponse(status: .accepted))
            #expect(next.call.action == "Reset")
        }
    }

    @Test("security profile 3: a client certificate issued to the charge point is required")
    func clientCertificates() async throws {
        let ca = try TestCertificateAuthority()
        defer { ca.remove() }
        let serverCertificate = try ca.issueServerCertificate()
        let tls = TLSConfiguration.server(
            certificate: serverCertificate.certificateFiles,
            clientCertificateVerification: .required(caFile: ca.certificateFile))
        try await OCPPHarness.run(.init(tls: tls)) { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", now: t0)
            let url = harness.server.url(for: "CP-1")
            #expect(url.hasPrefix("wss://"))
            func client(_ commonName: String) throws -> TLSConfiguration {
                .client(
                    trustRoots: .caFile(ca.certificateFile),
                    certificate: try ca.issueClientCertificate(commonName: commonName).certificateFiles)
            }
            let charger = try await ScriptedChargePoint.connect(to: url, tls: try client("CP-1"))
            #expect(try await charger.call(chargerBoot).status == .accepted)
            do {
                _ = try await ScriptedChargePoint.connect(to: url, tls: try client("CP-2"))
                Issue.record("a certificate for CP-2 connected as CP-1")
            } catch WebSocketHandshakeError.unexpectedStatus(let code, _) {
                #expect(code == 403)
            }
        }
    }
}
