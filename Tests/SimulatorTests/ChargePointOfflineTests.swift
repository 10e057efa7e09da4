import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointOfflineTests {
    typealias F = ChargePointFixtures

    private func charging(_ configuration: [String: String] = [:]) -> ChargePointHarness {
        var harness = F.booted(configuration)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        return harness
    }

    @Test func offlinePeriodMidTransactionLosesAndDuplicatesNothing() throws {
        var harness = charging()
        harness.advance(by: .seconds(150))
        #expect(harness.csms.calls("MeterValues").count == 2)
        harness.disconnect()
        harness.advance(by: .seconds(600))
        #expect(harness.csms.calls("MeterValues").count == 2)
        // Ten samples taken offline wait on disk.
        #expect(harness.disk.count == 10)
        #expect(harness.charger.queuedTransactionMessages.count == 10)
        harness.connect()
        #expect(harness.csms.calls("BootNotification").count == 1)
        #expect(harness.disk.isEmpty)
        harness.advance(by: .seconds(100))
        harness.deliver(RemoteStopTransactionRequest(transactionId: 1000))

        let samples = harness.csms.requests(MeterValuesRequest.self)
        let times = samples.compactMap { $0.meterValue.first?.timestamp }
        let expected = (1...14).map { F.start + .seconds(60 * $0) }
        #expect(times == expected)
        #expect(samples.allSatisfy { $0.transactionId == 1000 })
        let energy = harness.energyReadings
        #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 < $1 })
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.meterStop >= energy.last ?? 0)
        #expect(harness.csms.calls("StartTransaction").count == 1)
        #expect(harness.csms.calls("StopTransaction").count == 1)
        #expect(harness.shellViolations.isEmpty)
        #expect(harness.csms.schemaViolations.isEmpty)
        #expect(harness.disk.isEmpty)
    }

    @Test func queuedMessagesGoOutInOrderBeforeNewOnes() {
        var harness = charging()
        harness.disconnect()
        harness.advance(by: .seconds(180))
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        let before = harness.csms.calls.count
        harness.connect()
        let sent = harness.csms.calls.dropFirst(before).map(\.action)
        #expect(sent == ["MeterValues", "MeterValues", "MeterValues", "StopTransaction", "StatusNotification"])
        // Only the latest status of connector 1 (Charging → Finishing → Available happened offline).
        #expect(harness.statuses(1) == [.available, .preparing, .charging, .available])
    }

    @Test func offlineStartGetsItsIdWhenTheAnswerArrives() throws {
        var harness = F.booted(["AllowOfflineTxForUnknownId": "true"])
        harness.disconnect()
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("WALK-IN", connectorId: 2, now: $1) }
        #expect(harness.charger.hasTransaction(onConnector: 2))
        harness.advance(by: .seconds(125))
        harness.act { $0.pressStop(connectorId: 2, now: $1) }
        let queued = harness.charger.queuedTransactionMessages
        #expect(queued.map(\.action) == ["StartTransaction", "MeterValues", "MeterValues", "StopTransaction"])
        #expect(queued.dropFirst().allSatisfy { $0.payload.contains("\"transactionId\":-1") })
        harness.csms.nextTransactionId = 555
        harness.connect()
        #expect(harness.csms.requests(MeterValuesRequest.self).map(\.transactionId) == [555, 555])
        #expect(harness.csms.requests(StopTransactionRequest.self).map(\.transactionId) == [555])
        #expect(harness.disk.isEmpty)
        #expect(harness.shellViolations.isEmpty)
    }

    @Test func offlineAuthorizationUsesTheCache() {
        var harness = F.booted()
        harness.act { $0.presentIdTag("KNOWN", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(61))
        harness.disconnect()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("STRANGER", connectorId: 1, now: $1) }
        #expect(!harness.charger.hasTransaction(onConnector: 1))
        harness.act { $0.presentIdTag("KNOWN", connectorId: 1, now: $1) }
        #expect(harness.charger.hasTransaction(onConnector: 1))
    }

    @Test func transactionMessagesAreRetriedAfterErrors() throws {
        var harness = F.booted()
        var failures = 2
        harness.csms.script["StartTransaction"] = { _ in
            guard failures > 0 else {
                return .answer(
                    CallAnswer(
                        response: StartTransactionResponse(idTagInfo: IdTagInfo(status: .accepted), transactionId: 9)))
            }
            failures -= 1
            return .answer(.error(CallError(.internalError, "database busy")))
        }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        #expect(harness.csms.calls("StartTransaction").count == 1)
        harness.advance(by: .seconds(9))
        #expect(harness.csms.calls("StartTransaction").count == 1)
        harness.advance(by: .seconds(1))
        #expect(harness.csms.calls("StartTransaction").count == 2)
        // The second retry waits twice the interval.
        harness.advance(by: .seconds(19))
        #expect(harness.csms.calls("StartTransaction").count == 2)
        harness.advance(by: .seconds(1))
        #expect(harness.csms.calls("StartTransaction").count == 3)
        #expect(harness.charger.transactionId(onConnector: 1) == 9)
        #expect(harness.disk.isEmpty)
    }

    @Test func aMessageIsGivenUpAfterTransactionMessageAttempts() {
        var harness = F.booted(["TransactionMessageAttempts": "2"])
        harness.csms.script["StartTransaction"] = { _ in .answer(.error(CallError(.internalError, "no"))) }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(10))
        #expect(harness.csms.calls("StartTransaction").count == 2)
        #expect(harness.charger.queuedTransactionMessages.isEmpty)
        #expect(harness.disk.isEmpty)
        harness.advance(by: .seconds(600))
        #expect(harness.csms.calls("StartTransaction").count == 2)
    }

    @Test func aTimedOutMessageIsSentAgain() {
        var harness = F.booted()
        var silent = true
        harness.csms.script["StartTransaction"] = { _ in
            defer { silent = false }
            return silent
                ? .silence
                : .answer(
                    CallAnswer(
                        response: StartTransactionResponse(idTagInfo: IdTagInfo(status: .accepted), transactionId: 5)))
        }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(45))
        #expect(harness.csms.calls("StartTransaction").count == 2)
        #expect(harness.charger.transactionId(onConnector: 1) == 5)
    }

    @Test func aRestartedChargerResumesFromItsSnapshot() throws {
        var harness = charging()
        harness.advance(by: .seconds(60))
        harness.disconnect()
        harness.advance(by: .seconds(120))
        let snapshot = harness.charger.snapshot
        #expect(snapshot.transactions.map(\.transactionId) == [1000])
        #expect(snapshot.queuedMessages.count == 2)
        let disk = harness.disk
        #expect(disk.keys.sorted() == snapshot.queuedMessages.map(\.id))

        // The process dies; a new one starts from what was persisted.
        var restarted = ChargePointHarness(
            charger: F.charger(resumingFrom: snapshot, now: harness.now), now: harness.now)
        restarted.csms.nextTransactionId = 2000
        restarted.connect()
        #expect(restarted.actions.prefix(3) == ["BootNotification", "MeterValues", "MeterValues"])
        #expect(restarted.csms.requests(MeterValuesRequest.self).allSatisfy { $0.transactionId == 1000 })
        #expect(restarted.statuses(1) == [.charging])
        restarted.advance(by: .seconds(60))
        #expect(restarted.csms.requests(MeterValuesRequest.self).count == 3)
        restarted.deliver(RemoteStopTransactionRequest(transactionId: 1000))
        let stop = try #require(restarted.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.meterStop > snapshot.transactions[0].meterStart)
        #expect(restarted.csms.calls("StartTransaction").isEmpty)
    }

    @Test func localPreAuthorizeSkipsAuthorizeForListedTags() {
        var harness = F.booted(["LocalPreAuthorize": "true"])
        let list = SendLocalListRequest(
            listVersion: 1,
            localAuthorizationList: [
                AuthorizationData(idTag: "LISTED", idTagInfo: IdTagInfo(status: .accepted)),
                AuthorizationData(idTag: "BLOCKED", idTagInfo: IdTagInfo(status: .blocked)),
            ],
            updateType: .full)
        harness.deliver(list)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("LISTED", connectorId: 1, now: $1) }
        #expect(harness.csms.calls("Authorize").isEmpty)
        #expect(harness.charger.hasTransaction(onConnector: 1))
        harness.disconnect()
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("BLOCKED", connectorId: 2, now: $1) }
        #expect(!harness.charger.hasTransaction(onConnector: 2))
    }

    @Test func resumedTransactionsCanBeStoppedAsPowerLoss() throws {
        var harness = charging()
        harness.advance(by: .seconds(30))
        let snapshot = harness.charger.snapshot
        var restarted = ChargePointHarness(
            charger: F.charger(resumingFrom: snapshot, now: harness.now + .seconds(5)), now: harness.now + .seconds(5))
        restarted.act { $0.stopAllTransactions(reason: .powerLoss, now: $1) }
        restarted.connect()
        let stop = try #require(restarted.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .powerLoss)
        #expect(stop.transactionId == 1000)
        #expect(stop.meterStop >= snapshot.transactions[0].meterStart)
        #expect(restarted.statuses(1) == [.finishing])
    }

    @Test func aSilentCentralSystemCannotGrowTheOutgoingQueueWithoutBound() {
        var harness = F.booted()
        harness.csms.script["Heartbeat"] = { _ in .silence }
        harness.deliver(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "1"))
        harness.advance(by: .seconds(3600))
        let silentPeriod = harness.csms.calls("Heartbeat").count
        // One heartbeat every 30 s (each waits for its timeout) while 3600 were due.
        #expect((110...130).contains(silentPeriod))
        harness.csms.script["Heartbeat"] = nil
        harness.deliver(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "3600"))
        harness.advance(by: .seconds(60))
        // What waited was bounded: at most 256 more heartbeats go out once answers come.
        #expect(harness.csms.calls("Heartbeat").count - silentPeriod <= 257)
        #expect(harness.csms.calls("Heartbeat").count - silentPeriod > 200)
    }
}
