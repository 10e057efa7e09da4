import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

/// Session updates and webhooks (issue 11): a MeterValues' session update nobody
/// subscribed to is dropped on the store's writer thread instead of waking the webhook mapping
/// task, and is mapped and POSTed again as soon as somebody subscribes.
@Suite struct WebhookSessionUpdateTests {
    @Test("a session update is POSTed once a subscription exists, after the unsubscribed ones were dropped")
    func subscriptionAfterDroppedUpdates() async throws {
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }
        try await EmbeddedHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 0, timestamp: at(10)))
            func meterValues(_ wh: Double, at seconds: Int64) async throws {
                _ = try await charger.call(
                    MeterValuesRequest(
                        connectorId: 1, transactionId: started.transactionId,
                        meterValue: [energySample(wh, at: at(seconds))]))
            }
            // Nobody subscribed: the subscriptions are loaded once, then these are dropped.
            for minute in 1...3 { try await meterValues(Double(100 * minute), at: Int64(10 + 60 * minute)) }
            let created = try await harness.client.call(
                "POST", "/public-api/notifications/v2.0",
                json: #"{"via":"webhook","notifications":["SessionUpdateNotification"],"#
                    + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
            #expect(created.status == 201)
            try await meterValues(700, at: 250)
            try await EmbeddedHarness.eventually("the session update") {
                receiver.uploads.contains { upload in
                    (upload.jsonObject["session"] as? [String: Any])?["energy"] as? Double == 700
                        || (upload.jsonObject["session"] as? [String: Any])?["energy"] as? Int == 700
                }
            }
            let energies = receiver.uploads.compactMap { upload -> Double? in
                guard let session = upload.jsonObject["session"] as? [String: Any] else { return nil }
                return (session["energy"] as? Double) ?? (session["energy"] as? Int).map(Double.init)
            }
            // Only the update after the subscription: the earlier ones were nobody's.
            #expect(energies == [700])
            #expect(charger.schemaViolations.isEmpty)
        }
    }
}
