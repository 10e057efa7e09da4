import Foundation
import GRDB

/// A Public API bearer token, stored as a hash only. Table `api_token`.
public struct APITokenRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "api_token"

    /// Row id.
    public var id: Int64?
    /// SHA-256 of the token, hex; unique.
    public var tokenHash: String
    /// What it is for.
    public var name: String
    /// Creation.
    public var createdAt: Date
    /// Last use.
    public var lastUsedAt: Date?

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `tokenHash`
        public static let tokenHash = Column("tokenHash")
        /// `name`
        public static let name = Column("name")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `lastUsedAt`
        public static let lastUsedAt = Column("lastUsedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(id: Int64? = nil, tokenHash: String, name: String, createdAt: Date, lastUsedAt: Date? = nil) {
        self.id = id
        self.tokenHash = tokenHash
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
