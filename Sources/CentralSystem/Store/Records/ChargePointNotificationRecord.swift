import Foundation
import GRDB

/// A firmware, diagnostics or log upload status report, or a security event, from a charger
/// (OCPP 1.6 §4.4, §4.5; security extension LogStatusNotification, SignedFirmwareStatusNotification,
/// SecurityEventNotification). Table `charge_point_notification`.
public struct ChargePointNotificationRecord: Codable, Hashable, Sendable, FetchableRecord,
    MutablePersistableRecord
{
    /// The table.
    public static let databaseTableName = "charge_point_notification"

    /// Row id.
    public var id: Int64?
    /// The charge point (system id).
    public var chargePointId: Int64
    /// The OCPP action, e.g. `SecurityEventNotification`.
    public var notification: String
    /// The reported status (OCPP spelling), `nil` for security events.
    public var status: String?
    /// The request id of GetLog / SignedUpdateFirmware it reports on.
    public var requestId: Int?
    /// Security events: the OCPP event type, e.g. `StartupOfTheDevice`.
    public var eventType: String?
    /// Security events: the charger's free-text detail.
    public var techInfo: String?
    /// Security events: whether the security whitepaper marks the type critical.
    public var critical: Bool?
    /// Security events: when the charger says it happened.
    public var timestamp: Date?
    /// When the central system received it.
    public var receivedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `notification`
        public static let notification = Column("notification")
        /// `status`
        public static let status = Column("status")
        /// `requestId`
        public static let requestId = Column("requestId")
        /// `eventType`
        public static let eventType = Column("eventType")
        /// `techInfo`
        public static let techInfo = Column("techInfo")
        /// `critical`
        public static let critical = Column("critical")
        /// `timestamp`
        public static let timestamp = Column("timestamp")
        /// `receivedAt`
        public static let receivedAt = Column("receivedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, notification: String, status: String? = nil, requestId: Int? = nil,
        eventType: String? = nil, techInfo: String? = nil, critical: Bool? = nil, timestamp: Date? = nil,
        receivedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.notification = notification
        self.status = status
        self.requestId = requestId
        self.eventType = eventType
        self.techInfo = techInfo
        self.critical = critical
        self.timestamp = timestamp
        self.receivedAt = receivedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
