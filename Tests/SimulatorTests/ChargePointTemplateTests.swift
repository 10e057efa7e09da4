import OCPP16
import Simulator
import TestSupport
import Testing

/// Chargers built from one ``ChargePointTemplate`` share its configuration and call handlers
/// (issue 11, memory per idle charger) and still behave as chargers of their own.
@Suite struct ChargePointTemplateTests {
    static func booted(_ template: ChargePointTemplate, index: Int) -> ChargePointHarness {
        let charger = ChargePoint(
            template: template, chargePointId: "CP-\(index)", index: index,
            random: SeededRandomNumberGenerator(seed: UInt64(index)), now: ChargePointFixtures.start)
        var harness = ChargePointHarness(charger: charger, now: ChargePointFixtures.start)
        harness.connect()
        return harness
    }

    @Test func aChangedKeyBelongsToOneChargerOfTheTemplate() {
        let template = ChargePointTemplate(profile: ChargePointFixtures.profile(["HeartbeatInterval": "300"]))
        var first = Self.booted(template, index: 1)
        var second = Self.booted(template, index: 2)
        #expect(first.deliver(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "20"))?.status == .accepted)
        #expect(first.deliver(ChangeConfigurationRequest(key: "ConnectionTimeOut", value: "45"))?.status == .accepted)
        #expect(first.charger.configurationValue("HeartbeatInterval") == "20")
        #expect(first.charger.configurationValue("connectiontimeout") == "45")
        #expect(second.charger.configurationValue("HeartbeatInterval") == "300")
        let answer = second.deliver(GetConfigurationRequest(key: ["HeartbeatInterval", "ConnectionTimeOut"]))
        #expect(answer?.configurationKey?.map(\.value?.value) == ["300", "60"])
        // The changed charger's heartbeats follow its own interval, the other's the profile's.
        let before = (
            first.csms.requests(HeartbeatRequest.self).count, second.csms.requests(HeartbeatRequest.self).count
        )
        first.advance(by: .seconds(61))
        second.advance(by: .seconds(61))
        #expect(first.csms.requests(HeartbeatRequest.self).count - before.0 >= 2)
        #expect(second.csms.requests(HeartbeatRequest.self).count - before.1 == 0)
        // Calls of the template's feature profiles are answered by each charger on its own state.
        #expect(second.deliver(GetLocalListVersionRequest())?.listVersion == 0)
    }

    @Test func theSnapshotKeepsOnlyValuesThatDifferFromTheProfile() {
        let template = ChargePointTemplate(profile: ChargePointFixtures.profile())
        var harness = Self.booted(template, index: 3)
        #expect(harness.deliver(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "20"))?.status == .accepted)
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "5"))?.status
                == .accepted)
        // Set back to the profile's value (60): no longer an override of its own.
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "60"))?.status
                == .accepted)
        let snapshot = harness.charger.snapshot
        #expect(snapshot.configurationOverrides == ["HeartbeatInterval": "20"])
        let restored = ChargePoint(
            template: template, chargePointId: "CP-3", index: 3, random: SeededRandomNumberGenerator(seed: 3),
            resumingFrom: snapshot, now: ChargePointFixtures.start)
        #expect(restored.configurationValue("HeartbeatInterval") == "20")
        #expect(restored.configuration.values == harness.charger.configuration.values)
        #expect(restored.configuration == harness.charger.configuration)
    }
}
