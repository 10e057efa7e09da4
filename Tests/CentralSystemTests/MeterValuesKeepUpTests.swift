import CentralSystem
import Foundation
import GRDB
import OCPP16
import Simulator
import TestSupport
import Testing

/// Issue 11's keep-up finding: every MeterValues the central system answers is accounted for in
/// SQLite, per transaction (`session.meterValuesCount`) or without a session
/// (`unattached_meter_sample`), so what a fleet sent, had answered and what was stored agree.
@Suite("MeterValues keep-up: every answered MeterValues is stored (live)")
struct MeterValuesKeepUpTests {
    @Test("a real fleet with clock-aligned readings: answered MeterValues = per-session counts + unattached samples")
    func fleetWithClockAlignedReadings() async throws {
        // Three wallboxes, one charging: all send a clock-aligned reading every second, the
        // charging one also a periodic sample every second; the idle ones have no transaction.
        try await EmbeddedFleet.with(chargers: 3, configuration: ["ClockAlignedDataInterval": "1"]) { harness in
            harness.fleet.keepCharging(share: 1.0 / 3)
            let pool = harness.system.store.pool
            try await LiveTimeout.run("idle clock-aligned and charging samples", seconds: 30) {
                while try await pool.read({ db in try Self.sessionSampleRows(db) < 4 || Self.unattachedRows(db) < 4 }) {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            try await harness.fleet.stop(.leaveQueued).get()
            let traffic = try await harness.fleet.traffic().get()
            let answered = Int(traffic.meterValuesRoundTrip.total)
            // The central system commits before it answers; a call in flight at the stop may land later.
            try await LiveTimeout.run("answered MeterValues to be accounted for", seconds: 10) {
                while try await pool.read({ db in try Self.perSessionCounts(db) + Self.unattachedRows(db) }) < answered
                {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            let accounted = try await pool.read { db in try Self.perSessionCounts(db) + Self.unattachedRows(db) }
            #expect(answered > 0)
            #expect(accounted >= answered, "lost: \(answered - accounted)")
            #expect(accounted <= Int(traffic.meterValuesSent))
            for id in harness.chargePointIds {
                let kept = try await harness.system.store.unattachedMeterSamples(identity: id)
                #expect(kept.allSatisfy { $0.connectorId == 1 && $0.transactionId == nil && $0.energyWh != nil })
            }
            let idle = try await pool.read { db in
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(DISTINCT u.chargePointId) FROM unattached_meter_sample u
                        WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.chargePointId = u.chargePointId)
                        """) ?? 0
            }
            #expect(idle == 2)
        }
    }

    @Test("two readings of the same instant (clock-aligned, then periodic) make one complete row, counted twice")
    func sameInstantReadings() async throws {
        try await OCPPHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            _ = try await harness.store.createIdTag("TAG1", now: t0)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 1000, timestamp: at(10)))
            let clock = MeterValue(
                timestamp: at(60),
                sampledValue: [
                    SampledValue(
                        value: "1500", context: .sampleClock, measurand: .energyActiveImportRegister, unit: .wh)
                ])
            let periodic = energySample(1500, power: 7000, at: at(60))
            for value in [clock, periodic, periodic] {
                _ = try await charger.call(
                    MeterValuesRequest(connectorId: 1, transactionId: started.transactionId, meterValue: [value]))
            }
            let session = try #require(try await harness.sessions("CP-1").first)
            #expect(session.meterValuesCount == 3)
            let samples = try await harness.store.meterSamples(sessionId: try #require(session.id))
            #expect(samples.count == 1)
            #expect(samples.first?.energyWh == 1500)
            #expect(samples.first?.powerW == 7000)
            #expect(session.powerLatestW == 7000)
        }
    }

    @Test("MeterValues for a transactionId with no session: answered, kept without a session, and logged")
    func unknownTransaction() async throws {
        let lines = LogLines()
        try await OCPPHarness.run(.init(log: lines.append)) { harness in
            let charger = try await harness.connectRegistered("CP-1", evseCount: 1)
            _ = try await charger.call(chargerBoot)
            let answer = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: 4242, meterValue: [energySample(2000, power: 3000, at: at(30))]))
            #expect(answer == MeterValuesResponse())
            let kept = try await harness.store.unattachedMeterSamples(identity: "CP-1")
            #expect(kept.count == 1)
            #expect(kept.first?.transactionId == 4242)
            #expect(kept.first?.energyWh == 2000)
            #expect(kept.first?.powerW == 3000)
            #expect(lines.contains("MeterValues from CP-1 for transactionId 4242, which matches no session"))
        }
    }

    private static func sessionSampleRows(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meter_sample") ?? 0
    }

    private static func perSessionCounts(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(meterValuesCount), 0) FROM session") ?? 0
    }

    private static func unattachedRows(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unattached_meter_sample") ?? 0
    }
}
