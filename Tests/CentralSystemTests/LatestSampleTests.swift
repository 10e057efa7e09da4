import CentralSystem
import Foundation
import GRDB
import OCPP16
import Synchronization
import TestSupport
import Testing

/// A session's energy, power and SoC follow its latest sample of each by timestamp, kept up from
/// the rows each MeterValues writes: never read back from the session's samples, whose number
/// grows while it charges (an AC charger never sends SoC, so that read walked every sample).
@Suite("Latest samples of a session")
struct LatestSampleTests {
    /// Sends MeterValues for one session of "CP1".
    struct Charger {
        let store: Store
        let transactionId: Int

        init(_ store: Store) async throws {
            self.store = store
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            transactionId = try await store.startTransaction(
                identity: "CP1", request: start(meter: 1000, at: t0), unknownTagPolicy: .accept, now: t0
            ).transactionId
        }

        func send(_ values: [MeterValue], now: Int64) async throws -> SessionRecord {
            let request = MeterValuesRequest(connectorId: 1, transactionId: transactionId, meterValue: values)
            let outcome = try await store.applyMeterValues(identity: "CP1", request: request, now: at(now))
            return try #require(outcome.session)
        }
    }

    @Test("a long AC session without SoC, then SoC and registers out of order: the latest by timestamp wins")
    func latestByTimestamp() async throws {
        try await withStore { store, _ in
            let charger = try await Charger(store)
            for minute in Int64(1)...300 {
                _ = try await charger.send(
                    [energySample(1000 + Double(minute) * 100, power: 6000 + Double(minute), at: at(minute * 60))],
                    now: minute * 60)
            }
            var session = try await charger.send([], now: 18_000)
            #expect(session.energyWh == 30_000)
            #expect(session.powerLatestW == 6300)
            #expect(session.powerPeakW == 6300)
            #expect(session.socPercent == nil)
            // A late batch: a SoC and a register from minute 200.
            session = try await charger.send([energySample(5_000, soc: 64, at: at(200 * 60 + 1))], now: 18_001)
            #expect(session.socPercent == 64)
            #expect(session.energyWh == 30_000, "an older register does not replace the latest")
            session = try await charger.send([energySample(2_000, soc: 40, at: at(100 * 60 + 1))], now: 18_002)
            #expect(session.socPercent == 64, "an older SoC does not replace the latest")
            session = try await charger.send(
                [energySample(31_100, power: 5000, soc: 80, at: at(301 * 60))], now: 18_060)
            #expect(session.socPercent == 80)
            #expect(session.energyWh == 30_100)
            #expect(session.powerLatestW == 5000)
            #expect(session.powerPeakW == 6300)
            // A second reading of the latest instant fills what it lacked and changes nothing else.
            session = try await charger.send([energySample(99_999, power: 1, soc: 1, at: at(301 * 60))], now: 18_061)
            #expect(session.energyWh == 30_100)
            #expect(session.socPercent == 80)
            // What the store keeps equals what reading the samples back gives.
            let reread = try await store.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT (SELECT energyWh FROM meter_sample WHERE sessionId = :id AND energyWh IS NOT NULL
                                ORDER BY timestamp DESC LIMIT 1) AS energy,
                            (SELECT powerW FROM meter_sample WHERE sessionId = :id AND powerW IS NOT NULL
                                ORDER BY timestamp DESC LIMIT 1) AS power,
                            (SELECT socPercent FROM meter_sample WHERE sessionId = :id AND socPercent IS NOT NULL
                                ORDER BY timestamp DESC LIMIT 1) AS soc,
                            (SELECT MAX(powerW) FROM meter_sample WHERE sessionId = :id) AS peak
                        """, arguments: ["id": session.id])
            }
            let row = try #require(reread)
            #expect(session.energyWh == (row["energy"] as Double? ?? 0) - 1000)
            #expect(session.powerLatestW == row["power"])
            #expect(session.socPercent == row["soc"])
            #expect(session.powerPeakW == row["peak"])
        }
    }

    @Test func aMeterValuesReadsNoSampleBack() async throws {
        try await withStore { store, _ in
            let charger = try await Charger(store)
            for minute in Int64(1)...50 {
                _ = try await charger.send(
                    [energySample(Double(minute) * 100, power: 6000, at: at(minute * 60))], now: minute * 60)
            }
            let statements = Mutex<[String]>([])
            try await store.pool.write { db in
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { statements.withLock { $0.append(statement.sql) } }
                }
            }
            _ = try await charger.send([energySample(5_100, power: 6000, at: at(51 * 60))], now: 51 * 60)
            try await store.pool.write { db in db.trace(options: .statement, nil) }
            let sql = statements.withLock { $0 }
            #expect(sql.contains { $0.contains("INSERT INTO meter_sample") })
            #expect(!sql.contains { $0.contains("FROM meter_sample") }, "\(sql)")
        }
    }

    @Test("migrating to v6 gives existing sessions the instants of their latest samples")
    func migrationBackfillsTheInstants() throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let queue = try DatabaseQueue(path: file.path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v5 unattached meter samples, MeterValues count per session")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO charge_point (id, ocppIdentity, adminStatus, networkStatus, securityProfile, createdAt,
                        updatedAt) VALUES (1, 'CP1', 'enabled', 'available', 0, '2026-01-01', '2026-01-01');
                    INSERT INTO evse (id, chargePointId, networkId, physicalReference, currentType, adminStatus,
                        createdAt, updatedAt) VALUES (1, 1, 1, '1', 'AC', 'enabled', '2026-01-01', '2026-01-01');
                    INSERT INTO session (id, chargePointId, evseId, connectorId, idTag, transactionId, status,
                        startedAt, meterStart, energyWh, createdAt, updatedAt)
                        VALUES (1, 1, 1, 1, 'T', 1, 'active', '2026-01-01 00:00:00.000', 0, 0, '2026-01-01', '2026-01-01'),
                        (2, 1, 1, 1, 'T', 2, 'active', '2026-01-01 00:00:00.000', 0, 0, '2026-01-01', '2026-01-01');
                    INSERT INTO meter_sample (sessionId, timestamp, energyWh, powerW, socPercent) VALUES
                        (1, '2026-01-01 00:01:00.123', 10, 7000, NULL),
                        (1, '2026-01-01 00:02:00.999', NULL, 7100, NULL),
                        (1, '2026-01-01 00:00:30.000', 5, NULL, 20);
                    """)
        }
        try StoreMigrations.migrator.migrate(queue)
        let sessions = try queue.read { db in try SessionRecord.fetchAll(db, sql: "SELECT * FROM session ORDER BY id") }
        let minute = OCPPTimestamp(millisecondsSince1970: 1_767_225_600_000)  // 2026-01-01T00:00:00Z
        #expect(sessions[0].energySampleMs == minute.millisecondsSince1970 + 60_123)
        #expect(sessions[0].powerSampleMs == minute.millisecondsSince1970 + 120_999)
        #expect(sessions[0].socSampleMs == minute.millisecondsSince1970 + 30_000)
        #expect(sessions[1].energySampleMs == nil)
        #expect(sessions[1].powerSampleMs == nil)
        #expect(sessions[1].socSampleMs == nil)
    }
}
