import Foundation
import GRDB
import PublicAPI

/// A charge point the central system knows: its OCPP identity, credentials, last boot data and live state. Table `charge_point`.
public struct ChargePointRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "charge_point"

    /// Row id, the API's charge point id.
    public var id: Int64?
    /// Charge box identity, the last path segment of the OCPP URL; unique.
    public var ocppIdentity: String
    /// Hash of the Basic-auth password (security profiles 1–2), `nil` = none set.
    public var passwordHash: String?
    /// Display name.
    public var name: String?
    /// BootNotification chargePointVendor.
    public var vendor: String?
    /// BootNotification chargePointModel.
    public var model: String?
    /// BootNotification chargePointSerialNumber.
    public var serialNumber: String?
    /// BootNotification chargeBoxSerialNumber.
    public var chargeBoxSerialNumber: String?
    /// BootNotification firmwareVersion.
    public var firmwareVersion: String?
    /// BootNotification iccid.
    public var iccid: String?
    /// BootNotification imsi.
    public var imsi: String?
    /// BootNotification meterType.
    public var meterType: String?
    /// BootNotification meterSerialNumber.
    public var meterSerialNumber: String?
    /// Administrative status (`enabled`, ...).
    public var adminStatus: AdminStatus
    /// Connection state, v2.0 spelling.
    public var networkStatus: NetworkStatus
    /// Connector-0 status, `nil` until reported.
    public var hardwareStatus: ChargePointHardwareStatus?
    /// Connector-0 OCPP errorCode.
    public var errorCode: String?
    /// Connector-0 vendorErrorCode.
    public var vendorErrorCode: String?
    /// Last accepted BootNotification.
    public var lastBootAt: Date?
    /// Last Heartbeat.
    public var lastHeartbeatAt: Date?
    /// OCPP security profile in use, 0–3.
    public var securityProfile: Int
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `ocppIdentity`
        public static let ocppIdentity = Column("ocppIdentity")
        /// `passwordHash`
        public static let passwordHash = Column("passwordHash")
        /// `name`
        public static let name = Column("name")
        /// `vendor`
        public static let vendor = Column("vendor")
        /// `model`
        public static let model = Column("model")
        /// `serialNumber`
        public static let serialNumber = Column("serialNumber")
        /// `chargeBoxSerialNumber`
        public static let chargeBoxSerialNumber = Column("chargeBoxSerialNumber")
        /// `firmwareVersion`
        public static let firmwareVersion = Column("firmwareVersion")
        /// `iccid`
        public static let iccid = Column("iccid")
        /// `imsi`
        public static let imsi = Column("imsi")
        /// `meterType`
        public static let meterType = Column("meterType")
        /// `meterSerialNumber`
        public static let meterSerialNumber = Column("meterSerialNumber")
        /// `adminStatus`
        public static let adminStatus = Column("adminStatus")
        /// `networkStatus`
        public static let networkStatus = Column("networkStatus")
        /// `hardwareStatus`
        public static let hardwareStatus = Column("hardwareStatus")
        /// `errorCode`
        public static let errorCode = Column("errorCode")
        /// `vendorErrorCode`
        public static let vendorErrorCode = Column("vendorErrorCode")
        /// `lastBootAt`
        public static let lastBootAt = Column("lastBootAt")
        /// `lastHeartbeatAt`
        public static let lastHeartbeatAt = Column("lastHeartbeatAt")
        /// `securityProfile`
        public static let securityProfile = Column("securityProfile")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, ocppIdentity: String, passwordHash: String? = nil, name: String? = nil, vendor: String? = nil,
        model: String? = nil, serialNumber: String? = nil, chargeBoxSerialNumber: String? = nil,
        firmwareVersion: String? = nil, iccid: String? = nil, imsi: String? = nil, meterType: String? = nil,
        meterSerialNumber: String? = nil, adminStatus: AdminStatus, networkStatus: NetworkStatus,
        hardwareStatus: ChargePointHardwareStatus? = nil, errorCode: String? = nil, vendorErrorCode: String? = nil,
        lastBootAt: Date? = nil, lastHeartbeatAt: Date? = nil, securityProfile: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.ocppIdentity = ocppIdentity
        self.passwordHash = passwordHash
        self.name = name
        self.vendor = vendor
        self.model = model
        self.serialNumber = serialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
        self.adminStatus = adminStatus
        self.networkStatus = networkStatus
        self.hardwareStatus = hardwareStatus
        self.errorCode = errorCode
        self.vendorErrorCode = vendorErrorCode
        self.lastBootAt = lastBootAt
        self.lastHeartbeatAt = lastHeartbeatAt
        self.securityProfile = securityProfile
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
