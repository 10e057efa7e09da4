import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("OCPP server: charger messages against the store (live, loopback)")
struct OCPPTransactionTests {
    @Test("boot is stored; status notifications set EVSE and charge point hardwareStatus")
    func bootAndStatus() async throws {
        try await OCPPHarness.run(.init(heartbeatInterval: 120)) { harness in
            let charger = try await harness.connectRegistered("CP-1", evseCount: 2)
            let boot = try await charger.call(chargerBoot)
            #expect(boot.status == .accepted)
            #expect(boot.interval == 120)
            let record = try await harness.chargePoint("CP-1")
            #expect(record.vendor == "ChargeSim")
            #expect(record.model == "AC-22")
            #expect(record.serialNumber == "SN-42")
            #expect(record.firmwareVersion == "1.2.3")
            #expect(record.networkStatus == .available)
            #expect(record.lastBootAt != nil)

            _ = try await charger.call(status(0, .unavailable))
            #expect(try await harness.chargePoint("CP-1").hardwareStatus == .unavailable)
            let sequence: [(ChargePointStatus, EVSEHardwareStatus)] = [
                (.available, .available), (.preparing, .preparing), (.charging, .charging),
                (.suspendedEVSE, .suspendedEVSE), (.suspendedEV, .suspendedEV), (.finishing, .finishing),
                (.reserved, .reserved), (.unavailable, .unavailable), (.faulted, .faulted),
            ]
            for (ocpp, api) in sequence {
                _ = try await charger.call(status(2, ocpp))
                #expect(try await harness.evse("CP-1", 2)?.hardwareStatus == api, "\(ocpp)")
            }
            #expect(try await harness.evse("CP-1", 1)?.hardwareStatus == nil)

            let heartbeat = try await charger.call(HeartbeatRequest())
            #expect(abs(heartbeat.currentTime.date.timeIntervalSinceNow) < 60)
            #expect(try await harness.chargePoint("CP-1").lastHeartbeatAt != nil)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("start → active, meter values → energy, power and SoC, stop → finished with meterStop − meterStart")
    func transactionLifecycle() async throws {
        try await OCPPHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            _ = try await harness.store.createIdTag("TAG1", now: t0)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let authorize = try await charger.call(AuthorizeRequest(idTag: "TAG1"))
            #expect(authorize.idTagInfo.status == .accepted)

            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 1000, timestamp: at(10)))
            #expect(started.idTagInfo.status == .accepted)
            var sessions = try await harness.sessions("CP-1")
            #expect(sessions.count == 1)
            #expect(sessions.first?.status == .active)
            #expect(sessions.first?.transactionId == started.transactionId)

            _ = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: started.transactionId,
                    meterValue: [
                        energySample(1500, power: 7000, soc: 40, at: at(70)),
                        energySample(2500, power: 11000, soc: 50, at: at(130)),
                    ]))
            _ = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: started.transactionId,
                    meterValue: [energySample(2800, power: 9000, soc: 52, at: at(150))]))
            sessions = try await harness.sessions("CP-1")
            let active = try #require(sessions.first)
            #expect(active.energyWh == 1800)
            #expect(active.powerLatestW == 9000)
            #expect(active.powerPeakW == 11000)
            #expect(active.socPercent == 52)
            #expect(try await harness.store.meterSamples(sessionId: try #require(active.id)).count == 3)

            let stopped = try await charger.call(
                StopTransactionRequest(
                    idTag: "TAG1", meterStop: 3000, timestamp: at(190), transactionId: started.transactionId))
            #expect(stopped.idTagInfo?.status == .accepted)
            let finished = try #require(try await harness.sessions("CP-1").first)
            #expect(finished.status == .finished)
            #expect(finished.meterStop == 3000)
            #expect(finished.energyWh == 2000)
            #expect(finished.reason == .local)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("StartTransaction and StopTransaction replayed after an outage update the same session")
    func replays() async throws {
        try await OCPPHarness.run(.init(unknownIdTagPolicy: .accept)) { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let start = StartTransactionRequest(connectorId: 1, idTag: "ANY", meterStart: 500, timestamp: at(10))
            let stop = StopTransactionRequest(meterStop: 1700, timestamp: at(100), transactionId: 1)
            var charger = try await harness.connect("CP-1")
            let first = try await charger.call(start)
            await charger.close(code: .goingAway)

            // The charger did not see the answers (outage) and sends the queue again.
            charger = try await harness.connect("CP-1")
            let replayed = try await charger.call(start)
            #expect(replayed.transactionId == first.transactionId)
            _ = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: first.transactionId, meterValue: [energySample(900, at: at(50))]))
            _ = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: first.transactionId, meterValue: [energySample(900, at: at(50))]))
            _ = try await charger.call(stop)
            _ = try await charger.call(stop)
            let sessions = try await harness.sessions("CP-1")
            #expect(sessions.count == 1)
            #expect(sessions.first?.status == .finished)
            #expect(sessions.first?.energyWh == 1200)
            let sessionId = try #require(sessions.first?.id)
            #expect(try await harness.store.meterSamples(sessionId: sessionId).count == 1)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("events report each change once, in order; replays report nothing")
    func events() async throws {
        try await OCPPHarness.run(.init(unknownIdTagPolicy: .accept)) { harness in
            let charger = try await harness.connectRegistered("CP-1", evseCount: 1)
            _ = try await charger.call(chargerBoot)
            _ = try await charger.call(status(1, .charging))
            let start = StartTransactionRequest(connectorId: 1, idTag: "T", meterStart: 0, timestamp: at(1))
            let started = try await charger.call(start)
            let values = MeterValuesRequest(
                connectorId: 1, transactionId: started.transactionId, meterValue: [energySample(400, at: at(60))])
            _ = try await charger.call(values)
            _ = try await charger.call(values)
            _ = try await charger.call(start)
            let stop = StopTransactionRequest(meterStop: 500, timestamp: at(90), transactionId: started.transactionId)
            _ = try await charger.call(stop)
            _ = try await charger.call(stop)
            _ = try await charger.call(FirmwareStatusNotificationRequest(status: .idle))
            await charger.close()
            let events = try await harness.events(until: "offline") { event in
                if case .networkStatusChanged(let record, _) = event { return record.networkStatus != .available }
                return false
            }
            let kinds = events.map(Self.kind)
            #expect(
                kinds == [
                    "network available", "booted", "EVSE 1 charging", "authorization accepted", "session started",
                    "session updated 400.0",
                    "session stopped 500.0", "notification", "network temporarily_unavailable",
                ])
        }
    }

    static func kind(_ event: OCPPServerEvent) -> String {
        switch event {
        case .networkStatusChanged(let record, _): "network \(record.networkStatus.rawValue)"
        case .booted: "booted"
        case .statusChanged(.evse(let evse, _)): "EVSE \(evse.networkId) \(evse.hardwareStatus?.rawValue ?? "nil")"
        case .statusChanged(.chargePoint(let record, _)): "charge point \(record.hardwareStatus?.rawValue ?? "nil")"
        case .sessionStarted: "session started"
        case .sessionUpdated(let session): "session updated \(session.energyWh)"
        case .sessionStopped(let session, _): "session stopped \(session.energyWh)"
        case .notification: "notification"
        case .authorizationRecorded(let authorization): "authorization \(authorization.status.rawValue)"
        case .dataTransferReceived: "data transfer"
        }
    }

    @Test("fifty chargers at once: each boot, start and stop lands on its own charge point")
    func manyChargers() async throws {
        try await OCPPHarness.run(.init(unknownIdTagPolicy: .accept)) { harness in
            let ids = (1...50).map { "CP-\($0)" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, id) in ids.enumerated() {
                    group.addTask {
                        let charger = try await harness.connectRegistered(id, evseCount: 1)
                        #expect(try await charger.call(chargerBoot).status == .accepted)
                        let started = try await charger.call(
                            StartTransactionRequest(
                                connectorId: 1, idTag: CiString20(truncating: "T\(index)"), meterStart: 0,
                                timestamp: at(1))
                        )
                        #expect(started.transactionId == 1)
                        _ = try await charger.call(
                            StopTransactionRequest(
                                meterStop: 100 + index, timestamp: at(60), transactionId: started.transactionId))
                        #expect(charger.schemaViolations.isEmpty)
                    }
                }
                try await group.waitForAll()
            }
            #expect(harness.server.connectedChargePointIds.count == 50)
            for (index, id) in ids.enumerated() {
                let sessions = try await harness.sessions(id)
                #expect(sessions.map(\.energyWh) == [Double(100 + index)], "\(id)")
            }
        }
    }

    @Test("unknown id tags follow the policy", arguments: [UnknownIdTagPolicy.reject, .accept, .register])
    func unknownTags(policy: UnknownIdTagPolicy) async throws {
        try await OCPPHarness.run(.init(unknownIdTagPolicy: policy)) { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            _ = try await harness.store.createIdTag("BLOCKED", status: .disabled, now: t0)
            let charger = try await harness.connect("CP-1")
            let unknown = try await charger.call(AuthorizeRequest(idTag: "NOBODY"))
            #expect(unknown.idTagInfo.status == (policy == .reject ? .invalid : .accepted))
            let blocked = try await charger.call(AuthorizeRequest(idTag: "BLOCKED"))
            #expect(blocked.idTagInfo.status == .blocked)
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "NOBODY", meterStart: 0, timestamp: at(5)))
            #expect(started.idTagInfo.status == (policy == .reject ? .invalid : .accepted))
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("boot policy: Pending twice then Accepted; boot data stored only once accepted")
    func bootPending() async throws {
        try await OCPPHarness.run(.init(bootPolicy: .pending(times: 2), heartbeatInterval: 30)) { harness in
            let charger = try await harness.connectRegistered("CP-1")
            var answers: [RegistrationStatus] = []
            for _ in 0..<3 {
                let answer = try await charger.call(chargerBoot)
                answers.append(answer.status)
                #expect(answer.interval == 30)
                if answer.status == .pending {
                    #expect(try await harness.chargePoint("CP-1").vendor == nil)
                }
            }
            #expect(answers == [.pending, .pending, .accepted])
            #expect(try await harness.chargePoint("CP-1").vendor == "ChargeSim")
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("boot policy: Rejected")
    func bootRejected() async throws {
        try await OCPPHarness.run(.init(bootPolicy: .reject)) { harness in
            let charger = try await harness.connectRegistered("CP-1")
            #expect(try await charger.call(chargerBoot).status == .rejected)
            #expect(try await harness.chargePoint("CP-1").lastBootAt == nil)
        }
    }

    @Test("auto-registration creates the charge point on its first status, EVSEs as they report")
    func autoRegister() async throws {
        try await OCPPHarness.run(.init(autoRegister: true)) { harness in
            let charger = try await harness.connect("NEW-7")
            _ = try await charger.call(status(2, .available))
            let record = try await harness.chargePoint("NEW-7")
            #expect(record.networkStatus == .available)
            #expect(try await harness.evse("NEW-7", 2)?.hardwareStatus == .available)
            let second = try await harness.connect("NEW-8")
            #expect(try await second.call(chargerBoot).status == .accepted)
            #expect(try await harness.chargePoint("NEW-8").vendor == "ChargeSim")
            #expect(charger.schemaViolations.isEmpty && second.schemaViolations.isEmpty)
        }
    }

    @Test("an unknown charger's first boot registers it: booted, then online from never connected, in that order")
    func firstBootOfUnknownCharger() async throws {
        try await OCPPHarness.run(.init(autoRegister: true)) { harness in
            let charger = try await harness.connect("NEW-9")
            #expect(try await charger.call(chargerBoot).status == .accepted)
            _ = try await charger.call(status(1, .available))
            let events = try await harness.events(until: "EVSE 1 status") { event in
                if case .statusChanged(.evse) = event { return true }
                return false
            }
            #expect(events.map(Self.kind) == ["booted", "network available", "EVSE 1 available"])
            guard case .networkStatusChanged(_, let previous) = events[1] else {
                Issue.record("expected a network status change, got \(events[1])")
                return
            }
            #expect(previous == .neverConnected)
            let record = try await harness.chargePoint("NEW-9")
            #expect(record.networkStatus == .available)
            #expect(record.serialNumber == "SN-42")
            #expect(record.lastBootAt != nil)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("notifications are kept; DataTransfer answers by vendor; unsupported actions get CALLERRORs")
    func notificationsAndErrors() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1")
            _ = try await charger.call(FirmwareStatusNotificationRequest(status: .downloading))
            _ = try await charger.call(DiagnosticsStatusNotificationRequest(status: .uploaded))
            _ = try await charger.call(LogStatusNotificationRequest(status: .uploading, requestId: 4))
            _ = try await charger.call(SignedFirmwareStatusNotificationRequest(status: .installed, requestId: 5))
            let event = SecurityEventNotificationRequest(type: "TamperDetectionActivated", timestamp: at(3))
            _ = try await charger.call(event)
            let kept = harness.server.notifications(for: "CP-1").map(\.request)
            #expect(
                kept == [
                    .firmwareStatusNotification(.init(status: .downloading)),
                    .diagnosticsStatusNotification(.init(status: .uploaded)),
                    .logStatusNotification(.init(status: .uploading, requestId: 4)),
                    .signedFirmwareStatusNotification(.init(status: .installed, requestId: 5)),
                    .securityEventNotification(event),
                ])

            #expect(try await charger.call(DataTransferRequest(vendorId: "ChargeSim")).status == .accepted)
            #expect(try await charger.call(DataTransferRequest(vendorId: "Other")).status == .unknownVendorId)

            let notSupported = try await charger.callAnswer(
                action: "RemoteStartTransaction", payload: RawJSON(#"{"idTag":"X"}"#))
            #expect(errorCode(notSupported) == .notSupported)
            let notImplemented = try await charger.callAnswer(action: "Bogus", payload: .emptyObject)
            #expect(errorCode(notImplemented) == .notImplemented)
            let missingField = try await charger.callAnswer(action: "StatusNotification", payload: .emptyObject)
            #expect(errorCode(missingField) != nil)
            let connectorZero = try await charger.callAnswer(
                action: "StartTransaction",
                payload: RawJSON(#"{"connectorId":0,"idTag":"A","meterStart":0,"timestamp":"2026-01-01T00:00:00Z"}"#))
            #expect(errorCode(connectorZero) == .propertyConstraintViolation)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    private func errorCode(_ answer: ScriptedChargePoint.Answer) -> CallErrorCode? {
        guard case .error(let error) = answer else { return nil }
        return error.code
    }
}
