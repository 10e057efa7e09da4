import Foundation
import GRDB
import PublicAPI

/// An id tag the central system authorizes (OCPP 1.6 IdToken; API id tags v2.0). Table `id_tag`.
public struct IdTagRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "id_tag"

    /// Row id.
    public var id: Int64?
    /// The token (OCPP idTag, API idTagUid); unique.
    public var idTag: String
    /// Label.
    public var label: String?
    /// enabled, disabled or suspended.
    public var status: IdTagStatus
    /// rfid, mac_address, ...
    public var type: IdTagType
    /// Expiry, `nil` = never.
    public var expiresAt: Date?
    /// OCPP parentIdTag (another tag's token).
    public var parentIdTag: String?
    /// Owning user.
    public var userId: Int64?
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `idTag`
        public static let idTag = Column("idTag")
        /// `label`
        public static let label = Column("label")
        /// `status`
        public static let status = Column("status")
        /// `type`
        public static let type = Column("type")
        /// `expiresAt`
        public static let expiresAt = Column("expiresAt")
        /// `parentIdTag`
        public static let parentIdTag = Column("parentIdTag")
        /// `userId`
        public static let userId = Column("userId")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, idTag: String, label: String? = nil, status: IdTagStatus, type: IdTagType,
        expiresAt: Date? = nil, parentIdTag: String? = nil, userId: Int64? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.idTag = idTag
        self.label = label
        self.status = status
        self.type = type
        self.expiresAt = expiresAt
        self.parentIdTag = parentIdTag
        self.userId = userId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
