import Foundation
import GRDB
import PublicAPI

/// A reservations v1.0 reservation (OCPP ReserveNow). Table `reservation`.
public struct ReservationRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "reservation"

    /// Row id; the OCPP reservationId.
    public var id: Int64?
    /// Charge point.
    public var chargePointId: Int64
    /// EVSE.
    public var evseId: Int64
    /// User.
    public var userId: Int64
    /// Token the reservation is for.
    public var idTag: String
    /// active, expired, canceled, done.
    public var status: ReservationState
    /// Start.
    public var reservedAt: Date
    /// Length.
    public var durationMinutes: Int
    /// Cancellation.
    public var canceledAt: Date?
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
        /// `evseId`
        public static let evseId = Column("evseId")
        /// `userId`
        public static let userId = Column("userId")
        /// `idTag`
        public static let idTag = Column("idTag")
        /// `status`
        public static let status = Column("status")
        /// `reservedAt`
        public static let reservedAt = Column("reservedAt")
        /// `durationMinutes`
        public static let durationMinutes = Column("durationMinutes")
        /// `canceledAt`
        public static let canceledAt = Column("canceledAt")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, evseId: Int64, userId: Int64, idTag: String, status: ReservationState,
        reservedAt: Date, durationMinutes: Int, canceledAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.userId = userId
        self.idTag = idTag
        self.status = status
        self.reservedAt = reservedAt
        self.durationMinutes = durationMinutes
        self.canceledAt = canceledAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
