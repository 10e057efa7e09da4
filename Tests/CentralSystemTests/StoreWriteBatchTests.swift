import Foundation
import GRDB
import NIOCore
import NIOPosix
import OCPP16
import TestSupport
import Testing

@testable import CentralSystem

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

    /// The OCPP hot path's writes (issue 11): everything enqueued on an event loop in one turn of
    /// it is one transaction, run and answered on that loop; a failing write gets its own error
    /// and the others of the batch are kept.
    @Test func writesEnqueuedOnAnEventLoopShareOneTransactionThere() async throws {
        try await withStore { store, _ in
            try await store.pool.write { db in
                try db.execute(sql: "CREATE TABLE probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)")
            }
            let counter = CommitCounter()
            store.pool.add(transactionObserver: counter, extent: .databaseLifetime)
            let loop = MultiThreadedEventLoopGroup.singleton.next()
            // Value 7 twice: the second insert breaks the UNIQUE constraint.
            let values = (0..<40).map { "v\($0)" } + ["v7"]
            let outcomes = try await loop.flatSubmit { () -> EventLoopFuture<[String: Bool]> in
                let promises = values.map { _ in loop.makePromise(of: Bool.self) }
                for (value, promise) in zip(values, promises) {
                    store.enqueueWrite(
                        on: loop,
                        { db in try db.execute(sql: "INSERT INTO probe (value) VALUES (?)", arguments: [value]) },
                        completion: { result in
                            // Answered on the loop, in place.
                            precondition(loop.inEventLoop, "a loop batch answered off its loop")
                            promise.succeed((try? result.get()) != nil)
                        })
                }
                return EventLoopFuture.whenAllSucceed(promises.map(\.futureResult), on: loop).map { results in
                    Dictionary(zip(values.indices.map { "\($0)" }, results)) { first, _ in first }
                }
            }.get()
            #expect(outcomes.count == values.count)
            #expect(outcomes.filter { !$0.value }.map(\.key) == ["\(values.count - 1)"])
            #expect(counter.commits == 1, "one turn of the loop took \(counter.commits) commits")
            let stored = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM probe") }
            #expect(stored == 40)
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
