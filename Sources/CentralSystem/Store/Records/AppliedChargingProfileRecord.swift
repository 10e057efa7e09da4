import Foundation
import GRDB

/// The last charging profile a charger accepted on one connector (SetChargingProfile, OCPP 1.6
/// §5.16), kept as the API shows it. Table `applied_charging_profile`.
public struct AppliedChargingProfileRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "applied_charging_profile"

    /// Row id.
    public var id: Int64?
    /// Charge point.
    public var chargePointId: Int64
    /// OCPP connectorId it was set on; 0 = the whole charge point. Unique per charge point.
    public var connectorId: Int
    /// The OCPP chargingProfileId.
    public var profileId: Int
    /// The profile as charge point v2.0 `chargingProfile` shows it, JSON.
    public var profile: String
    /// When the charger accepted it.
    public var appliedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `connectorId`
        public static let connectorId = Column("connectorId")
        /// `profileId`
        public static let profileId = Column("profileId")
        /// `profile`
        public static let profile = Column("profile")
        /// `appliedAt`
        public static let appliedAt = Column("appliedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, connectorId: Int, profileId: Int, profile: String, appliedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.connectorId = connectorId
        self.profileId = profileId
        self.profile = profile
        self.appliedAt = appliedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
