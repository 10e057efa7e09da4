import Foundation
import GRDB

extension Store {

    /// A location by row id.
    public func location(id: Int64) async throws -> LocationRecord? {
        try await read { db in try LocationRecord.fetchOne(db, key: id) }
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
