import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointConfigurationTests {
    typealias F = ChargePointFixtures

    @Test func getConfigurationAllListedAndUnknown() throws {
        var harness = F.booted()
        let all = harness.deliver(GetConfigurationRequest())
        let keys = try #require(all?.configurationKey).map(\.key.value)
        #expect(keys.contains("HeartbeatInterval"))
        #expect(keys.contains("NumberOfConnectors"))
        #expect(all?.configurationKey?.first { $0.key.value == "NumberOfConnectors" }?.readonly == true)
        #expect(all?.configurationKey?.first { $0.key.value == "NumberOfConnectors" }?.value?.value == "2")
        let listed = harness.deliver(GetConfigurationRequest(key: ["MeterValueSampleInterval", "NoSuchKey"]))
        #expect(listed?.configurationKey?.map(\.key.value) == ["MeterValueSampleInterval"])
        #expect(listed?.unknownKey?.map(\.value) == ["NoSuchKey"])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func changeConfigurationAnswers() {
        var harness = F.booted()
        #expect(harness.deliver(ChangeConfigurationRequest(key: "ConnectionTimeOut", value: "30"))?.status == .accepted)
        #expect(harness.charger.configurationValue("ConnectionTimeOut") == "30")
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "ConnectionTimeOut", value: "soon"))?.status == .rejected)
        #expect(harness.deliver(ChangeConfigurationRequest(key: "NumberOfConnectors", value: "4"))?.status == .rejected)
        #expect(harness.deliver(ChangeConfigurationRequest(key: "Colour", value: "red"))?.status == .notSupported)
        #expect(harness.charger.snapshot.configurationOverrides == ["ConnectionTimeOut": "30"])
    }

    @Test func heartbeatIntervalChangesLive() {
        var harness = F.booted()
        harness.advance(by: .seconds(100))
        harness.deliver(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "20"))
        harness.advance(by: .seconds(60))
        #expect(harness.csms.calls("Heartbeat").count == 3)
    }

    @Test func sampleIntervalChangesLive() {
        var harness = F.booted()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(60))
        #expect(harness.csms.calls("MeterValues").count == 1)
        harness.deliver(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "10"))
        harness.advance(by: .seconds(60))
        #expect(harness.csms.calls("MeterValues").count == 7)
        harness.deliver(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "0"))
        harness.advance(by: .seconds(600))
        #expect(harness.csms.calls("MeterValues").count == 7)
    }

    @Test func clockAlignedValuesComeOnTheClock() throws {
        var harness = F.booted(["ClockAlignedDataInterval": "900", "MeterValueSampleInterval": "0"])
        harness.advance(by: .seconds(60))
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(900))
        let values = harness.csms.requests(MeterValuesRequest.self)
        // 10:15 on both connectors, the one charging with its transaction.
        #expect(values.count == 2)
        let charging = try #require(values.first { $0.connectorId == 1 })
        #expect(charging.transactionId == 1000)
        #expect(charging.meterValue.first?.timestamp == F.start + .seconds(900))
        #expect(charging.meterValue.first?.sampledValue.first?.context == .sampleClock)
        #expect(values.first { $0.connectorId == 2 }?.transactionId == nil)
    }

    @Test func connectionKeysAreHandedToTheShell() {
        var harness = F.booted()
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "WebSocketPingInterval", value: "15"))?.status == .accepted)
        #expect(harness.connectionChanges == [.webSocketPingInterval(.seconds(15))])
        #expect(harness.charger.configuration.webSocketPingInterval == .seconds(15))
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        var harness = F.booted()
        harness.deliver(
            SendLocalListRequest(
                listVersion: 4,
                localAuthorizationList: [AuthorizationData(idTag: "CARD-X", idTagInfo: IdTagInfo(status: .accepted))],
                updateType: .full))
        harness.deliver(
            ReserveNowRequest(connectorId: 2, expiryDate: F.start + .seconds(900), idTag: "GUEST", reservationId: 3))
        harness.deliver(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "30"))
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("CARD-X", connectorId: 1, now: $1) }
        harness.disconnect()
        harness.advance(by: .seconds(95))
        let snapshot = harness.charger.snapshot
        let decoded = try JSONDecoder().decode(ChargePointSnapshot.self, from: JSONEncoder().encode(snapshot))
        #expect(decoded == snapshot)
        #expect(decoded.configurationOverrides == ["MeterValueSampleInterval": "30"])
        #expect(decoded.queuedMessages.map(\.action) == ["MeterValues", "MeterValues", "MeterValues"])
        let resumed = F.charger(resumingFrom: decoded, now: harness.now)
        #expect(resumed.connectorStatuses[2] == .reserved)
        #expect(resumed.configurationValue("MeterValueSampleInterval") == "30")
        #expect(resumed.hasTransaction(onConnector: 1))
    }
}
