import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointOperationsTests {
    typealias F = ChargePointFixtures

    /// A harness with a transaction running on connector 1.
    private func charging(_ configuration: [String: String] = [:]) -> ChargePointHarness {
        var harness = F.booted(configuration)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(120))
        return harness
    }

    @Test func changeAvailabilityOfAConnector() {
        var harness = F.booted()
        #expect(harness.deliver(ChangeAvailabilityRequest(connectorId: 2, type: .inoperative))?.status == .accepted)
        #expect(harness.statuses(2) == [.available, .unavailable])
        harness.act { $0.presentIdTag("RFID-1", connectorId: 2, now: $1) }
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 2, idTag: "A"))?.status == .rejected)
        #expect(harness.deliver(ChangeAvailabilityRequest(connectorId: 2, type: .operative))?.status == .accepted)
        #expect(harness.statuses(2) == [.available, .unavailable, .available])
        #expect(harness.deliver(ChangeAvailabilityRequest(connectorId: 3, type: .operative))?.status == .rejected)
    }

    @Test func changeAvailabilityIsScheduledDuringATransaction() {
        var harness = charging()
        #expect(harness.deliver(ChangeAvailabilityRequest(connectorId: 0, type: .inoperative))?.status == .scheduled)
        #expect(harness.statuses(2).last == .unavailable)
        #expect(harness.statuses(1).last == .charging)
        #expect(harness.statuses(0) == [.available])
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        // §5.2: the scheduled change applies as soon as the transaction has ended, cable in or not.
        #expect(harness.statuses(1).suffix(2) == [.charging, .unavailable])
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        #expect(harness.statuses(1).last == .unavailable)
        #expect(harness.statuses(0).last == .unavailable)
        #expect(harness.charger.snapshot.inoperativeConnectors == [0, 1, 2])
    }

    @Test func softResetStopsTransactionsAndBootsAgain() throws {
        var harness = charging()
        #expect(harness.deliver(ResetRequest(type: .soft))?.status == .accepted)
        // §5.14: the StopTransaction goes out and is confirmed before the reboot.
        #expect(harness.reboots == [.soft])
        #expect(!harness.isConnected)
        #expect(harness.csms.calls("StopTransaction").count == 1)
        #expect(harness.disk.isEmpty)
        harness.advance(by: .seconds(5))
        harness.connect()
        let afterReset = harness.actions.suffix(5)
        #expect(
            Array(afterReset) == [
                "StopTransaction", "BootNotification", "StatusNotification", "StatusNotification", "StatusNotification",
            ])
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .softReset)
        #expect(stop.transactionId == 1000)
        #expect(harness.csms.calls("BootNotification").count == 2)
        #expect(harness.disk.isEmpty)
        #expect(harness.statuses(1).last == .finishing)
    }

    @Test func resetWaitsForTheStopTransactionAnswerAtMostTheTimeout() throws {
        var harness = charging()
        harness.csms.script["StopTransaction"] = { _ in .silence }
        harness.deliver(ResetRequest(type: .hard))
        #expect(harness.csms.calls("StopTransaction").count == 1)
        #expect(harness.reboots.isEmpty)
        // No new session while the reset is under way.
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-2", connectorId: 2, now: $1) }
        #expect(!harness.charger.hasTransaction(onConnector: 2))
        harness.advance(by: .seconds(9))
        #expect(harness.reboots.isEmpty)
        harness.advance(by: .seconds(1))
        #expect(harness.reboots == [.hard])
        // Unconfirmed, it stays queued and goes out again after the boot.
        #expect(harness.disk.count == 1)
        harness.csms.script["StopTransaction"] = nil
        harness.connect()
        #expect(harness.csms.requests(StopTransactionRequest.self).map(\.reason) == [.hardReset, .hardReset])
        #expect(harness.disk.isEmpty)
    }

    @Test func hardResetReason() throws {
        var harness = charging()
        harness.deliver(ResetRequest(type: .hard))
        harness.connect()
        #expect(harness.reboots == [.hard])
        #expect(harness.csms.requests(StopTransactionRequest.self).first?.reason == .hardReset)
    }

    /// §9.1 UnlockConnectorOnEVSideDisconnect: true (the default) releases the cable when the EV
    /// unplugs; false keeps it locked in the socket (Finishing) until UnlockConnector.
    @Test(arguments: [true, false])
    func unlockConnectorOnEVSideDisconnect(_ unlocks: Bool) {
        var harness = charging(["UnlockConnectorOnEVSideDisconnect": unlocks ? "true" : "false"])
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        #expect(harness.csms.requests(StopTransactionRequest.self).first?.reason == .evDisconnected)
        harness.advance(by: .seconds(5))
        if unlocks {
            #expect(harness.statuses(1).last == .available)
        } else {
            #expect(harness.statuses(1).last == .finishing)
            #expect(harness.deliver(UnlockConnectorRequest(connectorId: 1))?.status == .unlocked)
            harness.advance(by: .seconds(5))
            #expect(harness.statuses(1).last == .available)
        }
    }

    @Test func unlockConnector() throws {
        var harness = charging()
        #expect(harness.deliver(UnlockConnectorRequest(connectorId: 1))?.status == .unlocked)
        #expect(harness.csms.requests(StopTransactionRequest.self).first?.reason == .unlockCommand)
        #expect(harness.deliver(UnlockConnectorRequest(connectorId: 0))?.status == .notSupported)
        #expect(harness.deliver(UnlockConnectorRequest(connectorId: 7))?.status == .notSupported)
        harness.act { $0.setFault(connectorId: 2, errorCode: .connectorLockFailure, now: $1) }
        #expect(harness.deliver(UnlockConnectorRequest(connectorId: 2))?.status == .unlockFailed)
    }

    @Test func dataTransferAndClearCache() {
        var harness = F.booted()
        #expect(harness.deliver(DataTransferRequest(vendorId: "com.ampvia", messageId: "ping"))?.status == .accepted)
        #expect(harness.deliver(DataTransferRequest(vendorId: "org.other"))?.status == .unknownVendorId)
        #expect(harness.deliver(ClearCacheRequest())?.status == .accepted)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func triggerMessageEveryTrigger() throws {
        var harness = charging()
        let before = harness.csms.calls.count
        for trigger in MessageTrigger.allCases {
            #expect(
                harness.deliver(TriggerMessageRequest(requestedMessage: trigger, connectorId: 1))?.status == .accepted)
        }
        let triggered = harness.csms.calls.dropFirst(before).map(\.action)
        #expect(
            triggered == [
                "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
                "MeterValues", "StatusNotification",
            ])
        let meterValues = try #require(harness.csms.requests(MeterValuesRequest.self).last)
        #expect(meterValues.transactionId == 1000)
        #expect(meterValues.meterValue.first?.sampledValue.first?.context == .trigger)
        #expect(harness.csms.requests(StatusNotificationRequest.self).last?.status == .charging)
        #expect(
            harness.deliver(TriggerMessageRequest(requestedMessage: .heartbeat, connectorId: 5))?.status == .rejected)
        #expect(harness.charger.isAccepted)
        #expect(harness.csms.schemaViolations.isEmpty)
        #expect(harness.shellViolations.isEmpty)
    }

    @Test func triggerWithoutFirmwareManagementIsNotImplemented() {
        var profile = F.profile()
        profile.featureProfiles = [.core, .remoteTrigger]
        var harness = ChargePointHarness(
            charger: ChargePoint(
                profile: profile, chargePointId: "CP-1", index: 1, random: SeededRandomNumberGenerator(seed: 3),
                now: F.start),
            now: F.start)
        harness.connect()
        let answer = harness.deliver(TriggerMessageRequest(requestedMessage: .firmwareStatusNotification))
        #expect(answer?.status == .notImplemented)
        // Reservation is not among its feature profiles: the action is not supported at all.
        let reserve = harness.deliverRaw(
            ReserveNowRequest(connectorId: 1, expiryDate: F.start + .seconds(60), idTag: "A", reservationId: 1))
        guard case .error(let error)? = reserve else {
            Issue.record("expected a CALLERROR, got \(String(describing: reserve))")
            return
        }
        #expect(error.code == .notSupported)
    }

    @Test func localListVersions() {
        var harness = F.booted()
        #expect(harness.deliver(GetLocalListVersionRequest())?.listVersion == 0)
        let full = SendLocalListRequest(
            listVersion: 3,
            localAuthorizationList: [AuthorizationData(idTag: "CARD-X", idTagInfo: IdTagInfo(status: .accepted))],
            updateType: .full)
        #expect(harness.deliver(full)?.status == .accepted)
        #expect(harness.deliver(GetLocalListVersionRequest())?.listVersion == 3)
        let stale = SendLocalListRequest(listVersion: 2, localAuthorizationList: [], updateType: .differential)
        #expect(harness.deliver(stale)?.status == .versionMismatch)
    }

    @Test func reservationsReserveExpireAndStart() throws {
        var harness = F.booted()
        let reserve = ReserveNowRequest(
            connectorId: 2, expiryDate: F.start + .seconds(600), idTag: "GUEST", reservationId: 9)
        #expect(harness.deliver(reserve)?.status == .accepted)
        #expect(harness.statuses(2).last == .reserved)
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 2, idTag: "OTHER"))?.status == .rejected)
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("GUEST", connectorId: 2, now: $1) }
        let start = try #require(harness.csms.requests(StartTransactionRequest.self).first)
        #expect(start.reservationId == 9)

        let zero = ReserveNowRequest(connectorId: 0, expiryDate: F.start + .seconds(600), idTag: "G", reservationId: 10)
        #expect(harness.deliver(zero)?.status == .rejected)
        let later = ReserveNowRequest(connectorId: 1, expiryDate: F.start + .seconds(60), idTag: "G", reservationId: 11)
        #expect(harness.deliver(later)?.status == .accepted)
        #expect(harness.deliver(CancelReservationRequest(reservationId: 12))?.status == .rejected)
        harness.advance(by: .seconds(60))
        #expect(harness.statuses(1).suffix(2) == [.reserved, .available])
        #expect(harness.deliver(CancelReservationRequest(reservationId: 11))?.status == .rejected)
    }

    @Test func unknownActionIsNotImplemented() {
        var harness = F.booted()
        harness.apply(harness.charger.received(text: #"[2,"x1","FlyToTheMoon",{}]"#, now: harness.now))
        guard case .error(let error)? = harness.csms.answers["x1"] else {
            Issue.record("no CALLERROR")
            return
        }
        #expect(error.code == .notImplemented)
    }
}
