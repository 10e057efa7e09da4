import Foundation
import GRDB
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

    /// Opens (creating if needed) the database at `path` and runs pending migrations. Writes that
    /// arrive together share one transaction; `writeBatchWindow` makes a batch wait that long
    /// for more (zero: only writes queued behind the running transaction join it).
    public init(path: String, writeBatchWindow: Duration = .zero) throws {
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
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
        batcher = StoreWriteBatcher(pool: pool, window: writeBatchWindow)
    }

    /// Runs `body` whole or not at all (a savepoint in a batched write transaction), returning
    /// once it is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await batcher.write(body)
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
