import Foundation
import GRDB
import PublicAPI

/// An EVSE of a charge point; in OCPP 1.6 one EVSE per connector, `networkId` = OCPP connectorId. Table `evse`.
public struct EVSERecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "evse"

    /// Row id, the API's EVSE system id.
    public var id: Int64?
    /// Owning charge point.
    public var chargePointId: Int64
    /// OCPP connectorId (≥ 1), unique per charge point.
    public var networkId: Int
    /// Label shown to drivers.
    public var physicalReference: String
    /// ac or dc.
    public var currentType: CurrentType
    /// Administrative status.
    public var adminStatus: AdminStatus
    /// Last StatusNotification status, `nil` until reported.
    public var hardwareStatus: EVSEHardwareStatus?
    /// Time of that status.
    public var lastStatusAt: Date?
    /// Its OCPP errorCode.
    public var errorCode: String?
    /// Its info.
    public var info: String?
    /// Its vendorId.
    public var vendorId: String?
    /// Its vendorErrorCode.
    public var vendorErrorCode: String?
    /// Maximum power, W.
    public var maxPower: Int?
    /// Tariff applied to sessions here, `nil` = free.
    public var tariffId: Int64?
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `networkId`
        public static let networkId = Column("networkId")
        /// `physicalReference`
        public static let physicalReference = Column("physicalReference")
        /// `currentType`
        public static let currentType = Column("currentType")
        /// `adminStatus`
        public static let adminStatus = Column("adminStatus")
        /// `hardwareStatus`
        public static let hardwareStatus = Column("hardwareStatus")
        /// `lastStatusAt`
        public static let lastStatusAt = Column("lastStatusAt")
        /// `errorCode`
        public static let errorCode = Column("errorCode")
        /// `info`
        public static let info = Column("info")
        /// `vendorId`
        public static let vendorId = Column("vendorId")
        /// `vendorErrorCode`
        public static let vendorErrorCode = Column("vendorErrorCode")
        /// `maxPower`
        public static let maxPower = Column("maxPower")
        /// `tariffId`
        public static let tariffId = Column("tariffId")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, networkId: Int, physicalReference: String, currentType: CurrentType,
        adminStatus: AdminStatus, hardwareStatus: EVSEHardwareStatus? = nil, lastStatusAt: Date? = nil,
        errorCode: String? = nil, info: String? = nil, vendorId: String? = nil, vendorErrorCode: String? = nil,
        maxPower: Int? = nil, tariffId: Int64? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.networkId = networkId
        self.physicalReference = physicalReference
        self.currentType = currentType
        self.adminStatus = adminStatus
        self.hardwareStatus = hardwareStatus
        self.lastStatusAt = lastStatusAt
        self.errorCode = errorCode
        self.info = info
        self.vendorId = vendorId
        self.vendorErrorCode = vendorErrorCode
        self.maxPower = maxPower
        self.tariffId = tariffId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
