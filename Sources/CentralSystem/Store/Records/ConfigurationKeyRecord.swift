import Foundation
import GRDB

/// A cached OCPP configuration key of a charge point (GetConfiguration result). Table `charge_point_configuration`.
public struct ConfigurationKeyRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "charge_point_configuration"

    /// Row id.
    public var id: Int64?
    /// Charge point.
    public var chargePointId: Int64
    /// Key name; unique per charge point.
    public var key: String
    /// Value.
    public var value: String?
    /// Read-only on the charger.
    public var readonly: Bool
    /// When last read or set.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `key`
        public static let key = Column("key")
        /// `value`
        public static let value = Column("value")
        /// `readonly`
        public static let readonly = Column("readonly")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, key: String, value: String? = nil, readonly: Bool, updatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.key = key
        self.value = value
        self.readonly = readonly
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
