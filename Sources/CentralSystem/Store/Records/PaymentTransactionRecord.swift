import Foundation
import GRDB
import PublicAPI

/// A transactions v1.0 payment (one `finalized` internal transaction per priced session). Table `transaction`.
public struct PaymentTransactionRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "transaction"

    /// Row id.
    public var id: Int64?
    /// Session paid for.
    public var sessionId: Int64?
    /// finalized, ...
    public var status: TransactionStatus
    /// Amount.
    public var totalAmount: Decimal
    /// ISO 4217.
    public var currency: String
    /// Reference.
    public var ref: String
    /// What was bought.
    public var purchaseResourceType: PurchaseResourceType
    /// Invoice.
    public var invoiceId: Int64?
    /// Finalisation.
    public var finalizedAt: Date?
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `sessionId`
        public static let sessionId = Column("sessionId")
        /// `status`
        public static let status = Column("status")
        /// `totalAmount`
        public static let totalAmount = Column("totalAmount")
        /// `currency`
        public static let currency = Column("currency")
        /// `ref`
        public static let ref = Column("ref")
        /// `purchaseResourceType`
        public static let purchaseResourceType = Column("purchaseResourceType")
        /// `invoiceId`
        public static let invoiceId = Column("invoiceId")
        /// `finalizedAt`
        public static let finalizedAt = Column("finalizedAt")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, sessionId: Int64? = nil, status: TransactionStatus, totalAmount: Decimal, currency: String,
        ref: String, purchaseResourceType: PurchaseResourceType, invoiceId: Int64? = nil, finalizedAt: Date? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.sessionId = sessionId
        self.status = status
        self.totalAmount = totalAmount
        self.currency = currency
        self.ref = ref
        self.purchaseResourceType = purchaseResourceType
        self.invoiceId = invoiceId
        self.finalizedAt = finalizedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
