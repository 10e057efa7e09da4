import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing
import WebSocket

/// ``CertificateStore`` in the SignCertificate → CertificateSigned exchange (use cases A02/A03):
/// the request it makes, and which signed chains it accepts; the chains are signed by the
/// `openssl ca` command.
@Suite struct CertificateStoreSigningTests {
    @Test func signCertificateRequestCarriesTheIdentityAndVerifies() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        let request = try store.makeSignCertificateRequest(cpoName: "ChargeSim CPO", chargePointId: "CP-0042")
        try expectValid(request, schema: "SignCertificate")
        #expect(store.hasPendingRequest)
        let verified = try OpenSSLCommand.run(["req", "-verify", "-noout", "-subject"], input: request.csr.value)
        #expect(verified.exitCode == 0, "\(verified.output)")
        #expect(verified.output.contains("verify OK"))
        #expect(verified.output.contains("subject=O = ChargeSim CPO, CN = CP-0042"))
        // A second request replaces the pending key.
        let second = try store.makeSignCertificateRequest(cpoName: "ChargeSim CPO", chargePointId: "CP-0042")
        #expect(second.csr != request.csr)
        let chain = try fixture.authority.signRequest(request.csr.value)
        _ = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        let (answer, event) = try fixture.offer(chain, to: &store)
        #expect(answer.status == .rejected)
        #expect(event?.techInfo == "the certificate is not for the requested key")
    }

    @Test func chainSignedByAnInstalledRootIsAccepted() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var (store, request) = try fixture.storeAwaitingCertificate()
        let chain = try fixture.authority.signRequest(request.csr.value)
        let (answer, event) = try fixture.offer(chain, to: &store)
        try expectValid(answer, schema: "CertificateSignedResponse")
        #expect(answer.status == .accepted)
        #expect(event == nil)
        #expect(!store.hasPendingRequest)
        let credentials = try #require(store.chargePointCredentials)
        #expect(credentials.certificate.subjectCommonName == "CP-0042")
        #expect(credentials.certificate.subject == "CN=CP-0042,O=CPO")
        #expect(credentials.chain.count == 1)
        // Accepted once: the same chain again has no pending request.
        let (again, againEvent) = try fixture.offer(chain, to: &store)
        #expect(again.status == .rejected)
        #expect(againEvent?.techInfo == "no certificate signing request is outstanding")
    }

    @Test func chainThroughAnIntermediateIsAccepted() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let intermediate = try fixture.authority.issueIntermediateAuthority()
        defer { intermediate.remove() }
        var (store, request) = try fixture.storeAwaitingCertificate(chargePointId: "CP-0777")
        let chain = try intermediate.signRequest(request.csr.value)
        let (answer, _) = try fixture.offer(chain, to: &store)
        #expect(answer.status == .accepted)
        #expect(store.chargePointCredentials?.chain.count == 2)
    }

    @Test func unknownAuthorityIsRejectedWithASecurityEvent() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var (store, request) = try fixture.storeAwaitingCertificate()
        let chain = try fixture.otherAuthority.signRequest(request.csr.value)
        let offeredAt = OCPPTimestamp(Date())
        let (answer, event) = try fixture.offer(chain, to: &store, now: offeredAt)
        try expectValid(answer, schema: "CertificateSignedResponse")
        #expect(answer.status == .rejected)
        let reported = try #require(event)
        #expect(reported.type == .invalidChargePointCertificate)
        #expect(reported.timestamp == offeredAt)
        #expect(reported.techInfo == "certificate at depth 0: unable to get local issuer certificate")
        try expectValid(reported.notification, schema: "SecurityEventNotification")
        #expect(store.chargePointCredentials == nil)
        #expect(store.hasPendingRequest)

        // A root for the manufacturer does not vouch for the charge point certificate.
        _ = store.install(
            try fixture.installRequest(fixture.otherAuthority.certificateFile, use: .manufacturerRootCertificate),
            now: fixture.now)
        #expect(
            try fixture.offer(chain, to: &store).0.status
                == .rejected)
    }

    @Test func wrongKeyNameExpiryAndJunkAreRejected() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var (store, request) = try fixture.storeAwaitingCertificate()

        let otherKey = try CertificateSigningRequest(commonName: "CP-0042", organization: "CPO", key: PrivateKey())
        let wrongKey = try fixture.authority.signRequest(otherKey.pem)
        #expect(reason(&store, fixture, wrongKey) == "the certificate is not for the requested key")

        let expired = try fixture.authority.signRequest(request.csr.value, expired: true)
        #expect(reason(&store, fixture, expired) == "certificate at depth 0: certificate has expired")

        #expect(reason(&store, fixture, "junk")?.hasPrefix("invalid PEM") == true)

        let root = try String(contentsOfFile: fixture.authority.certificateFile, encoding: .utf8)
        #expect(reason(&store, fixture, root) == "the first certificate is a CA certificate")

        let good = try fixture.authority.signRequest(request.csr.value)
        store.maxChainSize = 100
        #expect(reason(&store, fixture, good) == "the chain is longer than CertificateSignedMaxChainSize (100)")
        store.maxChainSize = 10_000
        #expect(reason(&store, fixture, good) == nil)
    }

    @Test func commonNameMustBeTheRequestedOne() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var (store, _) = try fixture.storeAwaitingCertificate()
        // A CA that changed the subject: the pending key, certified under another name.
        let pendingKey = try PrivateKey(
            pem: try #require(try fixture.storage.read("charge-point/pending-key.pem")))
        let renamed = try CertificateSigningRequest(commonName: "CP-9999", organization: "CPO", key: pendingKey)
        let chain = try fixture.authority.signRequest(renamed.pem)
        #expect(reason(&store, fixture, chain) == "the common name is CP-9999, not the charge point id")
    }

    @Test func certificateValidLaterBecomesCurrentWhenItsTimeComes() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        let root = try CertificateAuthority.selfSigned(
            commonName: "Root", key: PrivateKey(), validityDays: 30, now: fixture.now.date.addingTimeInterval(-3_600))
        let install = InstallCertificateRequest(
            certificateType: .centralSystemRootCertificate, certificate: try String5500(root.certificate.pem))
        #expect(store.install(install, now: fixture.now).status == .accepted)
        let request = try store.makeSignCertificateRequest(cpoName: "CPO", chargePointId: "CP-0042")
        let tomorrow = fixture.now.date.addingTimeInterval(86_400)
        let issued = try root.sign(
            CertificateSigningRequest(pem: request.csr.value), validityDays: 5, now: tomorrow)
        let (answer, event) = try fixture.offer(issued.pem, to: &store, now: fixture.now)
        #expect(answer.status == .accepted)
        #expect(event == nil)
        #expect(store.chargePointCredentials == nil)
        #expect(store.nextChargePointCredentials?.certificate == issued)
        let tooEarly = store.activateNextCredentials(now: fixture.now)
        #expect(!tooEarly)

        var reloaded = try fixture.makeStore()
        #expect(reloaded.nextChargePointCredentials?.certificate == issued)
        let activated = reloaded.activateNextCredentials(now: OCPPTimestamp(tomorrow))
        #expect(activated)
        #expect(reloaded.chargePointCredentials?.certificate == issued)
        #expect(reloaded.nextChargePointCredentials == nil)
        let third = try fixture.makeStore()
        #expect(third.chargePointCredentials?.certificate == issued)
        #expect(third.nextChargePointCredentials == nil)
        #expect(try fixture.permissions("charge-point/key.pem") == 0o600)
        let files = fixture.storage.chargePointCertificateFiles
        #expect(try String(contentsOfFile: files.certificateChainFile, encoding: .utf8) == issued.pem)
        #expect(try PrivateKey(pem: String(contentsOfFile: files.privateKeyFile, encoding: .utf8)).pem != "")
        #expect(third.centralSystemRootsPEM == root.certificate.pem)
    }

    /// Offers `chain` and returns the event's reason, or `nil` when it was accepted.
    private func reason(_ store: inout CertificateStore, _ fixture: StoreFixture, _ chain: String) -> String? {
        guard let (answer, event) = try? fixture.offer(chain, to: &store) else { return "too long" }
        #expect((answer.status == .accepted) == (event == nil))
        return event?.techInfo
    }
}
