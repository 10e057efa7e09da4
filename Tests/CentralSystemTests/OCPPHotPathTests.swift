import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

/// The MeterValues/Heartbeat path without a store read per message (issue 11): what a connection
/// remembers about its charge point must not change what a deleted one gets, and every
/// MeterValues answered for a known transaction is stored.
@Suite("OCPP hot path")
struct OCPPHotPathTests {
    @Test("a charge point deleted while connected gets CALLERROR SecurityError for its next messages")
    func deletedWithoutAutoRegistration() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("DEL-1", evseCount: 1)
            #expect(try await charger.call(chargerBoot).status == .accepted)
            _ = try await charger.call(HeartbeatRequest())
            let id = try #require(try await harness.chargePoint("DEL-1").id)
            #expect(try await harness.store.deleteChargePoint(id: id))

            let heartbeat = try await charger.callAnswer(action: HeartbeatRequest.action, payload: .emptyObject)
            #expect(errorCode(heartbeat) == .securityError)
            let meterValues = try await charger.callAnswer(
                action: MeterValuesRequest.action,
                payload: RawJSON(
                    encoding: MeterValuesRequest(connectorId: 1, meterValue: [energySample(10, at: at(5))])))
            #expect(errorCode(meterValues) == .securityError)
            #expect(try await harness.store.chargePoint(identity: "DEL-1") == nil)
        }
    }

    @Test("with auto-registration, a charge point deleted while connected is added again by its next message")
    func deletedWithAutoRegistration() async throws {
        try await OCPPHarness.run(.init(autoRegister: true)) { harness in
            let charger = try await harness.connect("DEL-2")
            _ = try await charger.call(HeartbeatRequest())
            let first = try #require(try await harness.chargePoint("DEL-2").id)
            _ = try await charger.call(HeartbeatRequest())
            #expect(try await harness.store.deleteChargePoint(id: first))

            _ = try await charger.call(HeartbeatRequest())
            let again = try await harness.chargePoint("DEL-2")
            #expect(again.id != first)
            #expect(again.networkStatus == .available)
            #expect(again.lastHeartbeatAt != nil)
            _ = try await charger.call(status(1, .available))
            #expect(try await harness.evse("DEL-2", 1)?.hardwareStatus == .available)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("every MeterValues answered for a known transaction is stored, from many chargers at once")
    func everyAnsweredMeterValuesIsStored() async throws {
        try await OCPPHarness.run(.init(autoRegister: true, unknownIdTagPolicy: .accept)) { harness in
            let chargers = 12
            let perCharger = 25
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<chargers {
                    group.addTask {
                        let charger = try await harness.connect("MV-\(index)")
                        _ = try await charger.call(chargerBoot)
                        let started = try await charger.call(
                            StartTransactionRequest(connectorId: 1, idTag: "TAG", meterStart: 0, timestamp: at(1)))
                        var answered = 0
                        for sample in 1...perCharger {
                            _ = try await charger.call(
                                MeterValuesRequest(
                                    connectorId: 1, transactionId: started.transactionId,
                                    meterValue: [
                                        energySample(Double(sample * 10), power: 7000, at: at(Int64(1 + sample)))
                                    ]))
                            answered += 1
                        }
                        return answered
                    }
                }
                var answered = 0
                for try await count in group { answered += count }
                #expect(answered == chargers * perCharger)
            }
            for index in 0..<chargers {
                let session = try #require(try await harness.sessions("MV-\(index)").first)
                let samples = try await harness.store.meterSamples(sessionId: try #require(session.id))
                #expect(samples.count == perCharger)
                #expect(session.energyWh == Double(perCharger * 10))
                #expect(session.powerLatestW == 7000)
            }
        }
    }

    @Test("every answered call, on either path, is counted in the processing times, MeterValues apart")
    func processingTimesCountEveryAnswer() async throws {
        try await OCPPHarness.run(.init(autoRegister: true, unknownIdTagPolicy: .accept)) { harness in
            let charger = try await harness.connect("PT-1")
            #expect(try await charger.call(chargerBoot).status == .accepted)
            _ = try await charger.call(status(1, .available))
            for _ in 0..<3 { _ = try await charger.call(HeartbeatRequest()) }
            for second in 1...2 {
                _ = try await charger.call(
                    MeterValuesRequest(
                        connectorId: 1, meterValue: [energySample(Double(second), at: at(Int64(second)))]))
            }
            let times = harness.server.processingTimes
            #expect(times.calls.total == 7)
            #expect(times.meterValues.total == 2)
            // Loopback and one charger: answered well within the call timeout, never "no value".
            let slowest = try #require(times.calls.quantile(1))
            #expect(slowest < 30_000_000)
            #expect(times.since(times).calls.total == 0)
        }
    }

    private func errorCode(_ answer: ScriptedChargePoint.Answer) -> CallErrorCode? {
        guard case .error(let error) = answer else { return nil }
        return error.code
    }
}
