import Dispatch
import Foundation
import GRDB
import NIOCore
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
/// Two ways in (issue 11). ``enqueue(_:completion:)`` (and ``write(_:)``) batch on a thread of
/// their own with GRDB's synchronous `write` and call back there: no actor hop, task per batch,
/// GRDB async hop or continuation on the cooperative pool. ``enqueue(on:_:completion:)`` batches
/// on the caller's event loop, for the frequent OCPP requests answered from it: a batch per turn
/// of the loop and no thread hand-off at all (Benchmarks/RESULTS.md, seventh pass).
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
    /// The writes enqueued on each event loop (``enqueue(on:_:completion:)``) and not yet run.
    private let loopPending = Mutex([ObjectIdentifier: [Pending]]())
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
        let item = Self.pending(body, completion: completion)
        let start = state.withLock { state in
            state.pending.append(item)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if start { wake.signal() }
    }

    /// Runs `body` on `eventLoop` itself, in one transaction with every write enqueued there
    /// during the same turn of the loop (the frames read in one wake-up): the batch runs in a
    /// task of the loop, after the loop has handled what it was woken for, and `completion` gets
    /// the result there once committed. No thread hand-off (issue 11: the two hand-offs to the
    /// writer thread and back were most of a MeterValues' time in the central system, and on two
    /// busy cores a woken thread can wait milliseconds for one); the loop holds the database
    /// writer for the batch, as the writer thread would.
    func enqueue<T: Sendable>(
        on eventLoop: any EventLoop,
        _ body: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let item = Self.pending(body, completion: completion)
        let key = ObjectIdentifier(eventLoop)
        let first = loopPending.withLock { pending in
            let first = pending[key]?.isEmpty ?? true
            pending[key, default: []].append(item)
            return first
        }
        if first { eventLoop.execute { self.drainLoop(key) } }
    }

    /// On an event loop: runs the writes enqueued there, in batches of at most ``maximumBatch``.
    private func drainLoop(_ key: ObjectIdentifier) {
        let items = loopPending.withLock { $0.removeValue(forKey: key) ?? [] }
        var start = items.startIndex
        while start < items.endIndex {
            let end = min(start + Self.maximumBatch, items.endIndex)
            run(items[start..<end])
            start = end
        }
    }

    /// `body` and `completion` as one queued write.
    private static func pending<T: Sendable>(
        _ body: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) -> Pending {
        Pending(
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
            run(batch[...])
        }
    }

    /// Runs `batch` in one transaction, then answers each write.
    private func run(_ batch: ArraySlice<Pending>) {
        do {
            let alone = batch.count == 1
            let answers = try pool.write { db in try batch.map { try $0.perform(db, alone) } }
            for answer in answers { answer() }
        } catch {
            for item in batch { item.fail(error) }
        }
    }
}
