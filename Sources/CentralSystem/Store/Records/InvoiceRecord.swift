import Foundation
import GRDB
import PublicAPI

/// An invoices v1.0 document, one per payment transaction. Table `invoice`.
public struct InvoiceRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "invoice"

    /// Row id.
    public var id: Int64?
    /// Document kind.
    public var type: InvoiceType
    /// Printed number; unique.
    public var number: String
    /// Issue date.
    public var date: Date
    /// First covered transaction.
    public var periodFrom: Date?
    /// Last covered transaction.
    public var periodTo: Date?
    /// Energy billed, Wh.
    public var totalEnergyWh: Double?
    /// Incl. tax.
    public var totalAmount: Decimal
    /// Tax percent.
    public var taxRate: Int
    /// Tax.
    public var taxAmount: Decimal
    /// What is billed.
    public var service: String
    /// Quantity.
    public var quantity: Decimal
    /// Unit price.
    public var unitPrice: Decimal
    /// Pre-tax.
    public var subtotal: Decimal
    /// ISO 4217.
    public var currency: String
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `type`
        public static let type = Column("type")
        /// `number`
        public static let number = Column("number")
        /// `date`
        public static let date = Column("date")
        /// `periodFrom`
        public static let periodFrom = Column("periodFrom")
        /// `periodTo`
        public static let periodTo = Column("periodTo")
        /// `totalEnergyWh`
        public static let totalEnergyWh = Column("totalEnergyWh")
        /// `totalAmount`
        public static let totalAmount = Column("totalAmount")
        /// `taxRate`
        public static let taxRate = Column("taxRate")
        /// `taxAmount`
        public static let taxAmount = Column("taxAmount")
        /// `service`
        public static let service = Column("service")
        /// `quantity`
        public static let quantity = Column("quantity")
        /// `unitPrice`
        public static let unitPrice = Column("unitPrice")
        /// `subtotal`
        public static let subtotal = Column("subtotal")
        /// `currency`
        public static let currency = Column("currency")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, type: InvoiceType, number: String, date: Date, periodFrom: Date? = nil, periodTo: Date? = nil,
        totalEnergyWh: Double? = nil, totalAmount: Decimal, taxRate: Int, taxAmount: Decimal, service: String,
        quantity: Decimal, unitPrice: Decimal, subtotal: Decimal, currency: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.type = type
        self.number = number
        self.date = date
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.totalEnergyWh = totalEnergyWh
        self.totalAmount = totalAmount
        self.taxRate = taxRate
        self.taxAmount = taxAmount
        self.service = service
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.subtotal = subtotal
        self.currency = currency
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
