import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// SignedUpdateFirmware (Improved security for OCPP 1.6-J, L01) on the charge point machine:
/// the signing certificate check, the SignedFirmwareStatusNotification sequence, and the
/// signature checked over the downloaded bytes. Certificates and signatures are made at test
/// time by the `openssl` CLI.
@Suite struct ChargePointSignedFirmwareTests {
    static let location = "http://updates.example/fw-3.0.0.bin"
    static let firmware = Array("ChargeSim firmware 3.0.0".utf8) + Array(repeating: 0x5A, count: 4096)

    /// A connected charger with a certificate store in `folder`, on the real time (the signing
    /// certificates made now are valid now).
    static func booted(_ folder: TemporaryDirectory) throws -> ChargePointHarness {
        let startedAt = OCPPTimestamp(Date())
        var harness = ChargePointHarness(charger: ChargePointFixtures.charger(now: startedAt), now: startedAt)
        harness.charger.useCertificateStore(
            try CertificateStore(storage: CertificateStoreDirectory(directory: folder.url)))
        harness.connect()
        return harness
    }

    static func statuses(_ harness: ChargePointHarness) -> [SignedFirmwareStatus] {
        harness.csms.requests(SignedFirmwareStatusNotificationRequest.self).map(\.status)
    }

    static func events(_ harness: ChargePointHarness) -> [String] {
        harness.csms.requests(SecurityEventNotificationRequest.self).map(\.type.value)
    }

    /// SignedUpdateFirmware for `location`, signed by `signer` with `signature`.
    static func request(
        signerPEM: String, signature: String, location: String = location, now: OCPPTimestamp
    ) throws -> SignedUpdateFirmwareRequest {
        SignedUpdateFirmwareRequest(
            requestId: 77,
            firmware: Firmware(
                location: try String512(location), retrieveDateTime: now,
                signingCertificate: try String5500(signerPEM), signature: try String800(signature)))
    }

    @Test func goodSignatureGoesThroughEveryStatusAndReboots() throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let signer = try authority.issueFirmwareSigningCertificate()
        let pem = try String(contentsOfFile: signer.certificateFile, encoding: .utf8)
        let folder = try TemporaryDirectory(prefix: "chargesim-signed-firmware")
        defer { folder.remove() }
        var harness = try Self.booted(folder)
        let answer = harness.deliver(
            try Self.request(
                signerPEM: pem, signature: try authority.signature(of: Self.firmware, by: signer), now: harness.now))
        #expect(answer?.status == .accepted)
        #expect(harness.transfers == [.download(url: Self.location, requestId: 1)])
        harness.finishDownload(
            requestId: 1, result: .success(byteCount: Self.firmware.count, headers: [:], body: Self.firmware))
        #expect(Self.statuses(harness) == [.downloading, .downloaded, .signatureVerified, .installing])
        harness.advance(by: .seconds(5))
        #expect(Self.statuses(harness) == [.downloading, .downloaded, .signatureVerified, .installing, .installed])
        #expect(
            harness.csms.requests(SignedFirmwareStatusNotificationRequest.self).allSatisfy { $0.requestId == 77 })
        #expect(harness.csms.requests(FirmwareStatusNotificationRequest.self).isEmpty)
        #expect(harness.reboots == [.hard])
        #expect(harness.charger.firmwareVersion == "3.0.0")
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func tamperedFileIsAnInvalidSignatureAndASecurityEvent() throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let signer = try authority.issueFirmwareSigningCertificate()
        let pem = try String(contentsOfFile: signer.certificateFile, encoding: .utf8)
        let folder = try TemporaryDirectory(prefix: "chargesim-signed-firmware")
        defer { folder.remove() }
        var harness = try Self.booted(folder)
        let signature = try authority.signature(of: Self.firmware, by: signer)
        #expect(
            harness.deliver(try Self.request(signerPEM: pem, signature: signature, now: harness.now))?.status
                == .accepted)
        var tampered = Self.firmware
        tampered[0] ^= 0x01
        harness.finishDownload(requestId: 1, result: .success(byteCount: tampered.count, headers: [:], body: tampered))
        harness.advance(by: .seconds(10))
        #expect(Self.statuses(harness) == [.downloading, .downloaded, .invalidSignature])
        #expect(Self.events(harness).contains("InvalidFirmwareSignature"))
        #expect(harness.reboots.isEmpty)
        #expect(harness.charger.firmwareVersion != "3.0.0")
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func certificateThatDoesNotParseIsInvalidCertificate() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-signed-firmware")
        defer { folder.remove() }
        var harness = try Self.booted(folder)
        let answer = harness.deliver(
            try Self.request(
                signerPEM: "-----BEGIN CERTIFICATE-----\nnot base64\n", signature: "AA==", now: harness.now))
        #expect(answer?.status == .invalidCertificate)
        #expect(harness.transfers.isEmpty)
        #expect(Self.events(harness).contains("InvalidFirmwareSigningCertificate"))
    }

    @Test func signerMustChainToAnInstalledManufacturerRoot() throws {
        let manufacturer = try TestCertificateAuthority(commonName: "ChargeSim Manufacturer Root")
        let stranger = try TestCertificateAuthority(commonName: "Someone Else")
        defer {
            manufacturer.remove()
            stranger.remove()
        }
        let folder = try TemporaryDirectory(prefix: "chargesim-signed-firmware")
        defer { folder.remove() }
        var harness = try Self.booted(folder)
        let root = try String5500(String(contentsOfFile: manufacturer.certificateFile, encoding: .utf8))
        let installed = harness.deliver(
            InstallCertificateRequest(certificateType: .manufacturerRootCertificate, certificate: root))
        #expect(installed?.status == .accepted)

        let foreign = try stranger.issueFirmwareSigningCertificate()
        let foreignPEM = try String(contentsOfFile: foreign.certificateFile, encoding: .utf8)
        let refused = harness.deliver(
            try Self.request(
                signerPEM: foreignPEM, signature: try stranger.signature(of: Self.firmware, by: foreign),
                now: harness.now))
        #expect(refused?.status == .invalidCertificate)
        #expect(harness.transfers.isEmpty)

        let own = try manufacturer.issueFirmwareSigningCertificate()
        let ownPEM = try String(contentsOfFile: own.certificateFile, encoding: .utf8)
        let accepted = harness.deliver(
            try Self.request(
                signerPEM: ownPEM, signature: try manufacturer.signature(of: Self.firmware, by: own),
                now: harness.now))
        #expect(accepted?.status == .accepted)
        #expect(harness.transfers.count == 1)
        // A second request while the first downloads cancels it.
        let again = harness.deliver(
            try Self.request(
                signerPEM: ownPEM, signature: try manufacturer.signature(of: Self.firmware, by: own),
                now: harness.now))
        #expect(again?.status == .acceptedCanceled)
    }
}
