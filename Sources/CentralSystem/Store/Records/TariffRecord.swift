import Foundation
import GRDB
import PublicAPI

/// A `duration+energy` tariff: price per kWh, per started period, and a connection fee. Table `tariff`.
public struct TariffRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "tariff"

    /// Row id.
    public var id: Int64?
    /// Name.
    public var name: String
    /// Pricing model.
    public var type: TariffType
    /// ISO 4217.
    public var currency: String
    /// Per kWh.
    public var pricePerKwh: Decimal?
    /// Period length.
    public var pricePeriodInMinutes: Int?
    /// Per started period.
    public var pricePerPeriod: Decimal?
    /// At start.
    public var connectionFee: Decimal?
    /// Minimum price.
    public var minPrice: Decimal?
    /// Tax percent applied on top.
    public var taxPercentage: Decimal
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `name`
        public static let name = Column("name")
        /// `type`
        public static let type = Column("type")
        /// `currency`
        public static let currency = Column("currency")
        /// `pricePerKwh`
        public static let pricePerKwh = Column("pricePerKwh")
        /// `pricePeriodInMinutes`
        public static let pricePeriodInMinutes = Column("pricePeriodInMinutes")
        /// `pricePerPeriod`
        public static let pricePerPeriod = Column("pricePerPeriod")
        /// `connectionFee`
        public static let connectionFee = Column("connectionFee")
        /// `minPrice`
        public static let minPrice = Column("minPrice")
        /// `taxPercentage`
        public static let taxPercentage = Column("taxPercentage")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, name: String, type: TariffType, currency: String, pricePerKwh: Decimal? = nil,
        pricePeriodInMinutes: Int? = nil, pricePerPeriod: Decimal? = nil, connectionFee: Decimal? = nil,
        minPrice: Decimal? = nil, taxPercentage: Decimal, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.currency = currency
        self.pricePerKwh = pricePerKwh
        self.pricePeriodInMinutes = pricePeriodInMinutes
        self.pricePerPeriod = pricePerPeriod
        self.connectionFee = connectionFee
        self.minPrice = minPrice
        self.taxPercentage = taxPercentage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
