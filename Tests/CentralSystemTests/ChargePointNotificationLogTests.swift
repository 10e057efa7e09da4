import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Charger notifications kept in the store")
struct ChargePointNotificationLogTests {
    @Test("firmware, diagnostics, log status and security events survive a restart and are listed by kind")
    func keptAcrossRestart() async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-notifications")
        defer { directory.remove() }
        var harness = try await EmbeddedHarness.start(directory: directory)
        let chargePoint = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
        let charger = try await harness.connect("CP-1")
        _ = try await charger.call(chargerBoot)
        _ = try await charger.call(FirmwareStatusNotificationRequest(status: .downloading))
        _ = try await charger.call(DiagnosticsStatusNotificationRequest(status: .uploaded))
        _ = try await charger.call(LogStatusNotificationRequest(status: .uploaded, requestId: 7))
        _ = try await charger.call(
            SecurityEventNotificationRequest(type: "InvalidFirmwareSignature", timestamp: at(5), techInfo: "sig"))
        #expect(charger.schemaViolations.isEmpty)
        await harness.system.shutdown()

        harness = try await EmbeddedHarness.start(directory: directory)
        let base = "/public-api/resources/charge-points/v2.0/\(chargePoint.id ?? 0)/notification-logs"
        let all = try await harness.client.call("GET", base)
        #expect(all.status == 200)
        #expect(
            all.list.compactMap { $0["notification"] as? String } == [
                "FirmwareStatusNotification", "DiagnosticsStatusNotification", "LogStatusNotification",
                "SecurityEventNotification",
            ])
        #expect(all.list.compactMap { $0["status"] as? String } == ["Downloading", "Uploaded", "Uploaded"])
        #expect(all.list[2]["requestId"] as? Int == 7)
        let security = try await harness.client.call("GET", base + "?filter[notification]=SecurityEventNotification")
        #expect(security.list.count == 1)
        #expect(security.list.first?["type"] as? String == "InvalidFirmwareSignature")
        #expect(security.list.first?["techInfo"] as? String == "sig")
        #expect(security.list.first?["critical"] as? Bool == false)
        #expect(security.list.first?["timestamp"] as? String == "2026-01-01T00:00:05Z")
        let bad = try await harness.client.call("GET", base + "?filter[notification]=Nope")
        #expect(bad.status == 422)
        #expect(
            try await harness.client.call("GET", "/public-api/resources/charge-points/v2.0/999/notification-logs")
                .status == 404)
        await harness.system.shutdown()
    }
}
