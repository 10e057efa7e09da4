import CentralSystem
import Foundation
import PublicAPI
import TestSupport
import Testing

/// The typed client end to end: the embedded central system over real HTTP, chargers of an
/// in-process fleet over real WebSockets.
@Suite("Public API client against the embedded central system", .timeLimit(.minutes(2)))
struct PublicAPIClientLiveTests {
    @Test("start, charge, limit, stop: the session story through the client")
    func sessionStory() async throws {
        try await EmbeddedFleet.with(chargers: 2) { harness in
            let api = harness.client
            let chargePoints = try await api.chargePoints().collect()
            #expect(Set(chargePoints.compactMap { $0.network?.id }) == Set(harness.chargePointIds))
            let cp = try #require(try await harness.systemId("BR1"))
            try await api.waitForEVSE(chargePointId: cp, evseNetworkId: 1, status: .available, timeout: .seconds(5))

            let started = try await api.startSession(
                chargePointId: cp, evseNetworkId: 1, StartSessionBody(idTag: "BRIDGE-TAG-1"))
            #expect(started.success)
            let session = try await api.waitForSession(
                chargePointId: cp, evseNetworkId: 1, status: .active, timeout: .seconds(10))
            #expect(session.idTag == "BRIDGE-TAG-1")
            try await api.waitForEVSE(chargePointId: cp, evseNetworkId: 1, status: .charging, timeout: .seconds(10))
            let first = try await api.waitForEnergy(sessionId: session.id, above: 0, timeout: .seconds(10))
            let rising = try await api.waitForEnergy(sessionId: session.id, above: first.energy, timeout: .seconds(10))
            #expect(rising.energy > first.energy)
            let fullPower = try #require(rising.power?.latest)
            #expect(fullPower > 3000)

            let profile = SetChargingProfileBody(
                stackLevel: 1, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .relative,
                chargingSchedule: ChargingScheduleBody(
                    chargingRateUnit: .watts, chargingSchedulePeriod: [SchedulePeriod(startPeriod: 0, limit: 2000)]))
            let installed = try await api.setChargingProfile(chargePointId: cp, evseNetworkId: 1, profile)
            #expect(installed.id > 0)
            let limited = try await api.wait(for: "power at most 2000 W", timeout: .seconds(10)) {
                let now = try await api.session(session.id)
                let power = now.power?.latest ?? .infinity
                return (power <= 2000 ? now : nil, "power \(power) W")
            }
            #expect((limited.power?.latest ?? 0) > 0)

            try await api.stopSession(chargePointId: cp, sessionId: session.id)
            let finished = try await api.waitForSession(session.id, status: .finished, timeout: .seconds(10))
            #expect(finished.energy >= limited.energy)
            #expect(finished.stoppedAt != nil)
            let other = try #require(try await harness.systemId("BR2"))
            #expect(try await api.sessions(ListQuery(filters: ["chargePointId": String(other)])).collect().isEmpty)
        }
    }

    @Test("lists follow links.next page after page, in cursor and page mode")
    func paginationFollowsNext() async throws {
        try await EmbeddedFleet.with(chargers: 3) { harness in
            let api = harness.client
            let onePerPage = try await api.chargePoints(ListQuery(perPage: 1)).collect()
            #expect(onePerPage.map(\.id) == (try await api.chargePoints().collect()).map(\.id))
            #expect(onePerPage.count == 3)
            let evses = try await api.evses(ListQuery(perPage: 2)).collect()
            #expect(evses.count == 3)
            // Sessions are page mode unless a cursor is given: links.next carries ?page=2.
            for id in harness.chargePointIds {
                let cp = try #require(try await harness.systemId(id))
                _ = try await api.startSession(
                    chargePointId: cp, evseNetworkId: 1, StartSessionBody(idTag: "PAGE-\(id)"))
                try await api.waitForSession(
                    chargePointId: cp, evseNetworkId: 1, status: .active, timeout: .seconds(10))
            }
            let sessions = try await api.sessions(ListQuery(filters: ["status": "active"], perPage: 2)).collect()
            #expect(Set(sessions.compactMap(\.idTag)) == ["PAGE-BR1", "PAGE-BR2", "PAGE-BR3"])
        }
    }

    @Test("a charger that is offline makes the action a 406 carrying the API's message")
    func offlineChargerIsNotAcceptable() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            let created = try await harness.client.createChargePoint(
                ChargePointWrite(network: ChargePointNetwork(id: "NEVER-CONNECTED")))
            do {
                try await harness.client.reset(chargePointId: created.id, .soft)
                Issue.record("reset of an offline charger succeeded")
            } catch let error as PublicAPIClientError {
                #expect(error.status == 406)
                #expect(error.message?.contains("NEVER-CONNECTED is offline") == true)
            }
        }
    }

    @Test("a wait that times out says what it saw last")
    func waitTimeoutNamesTheLastObservation() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            let cp = try #require(try await harness.systemId("BR1"))
            do {
                try await harness.client.waitForEVSE(
                    chargePointId: cp, evseNetworkId: 1, status: .faulted, timeout: .milliseconds(600),
                    pollInterval: .milliseconds(100))
                Issue.record("the wait for faulted returned")
            } catch let timeout as PublicAPIWaitTimeout {
                #expect(timeout.lastSeen == "hardwareStatus available")
                #expect(timeout.description.contains("EVSE 1 of charge point \(cp) to be faulted"))
            }
        }
    }
}
