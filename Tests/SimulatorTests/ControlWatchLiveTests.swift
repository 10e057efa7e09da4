import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// The watching side of the control API over real sockets: the event stream, trace files and
/// Prometheus metrics match the OCPP traffic the central system saw.
@Suite(.serialized) struct ControlWatchLiveTests {
    @Test func theEventStreamCarriesOneChargersFramesAndStatusChanges() async throws {
        let harness = try await ControlHarness.start(count: 2)
        let stream = try await EventStreamClient.connect(port: harness.port, path: "/events?charger=FT1")
        let statuses = try await EventStreamClient.connect(port: harness.port, path: "/events?types=connectors")
        _ = try await harness.client.call("POST", "/chargers/FT2/connectors/1/plug")
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug")
        try await stream.wait(for: "FT1's StatusNotification out and its answer in") { events in
            let frames = events.filter { $0["type"] as? String == "frame" }
            return frames.contains {
                ($0["frame"] as? String)?.contains("\"Preparing\"") == true && $0["direction"] as? String == "sent"
            }
                && frames.contains { $0["direction"] as? String == "received" }
        }
        try await stream.wait(for: "FT1's connectors event") { events in
            events.contains { event in
                event["type"] as? String == "connectors"
                    && (event["connectors"] as? [[String: Any]])?.last?["status"] as? String == "Preparing"
            }
        }
        #expect(stream.events.allSatisfy { $0["chargePointId"] as? String == "FT1" })
        // Every frame the central system saw from FT1 since the stream opened is in it, in order.
        let sent = stream.events.filter { $0["direction"] as? String == "sent" }.compactMap { $0["frame"] as? String }
        let seen = harness.central.records.filter { $0.chargePointId == "FT1" && $0.fromChargePoint }.map(\.text)
        #expect(!sent.isEmpty && seen.suffix(sent.count) == sent[...])

        try await statuses.wait(for: "both chargers' Preparing") { events in
            Set(events.compactMap { $0["chargePointId"] as? String }) == ["FT1", "FT2"]
        }
        #expect(statuses.events.allSatisfy { $0["type"] as? String == "connectors" })
        #expect(try await harness.client.call("GET", "/events?charger=NOPE").status == 404)
        await stream.close()
        await statuses.close()
        try await harness.stop()
    }

    @Test func traceWritesEveryFrameAsJSONLinesPerCharger() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let harness = try await ControlHarness.start(count: 2, traceDirectory: folder.url.path)
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug")
        try await harness.central.wait(for: "Preparing") { _ in harness.statuses("FT1").last?.status == .preparing }
        // Every call answered and the answers read, so the trace holds all the central system sent.
        try await LiveTimeout.run("the fleet reading every answer") {
            while true {
                let traffic = try await harness.fleet.traffic().get()
                if traffic.roundTrip.total == traffic.callsSent { return }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try await harness.stop()
        for id in ["FT1", "FT2"] {
            let text = try String(contentsOf: folder.url.appendingPathComponent("\(id).jsonl"), encoding: .utf8)
            let lines = text.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            let sent = lines.filter { $0["direction"] as? String == "sent" }.compactMap { $0["frame"] as? String }
            let received = lines.filter { $0["direction"] as? String == "received" }.compactMap {
                $0["frame"] as? String
            }
            let records = harness.central.records.filter { $0.chargePointId == id }
            #expect(sent == records.filter(\.fromChargePoint).map(\.text), "\(id)")
            #expect(received == records.filter { !$0.fromChargePoint }.map(\.text), "\(id)")
            #expect(lines.allSatisfy { $0["chargePointId"] as? String == id && $0["at"] is String })
        }
    }

    @Test func metricsCountMessagesErrorsSessionsAndPower() async throws {
        let harness = try await ControlHarness.start(count: 2)
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug")
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/id-tag", json: #"{"idTag":"CARD-1"}"#)
        try await harness.central.wait(for: "Charging") { _ in harness.statuses("FT1").last?.status == .charging }
        _ = try await harness.client.call(
            "POST", "/chargers/FT2/connectors/1/fault", json: #"{"errorCode":"HighTemperature"}"#)
        try await harness.central.wait(for: "Faulted") { _ in harness.statuses("FT2").last?.status == .faulted }
        // The fixture profile has no Reservation feature profile: the charger answers CALLERROR.
        await #expect(throws: LoopbackCentralSystem.CallFailed.self) {
            _ = try await harness.central.call(
                ReserveNowRequest(
                    connectorId: 1, expiryDate: OCPPTimestamp(Date().addingTimeInterval(600)), idTag: "CARD-2",
                    reservationId: 1),
                to: "FT2")
        }
        _ = try await harness.client.call("POST", "/chargers/FT2/offline")
        try await harness.central.wait(for: "FT2 dropped") { !$0.connectedChargePoints.contains("FT2") }
        _ = try await harness.client.call("POST", "/chargers/FT2/online")
        try await harness.central.wait(for: "FT2 back") { $0.connectedChargePoints.contains("FT2") }

        let text = try await harness.client.call("GET", "/metrics").text
        let samples = Self.samples(text)
        let boots =
            harness.central.calls(from: "FT1", BootNotificationRequest.action).count
            + harness.central.calls(from: "FT2", BootNotificationRequest.action).count
        #expect(
            samples[#"chargesim_ocpp_messages_total{direction="out",action="BootNotification",kind="call"}"#]
                == Double(boots))
        #expect(samples[#"chargesim_ocpp_messages_total{direction="out",action="StartTransaction",kind="call"}"#] == 1)
        #expect(samples[#"chargesim_ocpp_messages_total{direction="in",action="ReserveNow",kind="call"}"#] == 1)
        #expect(samples[#"chargesim_ocpp_messages_total{direction="out",action="ReserveNow",kind="error"}"#] == 1)
        let errorKey = try #require(
            samples.keys.first { $0.hasPrefix(#"chargesim_ocpp_callerrors_total{direction="out",code=""#) })
        #expect(samples[errorKey] == 1)
        #expect(samples[#"chargesim_connectors{status="Charging"}"#] == 1)
        #expect(samples[#"chargesim_connectors{status="Faulted"}"#] == 1)
        #expect(samples[#"chargesim_chargers{link="connected"}"#] == 2)
        #expect(samples["chargesim_active_sessions"] == 1)
        #expect(samples["chargesim_reconnects_total"] == 1)
        #expect((samples["chargesim_power_watts"] ?? 0) > 0)
        #expect(samples["chargesim_offline_queue_messages"] != nil)
        let answered = samples["chargesim_ocpp_roundtrip_seconds_count"] ?? 0
        #expect(answered > 0 && samples[#"chargesim_ocpp_roundtrip_seconds_bucket{le="+Inf"}"#] == answered)
        // Counters stay right over a second scrape (the registry is fed the increments).
        let second = Self.samples(try await harness.client.call("GET", "/metrics").text)
        #expect(second[#"chargesim_ocpp_messages_total{direction="out",action="StartTransaction",kind="call"}"#] == 1)
        try await harness.stop()
    }

    /// `name{labels} value` lines of the exposition text, by `name{labels}`.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
