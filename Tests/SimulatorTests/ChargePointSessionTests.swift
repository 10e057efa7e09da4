import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointSessionTests {
    typealias F = ChargePointFixtures

    @Test func localStartPlugThenTag() throws {
        var harness = F.booted()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        #expect(harness.statuses(1) == [.available, .preparing])
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        #expect(harness.actions.suffix(3) == ["Authorize", "StartTransaction", "StatusNotification"])
        let start = try #require(harness.csms.requests(StartTransactionRequest.self).first)
        #expect(start.connectorId == 1)
        #expect(start.idTag.value == "RFID-1")
        #expect(start.meterStart == 0)
        #expect(harness.statuses(1) == [.available, .preparing, .charging])
        #expect(harness.charger.transactionId(onConnector: 1) == 1000)
        #expect(harness.disk.isEmpty)
    }

    @Test func tagThenPlugAndTheConnectionTimeout() {
        var harness = F.booted()
        harness.act { $0.presentIdTag("RFID-1", connectorId: 2, now: $1) }
        #expect(harness.statuses(2) == [.available, .preparing])
        harness.advance(by: .seconds(59))
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        #expect(harness.statuses(2) == [.available, .preparing, .charging])

        harness.act { $0.presentIdTag("RFID-2", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(60))
        #expect(harness.statuses(1) == [.available, .preparing, .available])
        #expect(harness.csms.calls("StartTransaction").count == 1)
    }

    @Test func remoteStartMeterValuesRemoteStop() throws {
        var harness = F.booted()
        let accepted = harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "APP-USER"))
        #expect(accepted?.status == .accepted)
        #expect(harness.statuses(1) == [.available, .preparing])
        harness.advance(by: .seconds(5))  // the simulated EV plugs in
        let start = try #require(harness.csms.requests(StartTransactionRequest.self).first)
        #expect(harness.statuses(1) == [.available, .preparing, .charging])
        harness.advance(by: .seconds(600))
        let meterValues = harness.csms.requests(MeterValuesRequest.self)
        #expect(meterValues.count == 10)
        #expect(meterValues.allSatisfy { $0.transactionId == 1000 && $0.connectorId == 1 })
        let energy = harness.energyReadings
        #expect(energy.count == 10)
        #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 < $1 })
        let sample = try #require(meterValues.first?.meterValue.first)
        #expect(sample.sampledValue.contains { $0.measurand == .currentImport && $0.phase == .l2 && $0.unit == .a })
        #expect(sample.sampledValue.contains { $0.measurand == .voltage && $0.phase == .l1N && $0.unit == .v })
        #expect(sample.sampledValue.allSatisfy { $0.context == .samplePeriodic })

        let stopped = harness.deliver(RemoteStopTransactionRequest(transactionId: 1000))
        #expect(stopped?.status == .accepted)
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.transactionId == 1000)
        #expect(stop.reason == .remote)
        #expect(stop.meterStop >= start.meterStart)
        #expect(stop.meterStop >= energy.last ?? 0)
        // 11 kW for 10 minutes is about 1833 Wh.
        #expect((1800...1870).contains(stop.meterStop))
        #expect(stop.transactionData?.last?.sampledValue.first?.context == .transactionEnd)
        #expect(harness.statuses(1).suffix(1) == [.finishing])
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        #expect(harness.statuses(1).suffix(2) == [.finishing, .available])
        #expect(harness.csms.schemaViolations.isEmpty)
        #expect(harness.shellViolations.isEmpty)
        #expect(harness.disk.isEmpty)
    }

    @Test func periodicSamplesKeepTheirIntervalWhenTheTimerFiresLate() throws {
        var harness = F.booted(["MeterValueSampleInterval": "10"])
        _ = harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "APP-USER"))
        harness.advance(by: .seconds(5))  // the simulated EV plugs in
        let start = try #require(harness.csms.requests(StartTransactionRequest.self).first)
        // Every timer 250 ms late, as under a fleet's timer slack: the samples stay on the
        // 10 s grid from the start, each at most 250 ms behind it (97 if each late firing had
        // pushed the next one back).
        harness.advance(by: .milliseconds(1_000_500), firingLate: .milliseconds(250))
        let samples = harness.csms.requests(MeterValuesRequest.self).flatMap(\.meterValue)
        #expect(samples.count == 100)
        let offsets = samples.map {
            ($0.timestamp.millisecondsSince1970 - start.timestamp.millisecondsSince1970) % 10_000
        }
        #expect(offsets.allSatisfy { (0...250).contains($0) })
    }

    @Test func authorizeRemoteTxRequestsAuthorizesFirst() {
        var harness = F.booted(["AuthorizeRemoteTxRequests": "true"])
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.deliver(RemoteStartTransactionRequest(idTag: "APP-USER"))
        #expect(harness.actions.suffix(3) == ["Authorize", "StartTransaction", "StatusNotification"])

        harness.csms.tagStatuses["BLOCKED"] = .blocked
        let answer = harness.deliver(RemoteStartTransactionRequest(connectorId: 2, idTag: "BLOCKED"))
        #expect(answer?.status == .accepted)
        harness.advance(by: .seconds(10))
        #expect(harness.csms.calls("StartTransaction").count == 1)
    }

    @Test func remoteStartIsRejectedOnABusyOrFaultedConnector() {
        var harness = F.booted()
        harness.act { $0.setFault(connectorId: 2, errorCode: .highTemperature, now: $1) }
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 2, idTag: "A"))?.status == .rejected)
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "A"))?.status == .accepted)
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "B"))?.status == .rejected)
        #expect(harness.deliver(RemoteStartTransactionRequest(connectorId: 9, idTag: "B"))?.status == .rejected)
        #expect(harness.deliver(RemoteStopTransactionRequest(transactionId: 4242))?.status == .rejected)
    }

    @Test func remoteStartTimesOutWithoutAnEV() {
        var harness = F.booted()
        var profile = F.profile()
        profile.behaviour.autoPlugDelaySeconds = 3600
        harness = ChargePointHarness(
            charger: ChargePoint(
                profile: profile, chargePointId: "CP-7", index: 7, random: SeededRandomNumberGenerator(seed: 1),
                now: F.start),
            now: F.start)
        harness.connect()
        harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "APP-USER"))
        harness.advance(by: .seconds(60))
        #expect(harness.statuses(1) == [.available, .preparing, .available])
        #expect(harness.csms.calls("StartTransaction").isEmpty)
    }

    @Test func invalidTagStopsWithDeAuthorized() throws {
        var harness = F.booted()
        harness.csms.script["StartTransaction"] = { _ in
            .answer(
                CallAnswer(
                    response: StartTransactionResponse(idTagInfo: IdTagInfo(status: .concurrentTx), transactionId: 77)))
        }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "TWICE"))
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.transactionId == 77)
        #expect(stop.reason == .deAuthorized)
        #expect(harness.statuses(1).last == .finishing)
    }

    @Test func invalidTagSuspendsWhenStopTransactionOnInvalidIdIsFalse() {
        var harness = F.booted(["StopTransactionOnInvalidId": "false"])
        harness.csms.tagStatuses["EXPIRED"] = .expired
        harness.csms.script["Authorize"] = { _ in
            .answer(CallAnswer(response: AuthorizeResponse(idTagInfo: IdTagInfo(status: .accepted))))
        }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("EXPIRED", connectorId: 1, now: $1) }
        #expect(harness.csms.calls("StopTransaction").isEmpty)
        #expect(harness.statuses(1).suffix(2) == [.charging, .suspendedEVSE])
        let register = harness.charger.registerWh(connectorId: 1)
        harness.advance(by: .seconds(300))
        #expect(harness.charger.registerWh(connectorId: 1) == register)
    }

    @Test func localStopBySameTagOrSameParent() throws {
        var harness = F.booted()
        harness.csms.parentIdTags = ["CARD-A": "FLEET", "CARD-B": "FLEET"]
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("CARD-A", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(30))
        harness.act { $0.presentIdTag("STRANGER", connectorId: 1, now: $1) }
        #expect(harness.csms.calls("StopTransaction").isEmpty)
        harness.act { $0.presentIdTag("CARD-B", connectorId: 1, now: $1) }
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .local)
        #expect(stop.idTag?.value == "CARD-B")

        harness.act { $0.unplug(connectorId: 1, now: $1) }
        harness.act { $0.plugIn(connectorId: 2, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("CARD-A", connectorId: 2, now: $1) }
        harness.act { $0.presentIdTag("CARD-A", connectorId: 2, now: $1) }
        #expect(harness.csms.requests(StopTransactionRequest.self).last?.idTag?.value == "CARD-A")
        #expect(harness.csms.calls("StopTransaction").count == 2)
    }

    @Test func evUnplugStopsTheTransaction() throws {
        var harness = F.booted()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(90))
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .evDisconnected)
        #expect(harness.statuses(1) == [.available, .preparing, .charging, .available])
    }

    @Test func unplugWithoutStopSuspendsTheTransaction() {
        var harness = F.booted(["StopTransactionOnEVSideDisconnect": "false"])
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        #expect(harness.csms.calls("StopTransaction").isEmpty)
        #expect(harness.statuses(1).last == .suspendedEV)
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        #expect(harness.statuses(1).last == .charging)
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        #expect(harness.csms.requests(StopTransactionRequest.self).first?.reason == .local)
    }

    @Test func fullEVIsSuspendedEV() {
        var harness = F.booted()
        let nearlyFull = EVModel(
            name: "Small", batteryCapacityKWh: 10, startSoCPercent: 78, targetSoCPercent: 80, maxACPowerKW: 11,
            acPhases: 3, maxDCPowerKW: 0)
        harness.act { $0.plugIn(connectorId: 1, ev: nearlyFull, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(600))
        #expect(harness.statuses(1) == [.available, .preparing, .charging, .suspendedEV])
    }

    @Test func zeroLimitSuspendsTheEVSE() {
        var harness = F.booted()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.act { $0.setChargingLimit(.amperes(0), connectorId: 1, now: $1) }
        #expect(harness.statuses(1).suffix(2) == [.charging, .suspendedEVSE])
        harness.act { $0.setChargingLimit(nil, connectorId: 1, now: $1) }
        #expect(harness.statuses(1).suffix(2) == [.suspendedEVSE, .charging])
    }

    @Test func aFullEVUnplugsAfterTheProfilesDelay() throws {
        var profile = F.profile()
        profile.behaviour.unplugAfterFullSeconds = 120
        var harness = ChargePointHarness(
            charger: ChargePoint(
                profile: profile, chargePointId: "CP-7", index: 7, random: SeededRandomNumberGenerator(seed: 1),
                now: F.start),
            now: F.start)
        harness.connect()
        let nearlyFull = EVModel(
            name: "Small", batteryCapacityKWh: 10, startSoCPercent: 78, targetSoCPercent: 80, maxACPowerKW: 11,
            acPhases: 3, maxDCPowerKW: 0)
        harness.act { $0.plugIn(connectorId: 1, ev: nearlyFull, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(1000))
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .evDisconnected)
        #expect(harness.statuses(1) == [.available, .preparing, .charging, .suspendedEV, .available])
    }

    @Test func stopTransactionCarriesBeginEndAndClockAlignedData() throws {
        var harness = F.booted([
            "ClockAlignedDataInterval": "300", "StopTxnAlignedData": "Energy.Active.Import.Register",
            "MeterValuesAlignedData": "",
        ])
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        harness.advance(by: .seconds(650))
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        let contexts = stop.transactionData?.compactMap { $0.sampledValue.first?.context }
        #expect(contexts == [.transactionBegin, .sampleClock, .sampleClock, .transactionEnd])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func aRandomEVFromTheMixPlugsIn() {
        var harness = F.booted()
        harness.act { $0.plugInRandomEV(connectorId: 2, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 2, now: $1) }
        harness.advance(by: .seconds(60))
        #expect(harness.statuses(2) == [.available, .preparing, .charging])
        #expect(harness.charger.snapshot.transactions.first?.evName == "Compact hatchback")
        #expect((180...190).contains(harness.energyReadings.first ?? 0))
    }

    @Test func maxEnergyOnInvalidIdLetsSomeEnergyThrough() throws {
        var harness = F.booted(["StopTransactionOnInvalidId": "false", "MaxEnergyOnInvalidId": "500"])
        harness.csms.script["StartTransaction"] = { _ in
            .answer(
                CallAnswer(
                    response: StartTransactionResponse(idTagInfo: IdTagInfo(status: .invalid), transactionId: 31)))
        }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.deliver(RemoteStartTransactionRequest(connectorId: 1, idTag: "GONE"))
        #expect(harness.statuses(1).last == .charging)
        harness.advance(by: .seconds(3600))
        #expect(harness.statuses(1).suffix(2) == [.charging, .suspendedEVSE])
        let register = try #require(harness.charger.registerWh(connectorId: 1))
        #expect(abs(register - 500) < 1)
        #expect(harness.csms.calls("StopTransaction").isEmpty)
    }
}
