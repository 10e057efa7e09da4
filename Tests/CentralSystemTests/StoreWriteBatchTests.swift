import CentralSystem
import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

/// Group commit: writes that arrive together share one SQLite transaction (counted by a real
/// transaction observer), each still applies whole or not at all, and a failing write leaves
/// the others of its batch in place.
@Suite struct StoreWriteBatchTests {
    /// Counts the commits of the database.
    final class CommitCounter: TransactionObserver, @unchecked Sendable {
        // `@unchecked Sendable`: GRDB calls the observer on the writer's serial queue only, and the
        // test reads `commits` after every write has returned.
        var commits = 0
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits += 1 }
        func databaseDidRollback(_ db: Database) {}
    }

    @Test func concurrentWritesShareTransactions() async throws {
        try await withStore { store, _ in
            let counter = CommitCounter()
            store.pool.add(transactionObserver: counter, extent: .databaseLifetime)
            let ids = (1...300).map { "CP\($0)" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in ids {
                    group.addTask { _ = try await store.registerChargePoint(identity: id, now: t0) }
                }
                try await group.waitForAll()
            }
            for id in ids {
                #expect(try await store.chargePoint(identity: id) != nil, "\(id) missing")
            }
            #expect(counter.commits >= 1)
            #expect(counter.commits < 300, "300 writes took \(counter.commits) commits: no batching")
        }
    }

    @Test("a write alone in its batch that fails gets its own error, applies nothing, and the next write works")
    func aFailingLoneWrite() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "TAKEN", evseCount: 2, now: t0)
            let rows = { try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evse") } }
            let evsesBefore = try await rows()
            await #expect(throws: (any Error).self) {
                _ = try await store.registerChargePoint(identity: "TAKEN", evseCount: 3, now: at(1))
            }
            #expect(try await rows() == evsesBefore)
            _ = try await store.registerChargePoint(identity: "NEXT", evseCount: 1, now: at(2))
            #expect(try await store.chargePoint(identity: "NEXT") != nil)
            #expect(try await rows() == (evsesBefore ?? 0) + 1)
        }
    }

    @Test func aFailingWriteLeavesTheRestOfItsBatch() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "TAKEN", now: t0)
            let results = await withTaskGroup(of: (String, Bool).self) { group in
                for id in ["A1", "TAKEN", "A2", "TAKEN", "A3"] {
                    group.addTask {
                        do {
                            _ = try await store.registerChargePoint(identity: id, now: at(1))
                            return (id, true)
                        } catch {
                            return (id, false)
                        }
                    }
                }
                return await group.reduce(into: [String: [Bool]]()) { $0[$1.0, default: []].append($1.1) }
            }
            #expect(results == ["A1": [true], "A2": [true], "A3": [true], "TAKEN": [false, false]])
            for id in ["A1", "A2", "A3"] {
                #expect(try await store.chargePoint(identity: id)?.ocppIdentity == id)
            }
            let created = try await store.chargePoint(identity: "TAKEN")?.createdAt
            #expect(created == t0.date)
        }
    }
}
