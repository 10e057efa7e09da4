import Foundation
import GRDB

/// The embedded central system's SQLite store: one real database file in WAL mode with foreign
/// keys enforced, migrated on open. Every method that applies an OCPP message runs in a single
/// write transaction, so a crash never leaves half a message applied.
public final class Store: Sendable {
    /// The pool: one writer, concurrent readers (WAL). Exposed for tests and read-only tooling.
    public let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        // Readers never block the OCPP writer; a busy writer makes readers wait briefly, not fail.
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
    }

    /// Runs `body` in one write transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.write(body)
    }

    /// Runs `body` against a consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }
}
