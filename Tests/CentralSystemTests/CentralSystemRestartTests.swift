import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Central system restart mid-session")
struct CentralSystemRestartTests {
    @Test("stop and start on the same data dir: the session continues, replays add nothing, energy is right")
    func restartMidSession() async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-restart")
        defer { directory.remove() }
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }

        var harness = try await EmbeddedHarness.start(directory: directory)
        _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
        let subscribed = try await harness.client.call(
            "POST", "/public-api/notifications/v2.0",
            json: #"{"via":"webhook","notifications":["session.start.stop.notification"],"#
                + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
        #expect(subscribed.status == 201)
        let start = StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 10_000, timestamp: at(10))
        var charger = try await harness.connect("CP-1")
        _ = try await charger.call(chargerBoot)
        let started = try await charger.call(start)
        let transactionId = started.transactionId
        _ = try await charger.call(
            MeterValuesRequest(
                connectorId: 1, transactionId: transactionId, meterValue: [energySample(11_000, at: at(70))]))
        let before = try #require(
            try await harness.client.call("GET", "/public-api/resources/sessions/v1.0").list.first)
        #expect(before["status"] as? String == "active")
        #expect(before["energy"] as? Double == 1000)
        let sessionId = try #require(before["id"] as? String)

        // The central system goes away mid-session; the charger sees its connection close.
        await harness.system.shutdown()
        _ = await charger.closeStatus

        harness = try await EmbeddedHarness.start(directory: directory)
        #expect(harness.system.generatedToken == nil)
        charger = try await harness.connect("CP-1")
        _ = try await charger.call(chargerBoot)
        // The charger did not see the last answers: it sends its queue again, then carries on.
        let replayed = try await charger.call(start)
        #expect(replayed.transactionId == transactionId)
        _ = try await charger.call(
            MeterValuesRequest(
                connectorId: 1, transactionId: transactionId, meterValue: [energySample(11_000, at: at(70))]))
        _ = try await charger.call(
            MeterValuesRequest(
                connectorId: 1, transactionId: transactionId, meterValue: [energySample(12_500, at: at(130))]))
        let stop = StopTransactionRequest(meterStop: 13_000, timestamp: at(190), transactionId: transactionId)
        _ = try await charger.call(stop)
        _ = try await charger.call(stop)

        let sessions = try await harness.client.call("GET", "/public-api/resources/sessions/v1.0")
        #expect(sessions.list.count == 1)
        let finished = try await harness.client.call("GET", "/public-api/resources/sessions/v1.0/\(sessionId)").data
        #expect(finished["status"] as? String == "finished")
        #expect(finished["energy"] as? Double == 3000)
        #expect((finished["energyConsumption"] as? [String: Any])?["total"] as? Double == 3000)
        let stats = try await harness.client.call(
            "GET", "/public-api/resources/sessions/v1.0/\(sessionId)/consumption-stats")
        #expect(stats.list.count == 2)
        // One start and one stop notification in all, across both runs.
        try await EmbeddedHarness.eventually("the stop notification") {
            receiver.uploads.contains { String(decoding: $0.body, as: UTF8.self).contains(#""action":"stop""#) }
        }
        let actions = receiver.uploads.compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.body))) as? [String: Any])?["action"] as? String
        }
        #expect(actions == ["start", "stop"])
        #expect(charger.schemaViolations.isEmpty)
        await harness.system.shutdown()
    }
}
