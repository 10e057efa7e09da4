import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// The chaos calls of the control API through real sockets: what the central system sees.
@Suite(.timeLimit(.minutes(2)))
struct ControlChaosLiveTests {
    @Test func blackoutDropsEveryChargerAndEachComesBack() async throws {
        let harness = try await ControlHarness.start(count: 3)
        let ids = harness.fleet.chargers.map(\.chargePointId)
        let before = ids.map { harness.central.upgradeCount($0) }
        let answer = try await harness.client.call(
            "POST", "/fleet/blackout", json: #"{"durationSeconds":0.3,"reconnectJitterSeconds":0.3}"#)
        #expect(answer.status == 200)
        #expect(answer.json["dropped"] as? Int == 3)
        try await harness.central.wait(for: "every charger reconnected once") { central in
            zip(ids, before).allSatisfy { id, count in central.upgradeCount(id) == count + 1 }
                && ids.allSatisfy { central.connectedChargePoints.contains($0) }
        }
        try await harness.stop()
    }

    @Test func surgeStartsSessionsOnChargersWithAFreeConnector() async throws {
        let harness = try await ControlHarness.start(count: 3)
        let answer = try await harness.client.call("POST", "/fleet/surge", json: #"{"count":2}"#)
        #expect(answer.status == 200)
        let started = try #require(answer.json["started"] as? [String])
        #expect(started.count == 2)
        try await harness.central.wait(for: "two StartTransactions") { central in
            started.allSatisfy { central.requests(StartTransactionRequest.self, from: $0).count == 1 }
        }
        try await harness.stop()
    }

    @Test func injectedConnectorFaultIsReportedWithItsCodeAndBadRequestsSayWhatToFix() async throws {
        let harness = try await ControlHarness.start()
        let injected = try await harness.client.call(
            "POST", "/chargers/FT1/chaos",
            json: #"{"kind":"connectorFault","errorCode":"OverCurrentFailure","durationSeconds":0.5}"#)
        #expect(injected.status == 200)
        try await harness.central.wait(for: "Faulted, then Available") { _ in
            let statuses = harness.statuses("FT1")
            return statuses.contains { $0.status == .faulted && $0.errorCode == .overCurrentFailure }
                && statuses.last?.status == .available
        }
        let unknown = try await harness.client.call("POST", "/chargers/FT1/chaos", json: #"{"kind":"meteor"}"#)
        #expect(unknown.status == 422)
        #expect((unknown.json["message"] as? String)?.contains("connectionDrop") == true)
        let noCode = try await harness.client.call("POST", "/chargers/FT1/chaos", json: #"{"kind":"connectorFault"}"#)
        #expect(noCode.status == 422)
        #expect((noCode.json["message"] as? String)?.contains("errorCode") == true)
        #expect(
            try await harness.client.call("POST", "/chargers/NOPE/chaos", json: #"{"kind":"reboot"}"#).status == 404)
        try await harness.stop()
    }
}
