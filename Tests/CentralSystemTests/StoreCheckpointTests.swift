import CentralSystem
import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

/// The WAL is checkpointed by the store's own background connection, never inside a write
/// batch (SQLite's auto-checkpoint is off), and stays bounded while MeterValues keep coming.
@Suite struct StoreCheckpointTests {
    /// Writes `rounds` rounds of `perRound` MeterValues to a new store on `file`; after each round,
    /// when `waitForCheckpoint`, waits until a background checkpoint backfilled the whole WAL.
    /// Returns the WAL file size at the end.
    private func writeRounds(
        file: TemporarySQLiteFile, checkpointInterval: Duration, rounds: Int, perRound: Int, waitForCheckpoint: Bool
    ) async throws -> Int {
        let store = try Store(path: file.path, checkpointInterval: checkpointInterval)
        let autoCheckpoint = try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autoCheckpoint == 0)
        _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
        let started = try await store.startTransaction(
            identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
        for round in 0..<rounds {
            for index in 0..<perRound {
                let second = Int64(round * perRound + index + 1)
                let request = MeterValuesRequest(
                    connectorId: 1, transactionId: started.transactionId,
                    meterValue: [energySample(Double(second), power: 7000, soc: 50, at: at(second))])
                _ = try await store.applyMeterValues(identity: "CP1", request: request, now: at(second))
            }
            if waitForCheckpoint {
                let before = store.completedCheckpoints
                try await LiveTimeout.run("a background checkpoint") {
                    while store.completedCheckpoints == before { try await Task.sleep(for: .milliseconds(5)) }
                }
            }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path + "-wal")
        return (attributes[.size] as? Int) ?? 0
    }

    @Test("background checkpoints keep the WAL about one round long; without them it grows with every write")
    func walStaysBounded() async throws {
        let checkpointed = try TemporarySQLiteFile()
        defer { checkpointed.remove() }
        let unchecked = try TemporarySQLiteFile()
        defer { unchecked.remove() }
        let bounded = try await writeRounds(
            file: checkpointed, checkpointInterval: .milliseconds(20), rounds: 8, perRound: 100,
            waitForCheckpoint: true)
        let grown = try await writeRounds(
            file: unchecked, checkpointInterval: .seconds(3600), rounds: 8, perRound: 100, waitForCheckpoint: false)
        #expect(bounded > 0)
        #expect(bounded * 3 < grown, "WAL \(bounded) bytes with checkpoints, \(grown) without")
    }

    @Test("an explicit checkpoint backfills every committed frame without blocking the writer")
    func explicitCheckpoint() async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path, checkpointInterval: .seconds(3600))
        _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
        let before = store.completedCheckpoints
        let result = try store.checkpoint()
        #expect(result.walFrames > 0)
        #expect(result.checkpointedFrames == result.walFrames)
        #expect(store.completedCheckpoints == before + 1)
        #expect(try await store.chargePoint(identity: "CP1") != nil)
    }
}
