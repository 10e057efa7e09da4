import Foundation
import GRDB

extension Store {
    /// Adds a location.
    public func insertLocation(_ record: LocationRecord) async throws -> LocationRecord {
        try await write { db in
            var record = record
            try record.insert(db)
            return record
        }
    }

    /// A location by row id.
    public func location(id: Int64) async throws -> LocationRecord? {
        try await read { db in try LocationRecord.fetchOne(db, key: id) }
    }

    /// Writes back an edited location.
    public func saveLocation(_ record: LocationRecord) async throws {
        try await write { db in try record.update(db) }
    }

    /// Deletes a location; `false` when absent.
    public func deleteLocation(id: Int64) async throws -> Bool {
        try await write { db in try LocationRecord.deleteOne(db, key: id) }
    }

    /// Locations by id (cursor pages).
    public func listLocations(page: PageRequest) async throws -> Page<LocationRecord> {
        try await read { db in try Paginator.fetch(LocationRecord.all(), page, idOf: \.id, db) }
    }
}
