import CentralSystem
import Foundation
import OCPP16
import Synchronization
import TestSupport
import Testing

/// The answer path of the frequent requests (issue 11): a MeterValues that finds the store's
/// writer idle is stored and answered on its connection's event loop, with no thread hand-off;
/// a session update nobody subscribed to is not queued for webhooks, and one is again as soon as
/// somebody subscribes.
@Suite struct OCPPDirectAnswerTests {
    /// The name of the current thread, as the kernel has it (NIO names its event loop threads
    /// `NIO-...`; the store's writer is not one).
    static func threadName() -> String {
        let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "unknown"
        return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("MeterValues sent one after another are stored and reported on the event loop, in order")
    func meterValuesOnTheEventLoop() async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path)
        let updates = Mutex<[(energyWh: Double, thread: String)]>([])
        var configuration = OCPPServerConfiguration(unknownIdTagPolicy: .accept)
        configuration.onEvent = { event in
            if case .sessionUpdated(let session) = event {
                let thread = Self.threadName()
                updates.withLock { $0.append((session.energyWh, thread)) }
            }
        }
        let server = try await OCPPServer.start(store: store, configuration: configuration)
        do {
            _ = try await store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let charger = try await ScriptedChargePoint.connect(to: server.url(for: "CP-1"), subprotocols: ["ocpp1.6"])
            _ = try await charger.call(chargerBoot)
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "T", meterStart: 0, timestamp: at(1)))
            for minute in 1...4 {
                _ = try await charger.call(
                    MeterValuesRequest(
                        connectorId: 1, transactionId: started.transactionId,
                        meterValue: [energySample(Double(100 * minute), at: at(Int64(60 * minute)))]))
            }
            let seen = updates.withLock { $0 }
            #expect(seen.map(\.energyWh) == [100, 200, 300, 400])
            // The first may still queue behind StartTransaction's write; the store is idle for the
            // others, so each is written where its frame was read.
            for update in seen.dropFirst() {
                #expect(update.thread.hasPrefix("NIO-"), "reported on \(update.thread)")
            }
            let session = try #require(try await store.listSessions(page: .page(number: 1, perPage: 10)).items.first)
            #expect(session.energyWh == 400)
            #expect(try await store.meterSamples(sessionId: try #require(session.id)).count == 4)
            await charger.close()
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

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
