import Foundation
import GRDB

/// A location (Public API locations v2.0, minimal): the last written body as JSON. Table `location`.
public struct LocationRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "location"

    /// Row id, the API's location id.
    public var id: Int64?
    /// The `LocationWrite` body as JSON text.
    public var document: String
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `document`
        public static let document = Column("document")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(id: Int64? = nil, document: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.document = document
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Takes the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
