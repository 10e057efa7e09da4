import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

private typealias F = ChargePointFixtures

/// Smart charging through the charge point machine (OCPP 1.6 §3.13, §5.5, §5.7, §5.11, §5.16):
/// the limits show in the power, the energy and the MeterValues, at the right instants.
@Suite struct ChargePointSmartChargingTests {
    /// 6 A per phase on three phases at 230 V.
    static let sixAmpsW = 6.0 * 230 * 3
    /// The hatchback's AC maximum.
    static let fullW = 11_000.0

    /// A booted charger charging the hatchback on `connectorId` since `harness.now`.
    private func charging(connectorId: Int = 1, _ harness: inout ChargePointHarness) {
        harness.act { $0.plugIn(connectorId: connectorId, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-\(connectorId)", connectorId: connectorId, now: $1) }
    }

    private func chargingHarness() -> ChargePointHarness {
        var harness = F.booted()
        charging(&harness)
        return harness
    }

    static func profile(
        id: Int,
        purpose: ChargingProfilePurpose,
        stackLevel: Int = 0,
        kind: ChargingProfileKind = .relative,
        start: OCPPTimestamp? = nil,
        validTo: OCPPTimestamp? = nil,
        unit: ChargingRateUnit = .a,
        periods: [(Int, DecimalTenths)]
    ) -> ChargingProfile {
        ChargingProfile(
            chargingProfileId: id, stackLevel: stackLevel, chargingProfilePurpose: purpose, chargingProfileKind: kind,
            validTo: validTo,
            chargingSchedule: ChargingSchedule(
                startSchedule: start, chargingRateUnit: unit,
                chargingSchedulePeriod: periods.map { ChargingSchedulePeriod(startPeriod: $0.0, limit: $0.1) }))
    }

    /// The sampled values of `measurand` in the last MeterValues of connector 1.
    private func lastSample(_ harness: ChargePointHarness, _ measurand: Measurand, connectorId: Int = 1) -> [Double] {
        let last = harness.csms.requests(MeterValuesRequest.self).last { $0.connectorId == connectorId }
        return (last?.meterValue ?? []).flatMap(\.sampledValue).filter { $0.measurand == measurand }
            .compactMap { Double($0.value) }
    }

    /// Power.Active.Import of every periodic MeterValues of connector 1, with its timestamp.
    private func powerSamples(_ harness: ChargePointHarness) -> [(OCPPTimestamp, Double)] {
        harness.csms.requests(MeterValuesRequest.self).filter { $0.connectorId == 1 }.flatMap(\.meterValue)
            .compactMap { value in
                value.sampledValue.first { $0.measurand == .powerActiveImport }.flatMap { Double($0.value) }
                    .map { (value.timestamp, $0) }
            }
    }

    private func expectClean(_ harness: ChargePointHarness, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(harness.csms.schemaViolations.isEmpty, sourceLocation: sourceLocation)
        #expect(harness.shellViolations.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func txProfileOfSixAmpsShowsInTheNextMeterValues() throws {
        var harness = chargingHarness()
        harness.advance(by: .seconds(60))
        #expect(try #require(lastSample(harness, .powerActiveImport).first) == Self.fullW)
        let set = harness.deliver(
            SetChargingProfileRequest(
                connectorId: 1, csChargingProfiles: Self.profile(id: 1, purpose: .txProfile, periods: [(0, 6)])))
        #expect(set?.status == .accepted)
        harness.advance(by: .seconds(60))
        let currents = lastSample(harness, .currentImport)
        #expect(currents.count == 3)
        #expect(currents.allSatisfy { abs($0 - 6) < 0.1 })
        let power = try #require(lastSample(harness, .powerActiveImport).first)
        #expect(abs(power - Self.sixAmpsW) < 0.5)
        expectClean(harness)
    }

    @Test func txProfileNeedsATransaction() {
        var harness = F.booted()
        let set = harness.deliver(
            SetChargingProfileRequest(
                connectorId: 1, csChargingProfiles: Self.profile(id: 1, purpose: .txProfile, periods: [(0, 6)])))
        #expect(set?.status == .rejected)
    }

    /// Charging from `F.start` under a TxDefaultProfile of 32 A (the EV takes 11 kW) for 10
    /// minutes, then 6 A; returns the harness and the register at the start.
    private func chargingUnderTwoPeriods() throws -> (ChargePointHarness, Double) {
        var harness = F.booted()
        let profile = Self.profile(
            id: 7, purpose: .txDefaultProfile, kind: .absolute, start: F.start, periods: [(0, 32), (600, 6)])
        let set = harness.deliver(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile))
        #expect(set?.status == .accepted)
        charging(&harness)
        return (harness, try #require(harness.charger.registerWh(connectorId: 1)))
    }

    @Test func txDefaultProfileChangesPowerExactlyAtThePeriodBoundary() throws {
        var (harness, register0) = try chargingUnderTwoPeriods()
        harness.advance(by: .seconds(600))
        let register1 = try #require(harness.charger.registerWh(connectorId: 1))
        #expect(abs((register1 - register0) - Self.fullW * 600 / 3600) < 0.001)
        harness.advance(by: .seconds(600))
        let register2 = try #require(harness.charger.registerWh(connectorId: 1))
        #expect(abs((register2 - register1) - Self.sixAmpsW * 600 / 3600) < 0.001)
        // The sample at the boundary already shows the new limit; the one before it the old.
        let samples = powerSamples(harness)
        let before = try #require(samples.first { $0.0 == F.start + .seconds(540) })
        let at = try #require(samples.first { $0.0 == F.start + .seconds(600) })
        #expect(before.1 == Self.fullW)
        #expect(abs(at.1 - Self.sixAmpsW) < 0.5)
        expectClean(harness)
    }

    @Test func aLateTimerStillIntegratesEachPieceUnderItsOwnLimit() throws {
        var (harness, register0) = try chargingUnderTwoPeriods()
        #expect(harness.charger.nextDeadline.map { $0 <= F.start + .seconds(600) } == true)
        // One wake-up 15 minutes in, long past the boundary at 10 minutes.
        _ = harness.charger.timerFired(now: F.start + .seconds(900))
        let register = try #require(harness.charger.registerWh(connectorId: 1))
        let expected = Self.fullW * 600 / 3600 + Self.sixAmpsW * 300 / 3600
        #expect(abs((register - register0) - expected) < 0.001)
    }

    @Test func aZeroLimitSuspendsAndARaisedLimitResumes() {
        var harness = chargingHarness()
        harness.advance(by: .seconds(30))
        harness.deliver(
            SetChargingProfileRequest(
                connectorId: 1, csChargingProfiles: Self.profile(id: 1, purpose: .txProfile, periods: [(0, 0)])))
        #expect(harness.charger.connectorStatuses[1] == .suspendedEVSE)
        let suspendedAt = harness.charger.registerWh(connectorId: 1) ?? 0
        harness.advance(by: .seconds(120))
        #expect(harness.charger.registerWh(connectorId: 1) == suspendedAt)
        // Same purpose and stack level: replaces the 0 A profile.
        harness.deliver(
            SetChargingProfileRequest(
                connectorId: 1, csChargingProfiles: Self.profile(id: 2, purpose: .txProfile, periods: [(0, 16)])))
        #expect(harness.charger.connectorStatuses[1] == .charging)
        #expect(Array(harness.statuses(1).suffix(3)) == [.charging, .suspendedEVSE, .charging])
        expectClean(harness)
    }

    @Test func validToExpiryRestoresFullPower() throws {
        var harness = chargingHarness()
        harness.advance(by: .seconds(120))
        let profile = Self.profile(
            id: 1, purpose: .txProfile, validTo: F.start + .seconds(330), periods: [(0, 6)])
        harness.deliver(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: profile))
        let register0 = try #require(harness.charger.registerWh(connectorId: 1))
        harness.advance(by: .seconds(600))
        let register = try #require(harness.charger.registerWh(connectorId: 1))
        let expected = Self.sixAmpsW * 210 / 3600 + Self.fullW * 390 / 3600
        #expect(abs((register - register0) - expected) < 0.001)
        let samples = powerSamples(harness)
        #expect(samples.first { $0.0 == F.start + .seconds(300) }.map { abs($0.1 - Self.sixAmpsW) < 0.5 } == true)
        #expect(samples.first { $0.0 == F.start + .seconds(360) }?.1 == Self.fullW)
        expectClean(harness)
    }

    @Test func chargePointMaxProfileCapsTheSumOverConnectors() throws {
        var harness = F.booted()
        let maximum = Self.profile(
            id: 9, purpose: .chargePointMaxProfile, kind: .absolute, start: F.start, periods: [(0, 10)])
        #expect(
            harness.deliver(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: maximum))?.status == .accepted
        )
        charging(connectorId: 1, &harness)
        harness.advance(by: .seconds(60))
        #expect(abs(try #require(lastSample(harness, .powerActiveImport).first) - 6_900) < 0.5)
        charging(connectorId: 2, &harness)
        harness.advance(by: .seconds(60))
        let one = try #require(lastSample(harness, .powerActiveImport, connectorId: 1).first)
        let two = try #require(lastSample(harness, .powerActiveImport, connectorId: 2).first)
        #expect(abs(one + two - 6_900) < 1)
        #expect(abs(one - two) < 0.5)
        // Not on a connector: a ChargePointMaxProfile belongs on connector 0.
        #expect(
            harness.deliver(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: maximum))?.status == .rejected
        )
        expectClean(harness)
    }

    @Test func getCompositeScheduleThroughTheMachine() throws {
        var harness = F.booted()
        let profile = Self.profile(
            id: 3, purpose: .txDefaultProfile, kind: .absolute, start: F.start, periods: [(0, 16), (600, 8)])
        harness.deliver(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: profile))
        harness.advance(by: .seconds(60))
        let answer = harness.deliver(GetCompositeScheduleRequest(connectorId: 1, duration: 1200, chargingRateUnit: .a))
        let response = try #require(answer)
        #expect(response.status == .accepted)
        #expect(response.scheduleStart == F.start + .seconds(60))
        let schedule = try #require(response.chargingSchedule)
        #expect(schedule.chargingRateUnit == .a)
        #expect(schedule.chargingSchedulePeriod.map(\.startPeriod) == [0, 540])
        #expect(schedule.chargingSchedulePeriod.map(\.limit) == [16, 8])
        // In W, with the connector's three phases.
        let inWatts = harness.deliver(GetCompositeScheduleRequest(connectorId: 1, duration: 1200, chargingRateUnit: .w))
        let watts = try #require(inWatts?.chargingSchedule)
        #expect(watts.chargingSchedulePeriod.map(\.limit) == [11_040, 5_520])
        #expect(harness.deliver(GetCompositeScheduleRequest(connectorId: 3, duration: 60))?.status == .rejected)
        // ClearChargingProfile by id, then nothing is left to clear.
        #expect(harness.deliver(ClearChargingProfileRequest(id: 3))?.status == .accepted)
        #expect(harness.deliver(ClearChargingProfileRequest(id: 3))?.status == .unknown)
        expectClean(harness)
    }

    @Test func withoutTheSmartChargingFeatureProfileTheCallsAreNotSupported() throws {
        var profile = F.profile()
        profile.featureProfiles.removeAll { $0 == .smartCharging }
        var harness = F.booted(profile: profile, seed: 1)
        let answer = harness.deliverRaw(
            SetChargingProfileRequest(
                connectorId: 0,
                csChargingProfiles: Self.profile(id: 1, purpose: .txDefaultProfile, periods: [(0, 6)])))
        guard case .error(let error) = answer else {
            Issue.record("expected a CALLERROR, got \(String(describing: answer))")
            return
        }
        #expect(error.code == .notSupported)
    }

    @Test func remoteStartWithAChargingProfile() throws {
        var harness = F.booted()
        let profile = Self.profile(id: 5, purpose: .txProfile, periods: [(0, 6)])
        let response = harness.deliver(
            RemoteStartTransactionRequest(connectorId: 1, idTag: "REMOTE", chargingProfile: profile))
        #expect(response?.status == .accepted)
        harness.advance(by: .seconds(5))
        #expect(harness.charger.hasTransaction(onConnector: 1))
        let installed = harness.charger.snapshot.chargingProfiles?.profiles ?? []
        #expect(installed.map(\.profile.chargingProfileId) == [5])
        // The central system's transaction id replaces the provisional one once it is known.
        #expect(installed.first?.profile.transactionId == harness.charger.transactionId(onConnector: 1))
        harness.advance(by: .seconds(60))
        #expect(abs(try #require(lastSample(harness, .powerActiveImport).first) - Self.sixAmpsW) < 0.5)
        // §3.13.1: the TxProfile goes with its transaction.
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        #expect(harness.charger.snapshot.chargingProfiles?.profiles.isEmpty == true)
        expectClean(harness)
    }

    @Test func remoteStartWithAProfileThatIsNotATxProfileIsRejected() {
        var harness = F.booted()
        let profile = Self.profile(id: 5, purpose: .txDefaultProfile, periods: [(0, 6)])
        let response = harness.deliver(
            RemoteStartTransactionRequest(connectorId: 1, idTag: "REMOTE", chargingProfile: profile))
        #expect(response?.status == .rejected)
        #expect(harness.charger.connectorStatuses[1] == .available)
        // Beyond ChargeProfileMaxStackLevel: rejected as SetChargingProfile would be.
        let tooHigh = Self.profile(id: 6, purpose: .txProfile, stackLevel: 1000, periods: [(0, 6)])
        #expect(
            harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "REMOTE", chargingProfile: tooHigh))?
                .status == .rejected)
    }

    @Test func profilesSurviveSnapshotAndResume() throws {
        var harness = F.booted()
        let profile = Self.profile(
            id: 4, purpose: .txDefaultProfile, kind: .absolute, start: F.start, periods: [(0, 6)])
        harness.deliver(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile))
        let bytes = try JSONEncoder().encode(harness.charger.snapshot)
        let snapshot = try JSONDecoder().decode(ChargePointSnapshot.self, from: bytes)
        #expect(snapshot.chargingProfiles?.profiles.count == 1)
        var resumed = ChargePointHarness(charger: F.charger(resumingFrom: snapshot, now: F.start), now: F.start)
        resumed.connect()
        charging(&resumed)
        resumed.advance(by: .seconds(60))
        #expect(abs(try #require(lastSample(resumed, .powerActiveImport).first) - Self.sixAmpsW) < 0.5)
        expectClean(resumed)
    }
}

