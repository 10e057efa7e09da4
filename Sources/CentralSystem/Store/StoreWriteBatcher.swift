import Dispatch
import Foundation
import GRDB
import Synchronization

/// Group commit for the store: the writes that arrive while a transaction is being written
/// (and, with a `window`, within that time after the first one) run together in the next
/// single SQLite transaction, each in its own savepoint. A central system with thousands of
/// chargers sending MeterValues then pays one commit (one WAL fsync) per batch instead of one
/// per message.
///
/// Each write still applies whole or not at all: a write that throws is rolled back to its
/// savepoint and gets its error, the others of the batch are kept; a failed commit fails every
/// write of the batch. A caller hears back only once its batch is committed, so it reads what it
/// wrote. Writes run in arrival order.
///
/// The batches run on a thread of its own with GRDB's synchronous `write`, and
/// ``enqueue(_:completion:)`` calls back on that thread (issue 11): an OCPP answer then takes
/// two thread hand-offs (event loop → writer → event loop) instead of an actor hop, a task per
/// batch, GRDB's async hop and a continuation resumed on the cooperative pool. A thread parked
/// on a semaphore is woken directly, where a dispatch queue's work goes through libdispatch's
/// worker pool (the two measured alike within the noise of a shared machine: Benchmarks/RESULTS.md,
/// fourth pass).
final class StoreWriteBatcher: Sendable {
    /// One queued write, type-erased: `perform` runs it inside the batch's transaction and
    /// returns how to answer the caller once the commit is known; `fail` answers with an error
    /// when the batch never ran or did not commit. With `alone` the write is the whole batch, so
    /// the transaction is its savepoint: its error is thrown and rolls the transaction back
    /// (issue 11: a SAVEPOINT and a RELEASE less per write at the usual load of one per batch).
    private struct Pending: Sendable {
        let perform: @Sendable (Database, _ alone: Bool) throws -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private struct State: Sendable {
        var pending: [Pending] = []
        var draining = false
    }

    /// The most writes in one transaction, so one batch never holds the writer for long.
    static let maximumBatch = 512

    private let pool: DatabasePool
    private let window: Duration
    private let state = Mutex(State())
    /// Signalled once per idle → draining change; the writer thread waits on it.
    private let wake = DispatchSemaphore(value: 0)

    /// Batches the writes to `pool`; `window` is how long the first write of a batch waits for
    /// others (zero: only the writes that queued behind the running transaction join).
    init(pool: DatabasePool, window: Duration = .zero) {
        self.pool = pool
        self.window = window
        // The thread holds the batcher weakly and ends once it is released (see `deinit`).
        let wake = wake
        let thread = Thread { [weak self] in
            while true {
                wake.wait()
                guard let self else { return }
                self.drain()
            }
        }
        thread.name = "chargesim.store.writer"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    deinit {
        wake.signal()
    }

    /// Runs `body` in the next batch's transaction and returns its result once committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            enqueue(body) { continuation.resume(with: $0) }
        }
    }

    /// Runs `body` in the next batch's transaction; `completion` gets its result once the batch
    /// is committed (or its error), on the writer thread: it must be quick and must not write.
    func enqueue<T: Sendable>(
        _ body: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let item = Pending(
            perform: { db, alone in
                if alone {
                    let value = try body(db)
                    return { completion(.success(value)) }
                }
                let result: Result<T, any Error>
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try body(db)
                        return .commit
                    }
                    guard let value else { preconditionFailure("a savepoint that committed without a value") }
                    result = .success(value)
                } catch {
                    result = .failure(error)
                }
                return { completion(result) }
            },
            fail: { error in completion(.failure(error)) })
        let start = state.withLock { state in
            state.pending.append(item)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if start { wake.signal() }
    }

    /// On the writer thread: runs batches until none is left.
    private func drain() {
        while true {
            if window > .zero, state.withLock({ !$0.pending.isEmpty }) {
                let (seconds, attoseconds) = window.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
            }
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.pending.prefix(Self.maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let alone = batch.count == 1
                let answers = try pool.write { db in try batch.map { try $0.perform(db, alone) } }
                for answer in answers { answer() }
            } catch {
                for item in batch { item.fail(error) }
            }
        }
    }
}
