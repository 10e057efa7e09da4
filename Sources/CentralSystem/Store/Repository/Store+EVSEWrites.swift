import Foundation
import GRDB

extension Store {
    /// Adds an EVSE (EVSE v2.1 / charge point EVSE v2.0 POST); a taken `networkId` on the same
    /// charge point is a UNIQUE violation.
    public func insertEVSE(_ record: EVSERecord) async throws -> EVSERecord {
        try await write { db in
            var record = record
            try record.insert(db)
            return record
        }
    }

    /// Saves an edited EVSE (PATCH).
    public func saveEVSE(_ record: EVSERecord) async throws {
        try await write { db in try record.update(db) }
    }

    /// Whether any session ever ran on the EVSE (deleting it would delete their history).
    public func evseHasSessions(id: Int64) async throws -> Bool {
        try await read { db in
            try SessionRecord.filter(SessionRecord.Columns.evseId == id).fetchCount(db) > 0
        }
    }

    /// Removes an EVSE and its connectors; `false` when absent.
    public func deleteEVSE(id: Int64) async throws -> Bool {
        try await write { db in try EVSERecord.deleteOne(db, key: id) }
    }

    /// A connector by id.
    public func connector(id: Int64) async throws -> ConnectorRecord? {
        try await read { db in try ConnectorRecord.fetchOne(db, key: id) }
    }

    /// Adds a connector to an EVSE.
    public func insertConnector(_ record: ConnectorRecord) async throws -> ConnectorRecord {
        try await write { db in
            var record = record
            try record.insert(db)
            return record
        }
    }

    /// Saves an edited connector.
    public func saveConnector(_ record: ConnectorRecord) async throws {
        try await write { db in try record.update(db) }
    }

    /// Removes a connector; `false` when absent.
    public func deleteConnector(id: Int64) async throws -> Bool {
        try await write { db in try ConnectorRecord.deleteOne(db, key: id) }
    }
}