/// Smart charging on a DC charger, where profiles are in W (OCPP 1.6 §3.13.4).
@Suite struct ChargePointDCSmartChargingTests {
    @Test func aWattLimitCapsTheDCPowerAndClearingItRestoresIt() throws {
        var profile = F.profile()
        profile.connectors = [
            ProfileConnector(id: 1, type: .ccs2, currentType: .dc, maxCurrentA: 200, phases: 1, maxPowerKW: 150)
        ]
        var harness = F.booted(profile: profile, seed: 5)
        let cap = ChargePointSmartChargingTests.profile(
            id: 1, purpose: .txDefaultProfile, kind: .absolute, start: F.start, unit: .w, periods: [(0, 30_000)])
        #expect(
            harness.deliver(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: cap))?.status == .accepted)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        let register0 = try #require(harness.charger.registerWh(connectorId: 1))
        harness.advance(by: .seconds(600))
        let register1 = try #require(harness.charger.registerWh(connectorId: 1))
        #expect(abs((register1 - register0) - 30_000.0 * 600 / 3600) < 0.001)
        let composite = harness.deliver(GetCompositeScheduleRequest(connectorId: 1, duration: 60))
        #expect(composite?.chargingSchedule?.chargingRateUnit == .w)
        #expect(composite?.chargingSchedule?.chargingSchedulePeriod.map(\.limit) == [30_000])
        #expect(
            harness.deliver(ClearChargingProfileRequest(connectorId: 1, chargingProfilePurpose: .txDefaultProfile))?
                .status == .accepted)
        harness.advance(by: .seconds(60))
        // The EV's own DC maximum (100 kW) now, well above the cap.
        let power = harness.csms.requests(MeterValuesRequest.self).last?.meterValue.flatMap(\.sampledValue)
            .first { $0.measurand == .powerActiveImport }.flatMap { Double($0.value) }
        #expect(try #require(power) > 60_000)
        #expect(harness.csms.schemaViolations.isEmpty)
    }
}
