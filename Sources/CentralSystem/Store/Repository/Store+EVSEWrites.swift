import Foundation
import GRDB

extension Store {

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

    /// Removes a connector; `false` when absent.
    public func deleteConnector(id: Int64) async throws -> Bool {
        try await write { db in try ConnectorRecord.deleteOne(db, key: id) }
    }
}
