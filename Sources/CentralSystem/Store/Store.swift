import Foundation
import GRDB
import NIOCore
import Synchronization

/// The embedded central system's SQLite store: one real database file in WAL mode with foreign
/// keys enforced, migrated on open. Every method that applies an OCPP message runs whole or not
/// at all (a savepoint; concurrent writes share one transaction), so a crash never leaves half a
/// message applied.
public final class Store: Sendable {
    /// The pool: one writer, concurrent readers (WAL). Exposed for tests and read-only tooling.
    public let pool: DatabasePool
    /// Group commit of the writes (issue 11): see ``StoreWriteBatcher``.
    private let batcher: StoreWriteBatcher
    /// The webhook subscriptions, read once and dropped whenever one is written: every OCPP
    /// change asks for them (issue 11), and they change only through this store.
    let webhookSubscriptionCache = Mutex(WebhookSubscriptionCache())
    /// A connection of its own for WAL checkpoints, so they never run inside a write batch.
    private let checkpointer: DatabaseQueue
    /// Runs the periodic checkpoints off the cooperative pool (a checkpoint blocks on file I/O).
    private let checkpointQueue = DispatchQueue(label: "chargesim.store.checkpoint")
    private let checkpointsCompleted = Atomic<Int>(0)

    /// Opens (creating if needed) the database at `path` and runs pending migrations. Writes that
    /// arrive together share one transaction; `writeBatchWindow` makes a batch wait that long
    /// for more (zero: only writes queued behind the running transaction join it).
    ///
    /// The WAL is checkpointed every `checkpointInterval` from a connection of its own (a
    /// PASSIVE checkpoint: it never blocks the writer), not by SQLite's auto-checkpoint, which runs
    /// inside the commit that crosses 1,000 pages and so delays every answer of that batch
    /// (issue 11). With no reader holding an old snapshot each checkpoint backfills the whole WAL
    /// and the next write starts it over, so the WAL stays about one interval of writes long.
    public init(path: String, writeBatchWindow: Duration = .zero, checkpointInterval: Duration = .seconds(1))
        throws
    {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        // Readers never block the OCPP writer; a busy writer makes readers wait briefly, not fail.
        configuration.busyMode = .timeout(5)
        // synchronous=NORMAL under WAL (issue 11): a commit no longer waits for an fsync of the WAL
        // (only checkpoints sync). A killed process loses nothing: the committed transactions are in
        // the WAL file, which the OS still writes out. Only an OS crash or power loss may lose the
        // last transactions committed before it (already answered to the chargers), never corrupt
        // the database. For a simulator's back end that is the right trade for the write rate.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // 32 MiB of page cache per connection (SQLite's default is 2 MiB), filled only as pages
            // are read: with thousands of chargers the sample indexes outgrow 2 MiB within minutes,
            // and each MeterValues then re-read its pages through syscalls (issue 11).
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
        batcher = StoreWriteBatcher(pool: pool, window: writeBatchWindow)
        checkpointer = try DatabaseQueue(path: path, configuration: configuration)
        scheduleCheckpoint(after: checkpointInterval)
    }

    /// The number of checkpoints that backfilled the whole WAL (for tests and diagnostics).
    public var completedCheckpoints: Int { checkpointsCompleted.load(ordering: .relaxed) }

    /// Runs one PASSIVE WAL checkpoint now: copies the committed pages it can into the database
    /// file without waiting for the writer or readers. Returns the WAL's frame count and how many
    /// of them are now in the database file.
    @discardableResult
    public func checkpoint() throws -> (walFrames: Int, checkpointedFrames: Int) {
        let result = try checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        if result.checkpointedFrameCount == result.walFrameCount {
            checkpointsCompleted.add(1, ordering: .relaxed)
        }
        return (result.walFrameCount, result.checkpointedFrameCount)
    }

    /// The periodic checkpoint; the chain ends when the store is released.
    private func scheduleCheckpoint(after interval: Duration) {
        let (seconds, attoseconds) = interval.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        checkpointQueue.asyncAfter(deadline: .now() + .nanoseconds(max(nanoseconds, 1_000_000))) { [weak self] in
            guard let self else { return }
            // A failed checkpoint (the disk, a busy lock) is retried at the next tick.
            _ = try? self.checkpoint()
            self.scheduleCheckpoint(after: interval)
        }
    }

    /// Runs `body` whole or not at all (a savepoint in a batched write transaction), returning
    /// once it is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await batcher.write(body)
    }

    /// Runs `body` like ``write(_:)`` on `eventLoop` itself, batched with the other writes
    /// enqueued there in the same turn of the loop, and calls `completion` there once committed:
    /// no thread hand-off for the OCPP requests answered straight from the event loop (issue 11).
    func enqueueWrite<T: Sendable>(
        on eventLoop: any EventLoop,
        _ body: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        batcher.enqueue(on: eventLoop, body, completion: completion)
    }

    /// Inserts a new row (a charge point, EVSE, connector, id tag, location created through the
    /// API); the copy returned carries its row id. A UNIQUE violation (a taken OCPP identity, a
    /// taken `networkId` on the same charge point) is thrown as GRDB reports it.
    public func insert<Record: MutablePersistableRecord & Sendable>(_ record: Record) async throws -> Record {
        try await write { db in
            var record = record
            try record.insert(db)
            return record
        }
    }

    /// Writes back an edited row (PATCH/PUT). A replaced tariff does not change the snapshots
    /// already taken from it.
    public func update<Record: MutablePersistableRecord & Sendable>(_ record: Record) async throws {
        try await write { db in try record.update(db) }
    }

    /// Runs `body` against a consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }
}

/// What ``Store`` remembers of the `webhook_subscription` table: the rows, when loaded since the
/// last write, and a generation that every write bumps, so a load that raced a write is not kept.
struct WebhookSubscriptionCache: Sendable {
    var subscriptions: [WebhookSubscriptionRecord]?
    var generation = 0
}
