import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// SignedUpdateFirmware with a real HTTP download: ``FileTransferClient`` fetches the image from
/// ``LoopbackHTTPServer`` on 127.0.0.1 (port 0) and the charger checks the signature, made at
/// test time by `openssl dgst -sha256 -sign`, over the bytes it received.
@Suite struct SignedFirmwareDownloadLiveTests {
    typealias Unit = ChargePointSignedFirmwareTests

    /// Serves `served` as `/fw-3.0.0.bin`, sends a SignedUpdateFirmware whose signature covers
    /// `Unit.firmware`, carries out the download for real, and returns the harness afterwards.
    func update(serving served: [UInt8]) async throws -> ChargePointHarness {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let folder = try TemporaryDirectory(prefix: "chargesim-signed-firmware-live")
        defer { folder.remove() }
        let signer = try authority.issueFirmwareSigningCertificate()
        let server = try await LoopbackHTTPServer.start(files: ["/fw-3.0.0.bin": .init(bytes: served)])
        let client = FileTransferClient()
        var harness = try Unit.booted(folder)
        let request = try Unit.request(
            signerPEM: try String(contentsOfFile: signer.certificateFile, encoding: .utf8),
            signature: try authority.signature(of: Unit.firmware, by: signer),
            location: server.baseURL + "/fw-3.0.0.bin", now: harness.now)
        #expect(harness.deliver(request)?.status == .accepted)
        for action in harness.transfers {
            let result = await client.perform(action)
            #expect(result?.failureReason == nil)
            if let result { harness.act { $0.transferFinished(action, result: result, now: $1) } }
        }
        harness.advance(by: .seconds(5))
        try await client.shutdown()
        try await server.close()
        #expect(server.requests.map(\.path) == ["/fw-3.0.0.bin"])
        return harness
    }

    @Test func goodSignatureInstallsAndReboots() async throws {
        let harness = try await update(serving: Unit.firmware)
        #expect(Unit.statuses(harness) == [.downloading, .downloaded, .signatureVerified, .installing, .installed])
        #expect(harness.reboots == [.hard])
        #expect(harness.charger.firmwareVersion == "3.0.0")
    }

    @Test func tamperedFileIsRefusedWithInvalidSignature() async throws {
        var tampered = Unit.firmware
        tampered[tampered.count - 1] ^= 0xFF
        let harness = try await update(serving: tampered)
        #expect(Unit.statuses(harness) == [.downloading, .downloaded, .invalidSignature])
        #expect(Unit.events(harness).contains("InvalidFirmwareSignature"))
        #expect(harness.reboots.isEmpty)
    }
}
