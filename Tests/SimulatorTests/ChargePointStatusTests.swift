import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointStatusTests {
    typealias F = ChargePointFixtures

    @Test func transitionTableFollowsSection4_9() {
        #expect(ConnectorStatusTransition.isLegal(from: .available, to: .preparing))
        #expect(!ConnectorStatusTransition.isLegal(from: .available, to: .finishing))
        #expect(!ConnectorStatusTransition.isLegal(from: .preparing, to: .unavailable))
        #expect(!ConnectorStatusTransition.isLegal(from: .preparing, to: .reserved))
        #expect(ConnectorStatusTransition.isLegal(from: .finishing, to: .preparing))
        #expect(!ConnectorStatusTransition.isLegal(from: .finishing, to: .charging))
        #expect(!ConnectorStatusTransition.isLegal(from: .reserved, to: .charging))
        #expect(ConnectorStatusTransition.isLegal(from: .unavailable, to: .charging))
        for status in ChargePointStatus.allCases {
            #expect(ConnectorStatusTransition.isLegal(from: .faulted, to: status))
        }
    }

    @Test func faultCarriesItsErrorCodeAndVendorFields() throws {
        var harness = F.booted()
        harness.act {
            $0.setFault(
                connectorId: 2, errorCode: .groundFailure, info: "RCD tripped", vendorErrorCode: "E-17", now: $1)
        }
        let faulted = try #require(harness.csms.requests(StatusNotificationRequest.self).last)
        #expect(faulted.connectorId == 2)
        #expect(faulted.status == .faulted)
        #expect(faulted.errorCode == .groundFailure)
        #expect(faulted.info?.value == "RCD tripped")
        #expect(faulted.vendorErrorCode?.value == "E-17")
        harness.act { $0.clearFault(connectorId: 2, now: $1) }
        #expect(harness.statuses(2) == [.available, .faulted, .available])
        let cleared = try #require(harness.csms.requests(StatusNotificationRequest.self).last)
        #expect(cleared.errorCode == .noError)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func minimumStatusDurationHidesShortLivedStatuses() {
        var harness = F.booted(["MinimumStatusDuration": "10"])
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.advance(by: .seconds(4))
        harness.act { $0.unplug(connectorId: 1, now: $1) }
        harness.advance(by: .seconds(30))
        #expect(harness.statuses(1) == [.available])
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.advance(by: .seconds(9))
        #expect(harness.statuses(1) == [.available])
        harness.advance(by: .seconds(1))
        #expect(harness.statuses(1) == [.available, .preparing])
        let report = harness.csms.requests(StatusNotificationRequest.self).last
        // The timestamp is when the status began, not when it was reported.
        #expect(report?.timestamp == harness.now - .seconds(10))
    }

    @Test(arguments: [7, 11, 23, 98, 1234, 4096] as [UInt64])
    func everyReportedTransitionIsLegalOnARandomWalk(seed: UInt64) {
        var harness = F.booted(seed.isMultiple(of: 2) ? ["MinimumStatusDuration": "30"] : [:])
        var random = SeededRandomNumberGenerator(seed: seed)
        for _ in 0..<600 {
            let connector = Int.random(in: 1...2, using: &random)
            switch Int.random(in: 0..<12, using: &random) {
            case 0: harness.act { $0.plugIn(connectorId: connector, ev: F.hatchback, now: $1) }
            case 1: harness.act { $0.unplug(connectorId: connector, now: $1) }
            case 2: harness.act { $0.presentIdTag("TAG-\(connector)", connectorId: connector, now: $1) }
            case 3: harness.act { $0.pressStop(connectorId: connector, now: $1) }
            case 4: harness.act { $0.setFault(connectorId: connector, errorCode: .overVoltage, now: $1) }
            case 5: harness.act { $0.clearFault(connectorId: connector, now: $1) }
            case 6: harness.deliver(RemoteStartTransactionRequest(connectorId: connector, idTag: "REMOTE"))
            case 7:
                harness.deliver(
                    ChangeAvailabilityRequest(
                        connectorId: connector, type: Bool.random(using: &random) ? .operative : .inoperative))
            case 8:
                if harness.isConnected { harness.disconnect() } else { harness.connect() }
            case 9:
                harness.deliver(ResetRequest(type: .soft))
                harness.connect()
            case 10:
                harness.deliver(
                    ReserveNowRequest(
                        connectorId: connector, expiryDate: harness.now + .seconds(300),
                        idTag: CiString20(truncating: "TAG-\(connector)"),
                        reservationId: connector))
            default: harness.advance(by: .seconds(Int64.random(in: 1...120, using: &random)))
            }
        }
        #expect(harness.statuses(1).count > 20 && harness.statuses(2).count > 20)
        if !harness.isConnected { harness.connect() }
        harness.advance(by: .seconds(60))
        // Every transaction message reached the central system exactly once, with a real id.
        #expect(harness.disk.isEmpty)
        #expect(harness.charger.queuedTransactionMessages.isEmpty)
        let starts = harness.csms.calls("StartTransaction").count
        let stops = harness.csms.requests(StopTransactionRequest.self).map(\.transactionId)
        #expect(Set(stops).count == stops.count)
        #expect(stops.allSatisfy { (1000..<1000 + starts).contains($0) })
        let running = (1...2).filter { harness.charger.hasTransaction(onConnector: $0) }.count
        #expect(stops.count + running == starts)
        #expect(harness.csms.requests(MeterValuesRequest.self).allSatisfy { ($0.transactionId ?? 0) >= 0 })
        // A reboot starts the status history afresh.
        var previous: [Int: ChargePointStatus] = [:]
        for call in harness.csms.calls {
            if call.action == "BootNotification" { previous = [:] }
            guard call.action == "StatusNotification", let report = try? call.decode(StatusNotificationRequest.self)
            else { continue }
            if let old = previous[report.connectorId] {
                #expect(
                    ConnectorStatusTransition.isLegal(from: old, to: report.status),
                    "connector \(report.connectorId): \(old) → \(report.status)")
            }
            previous[report.connectorId] = report.status
        }
        #expect(harness.csms.schemaViolations.isEmpty)
        #expect(harness.shellViolations.isEmpty)
    }

    @Test func aCableLeftInThroughAFaultIsPreparingAfterwards() {
        var harness = F.booted()
        harness.act { $0.setFault(connectorId: 1, errorCode: .weakSignal, now: $1) }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.clearFault(connectorId: 1, now: $1) }
        #expect(harness.statuses(1) == [.available, .faulted, .preparing])
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        #expect(harness.statuses(1).last == .charging)
    }
}
