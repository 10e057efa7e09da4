import Foundation
import GRDB
import PublicAPI

/// A physical connector (plug or socket) of an EVSE. Table `connector`.
public struct ConnectorRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "connector"

    /// Row id.
    public var id: Int64?
    /// Owning EVSE.
    public var evseId: Int64
    /// Plug type.
    public var type: ConnectorType
    /// socket or cable.
    public var format: ConnectorFormat?
    /// enabled or disabled.
    public var adminStatus: AdminStatus
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `evseId`
        public static let evseId = Column("evseId")
        /// `type`
        public static let type = Column("type")
        /// `format`
        public static let format = Column("format")
        /// `adminStatus`
        public static let adminStatus = Column("adminStatus")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, evseId: Int64, type: ConnectorType, format: ConnectorFormat? = nil, adminStatus: AdminStatus,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.evseId = evseId
        self.type = type
        self.format = format
        self.adminStatus = adminStatus
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
