import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointBootTests {
    typealias F = ChargePointFixtures

    @Test func acceptedBootReportsEveryConnectorAndStartsHeartbeats() throws {
        var harness = F.booted()
        let boot = try #require(harness.csms.requests(BootNotificationRequest.self).first)
        #expect(boot.chargePointVendor.value == "Ampvia")
        #expect(boot.chargePointModel.value == "CityPost Duo 22")
        #expect(boot.chargePointSerialNumber?.value == "CPD-00007")
        #expect(boot.iccid?.value == "8944500102000000007")
        #expect(boot.firmwareVersion?.value == "5.12.3")
        #expect(
            harness.actions == ["BootNotification", "StatusNotification", "StatusNotification", "StatusNotification"])
        #expect(harness.statuses(0) == [.available])
        #expect(harness.statuses(1) == [.available])
        #expect(harness.statuses(2) == [.available])
        #expect(harness.charger.configurationValue("HeartbeatInterval") == "300")
        harness.advance(by: .seconds(299))
        #expect(harness.csms.calls("Heartbeat").isEmpty)
        harness.advance(by: .seconds(1))
        #expect(harness.csms.calls("Heartbeat").count == 1)
        harness.advance(by: .seconds(600))
        #expect(harness.csms.calls("Heartbeat").count == 3)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func bootIntervalBecomesTheHeartbeatInterval() {
        var harness = ChargePointHarness(charger: F.charger(), now: F.start)
        harness.csms.bootInterval = 60
        harness.connect()
        #expect(harness.charger.configurationValue("HeartbeatInterval") == "60")
        harness.advance(by: .seconds(120))
        #expect(harness.csms.calls("Heartbeat").count == 2)
    }

    @Test func nothingIsSentBeforeTheConnectionOpens() {
        var charger = F.charger()
        #expect(charger.nextDeadline == nil)
        #expect(charger.plugIn(connectorId: 1, ev: F.hatchback, now: F.start + .seconds(1)).isEmpty)
    }

    @Test func pendingIsRetriedAfterTheIntervalAndSendsNothingElse() {
        var harness = ChargePointHarness(charger: F.charger(), now: F.start)
        harness.csms.bootAnswers = [.pending, .pending, .accepted]
        harness.csms.bootInterval = 30
        harness.connect()
        #expect(harness.actions == ["BootNotification"])
        #expect(harness.charger.nextDeadline == F.start + .seconds(30))
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.advance(by: .seconds(29))
        #expect(harness.actions == ["BootNotification"])
        harness.advance(by: .seconds(1))
        #expect(harness.actions == ["BootNotification", "BootNotification"])
        harness.advance(by: .seconds(30))
        #expect(harness.charger.isAccepted)
        #expect(harness.actions.prefix(3) == ["BootNotification", "BootNotification", "BootNotification"])
        #expect(harness.statuses(1) == [.preparing])
    }

    @Test func rejectedWithIntervalZeroWaitsTheDefault() {
        var harness = ChargePointHarness(charger: F.charger(), now: F.start)
        harness.csms.bootAnswers = [.rejected, .accepted]
        harness.csms.bootInterval = 0
        harness.connect()
        #expect(harness.charger.nextDeadline == F.start + .seconds(60))
        harness.advance(by: .seconds(60))
        #expect(harness.charger.isAccepted)
        #expect(harness.csms.calls("BootNotification").count == 2)
    }

    @Test func whilePendingTheCentralSystemMayConfigureAndTrigger() throws {
        var harness = ChargePointHarness(charger: F.charger(), now: F.start)
        harness.csms.bootAnswers = [.pending]
        harness.connect()
        let answer = harness.deliver(GetConfigurationRequest(key: ["HeartbeatInterval"]))
        let configuration = try #require(answer)
        #expect(configuration.configurationKey?.first?.value?.value == "300")
        let trigger = harness.deliver(TriggerMessageRequest(requestedMessage: .statusNotification, connectorId: 1))
        #expect(trigger?.status == .accepted)
        #expect(harness.actions == ["BootNotification", "StatusNotification"])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func bootTimeoutIsRetried() {
        var harness = ChargePointHarness(charger: F.charger(), now: F.start)
        var first = true
        harness.csms.script["BootNotification"] = { _ in
            defer { first = false }
            return first
                ? .silence
                : .answer(
                    CallAnswer(
                        response: BootNotificationResponse(status: .accepted, currentTime: F.start, interval: 300)))
        }
        harness.connect()
        harness.advance(by: .seconds(30))
        #expect(!harness.charger.isAccepted)
        harness.advance(by: .seconds(60))
        #expect(harness.charger.isAccepted)
    }
}
