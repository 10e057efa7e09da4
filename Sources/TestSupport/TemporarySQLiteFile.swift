import Foundation

/// A path for a fresh SQLite database file in its own temporary folder, one per test, so tests
/// exercise a real file (WAL, reopening) rather than an in-memory database. `remove()` deletes
/// the folder, including the `-wal` and `-shm` side files.
public struct TemporarySQLiteFile: Sendable {
    /// The folder holding the database and its side files.
    public let directory: TemporaryDirectory
    /// The database file's path (the file itself does not exist until SQLite creates it).
    public let path: String

    /// Reserves `name` in a new temporary folder.
    public init(name: String = "store.sqlite") throws {
        directory = try TemporaryDirectory(prefix: "chargesim-sqlite")
        path = directory.url.appendingPathComponent(name).path
    }

    /// Deletes the folder and the database in it.
    public func remove() {
        directory.remove()
    }
}
