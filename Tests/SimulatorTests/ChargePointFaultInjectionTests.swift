import OCPP16
import Simulator
import TestSupport
import Testing

/// Random faults from the profile's behaviour (issue 5): a seeded Poisson process of Faulted
/// periods with the listed error codes, each followed by the status that holds afterwards.
@Suite struct ChargePointFaultInjectionTests {
    typealias F = ChargePointFixtures

    private func harness(ratePerHour: Double, seed: UInt64) -> ChargePointHarness {
        var profile = F.profile()
        profile.behaviour.faultRatePerHour = ratePerHour
        profile.behaviour.faultDurationSeconds = 90
        profile.behaviour.faultErrorCodes = ["GroundFailure", "OverVoltage"]
        return F.booted(profile: profile, seed: seed)
    }

    private func faults(_ harness: ChargePointHarness) -> [StatusNotificationRequest] {
        harness.csms.requests(StatusNotificationRequest.self).filter { $0.status == .faulted }
    }

    @Test func faultsArriveAtTheRateWithTheListedCodesAndClearAfterTheDuration() {
        var harness = harness(ratePerHour: 4, seed: 99)
        harness.advance(by: .seconds(10 * 3600))
        let faulted = faults(harness)
        // 4 per hour for 10 hours: about 40 (a Poisson count; the seed fixes it).
        #expect((20...60).contains(faulted.count))
        #expect(Set(faulted.map(\.errorCode)).isSubset(of: [.groundFailure, .overVoltage]))
        #expect(Set(faulted.map(\.connectorId)) == [1, 2])
        let reports = harness.csms.requests(StatusNotificationRequest.self)
        for fault in faulted {
            guard let start = fault.timestamp else {
                Issue.record("a StatusNotification without a timestamp")
                continue
            }
            let next = reports.first { $0.connectorId == fault.connectorId && ($0.timestamp ?? start) > start }
            #expect(next?.status == .available)
            #expect(next?.timestamp == start + .seconds(90))
        }
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func theSameSeedGivesTheSameFaults() {
        var first = harness(ratePerHour: 2, seed: 7)
        var second = harness(ratePerHour: 2, seed: 7)
        var other = harness(ratePerHour: 2, seed: 8)
        for index in [0, 1, 2] {
            switch index {
            case 0: first.advance(by: .seconds(5 * 3600))
            case 1: second.advance(by: .seconds(5 * 3600))
            default: other.advance(by: .seconds(5 * 3600))
            }
        }
        let times = { (harness: ChargePointHarness) in self.faults(harness).map(\.timestamp) }
        #expect(!times(first).isEmpty)
        #expect(times(first) == times(second))
        #expect(times(first) != times(other))
    }

    @Test func aFaultStopsTheEnergyOfARunningTransaction() throws {
        var harness = harness(ratePerHour: 60, seed: 3)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.act { $0.presentIdTag("RFID-2", connectorId: 2, now: $1) }
        let deadline = F.start + .seconds(3600)
        while faults(harness).isEmpty, harness.now < deadline { harness.advance(by: .seconds(1)) }
        let fault = try #require(faults(harness).first)
        let register = harness.charger.registerWh(connectorId: fault.connectorId)
        harness.advance(by: .seconds(60))
        #expect(harness.charger.registerWh(connectorId: fault.connectorId) == register)
        harness.advance(by: .seconds(30))
        #expect(harness.charger.connectorStatuses[fault.connectorId] == .charging)
    }

    @Test func noRateNoFaults() {
        var harness = harness(ratePerHour: 0, seed: 99)
        harness.advance(by: .seconds(24 * 3600))
        #expect(faults(harness).isEmpty)
    }
}
