import Foundation
import GRDB
import PublicAPI

/// One authorization decision (OCPP Authorize or StartTransaction), for authorizations v2.1. Table `authorization`.
public struct AuthorizationRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "authorization"

    /// Row id.
    public var id: Int64?
    /// Where it was asked.
    public var chargePointId: Int64?
    /// Token presented.
    public var idTag: String
    /// How (id_tag for OCPP tags).
    public var method: AuthorizationMethod
    /// accepted or rejected.
    public var status: AuthorizationDecision
    /// OCPP status when not accepted (Blocked, Expired, Invalid, ConcurrentTx).
    public var rejectionReason: String?
    /// When.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `idTag`
        public static let idTag = Column("idTag")
        /// `method`
        public static let method = Column("method")
        /// `status`
        public static let status = Column("status")
        /// `rejectionReason`
        public static let rejectionReason = Column("rejectionReason")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64? = nil, idTag: String, method: AuthorizationMethod,
        status: AuthorizationDecision, rejectionReason: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.idTag = idTag
        self.method = method
        self.status = status
        self.rejectionReason = rejectionReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
