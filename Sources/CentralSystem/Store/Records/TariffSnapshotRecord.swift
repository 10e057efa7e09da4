import Foundation
import GRDB
import PublicAPI

/// A tariff frozen at session start; never updated. Table `tariff_snapshot`.
public struct TariffSnapshotRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "tariff_snapshot"

    /// Row id.
    public var id: Int64?
    /// Source tariff, `nil` once it is deleted.
    public var tariffId: Int64?
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
    /// Per period.
    public var pricePerPeriod: Decimal?
    /// At start.
    public var connectionFee: Decimal?
    /// Minimum price.
    public var minPrice: Decimal?
    /// Tax percent.
    public var taxPercentage: Decimal
    /// When taken.
    public var createdAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `tariffId`
        public static let tariffId = Column("tariffId")
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
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, tariffId: Int64? = nil, name: String, type: TariffType, currency: String,
        pricePerKwh: Decimal? = nil, pricePeriodInMinutes: Int? = nil, pricePerPeriod: Decimal? = nil,
        connectionFee: Decimal? = nil, minPrice: Decimal? = nil, taxPercentage: Decimal, createdAt: Date
    ) {
        self.id = id
        self.tariffId = tariffId
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
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
