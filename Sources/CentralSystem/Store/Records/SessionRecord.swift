import Foundation
import GRDB
import PublicAPI

/// A charging session: one OCPP transaction on one EVSE. Table `session`.
public struct SessionRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "session"

    /// Row id; the API shows it as a string.
    public var id: Int64?
    /// Charge point.
    public var chargePointId: Int64
    /// EVSE.
    public var evseId: Int64
    /// OCPP connectorId of the StartTransaction.
    public var connectorId: Int
    /// Token that started it.
    public var idTag: String
    /// Its authorization.
    public var authorizationId: Int64?
    /// OCPP transactionId given to the charger; unique per charge point.
    public var transactionId: Int
    /// active, finished, ...
    public var status: SessionStatus
    /// StartTransaction timestamp.
    public var startedAt: Date
    /// StopTransaction timestamp.
    public var stoppedAt: Date?
    /// Register at start, Wh.
    public var meterStart: Int
    /// Register at stop, Wh.
    public var meterStop: Int?
    /// Energy so far, Wh.
    public var energyWh: Double
    /// Last power, W.
    public var powerLatestW: Double?
    /// Peak power, W.
    public var powerPeakW: Double?
    /// Average power, W.
    public var powerAverageW: Double?
    /// Last state of charge.
    public var socPercent: Double?
    /// Why it ended.
    public var reason: SessionReason?
    /// OCPP reservationId it consumed.
    public var reservationId: Int?
    /// Tariff frozen at start.
    public var tariffSnapshotId: Int64?
    /// Price incl. tax, set at stop.
    public var totalAmountWithTax: Decimal?
    /// Price excl. tax.
    public var totalAmountWithoutTax: Decimal?
    /// ISO 4217.
    public var currency: String?
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date
    /// MeterValues messages applied to this session while active, whether their samples were new
    /// or already stored (a replay, or a second reading of the same instant): the keep-up count
    /// per transaction. Late ones (after the stop) keep their samples but leave the session as is.
    public var meterValuesCount: Int = 0
    /// When the latest sample with an energy register was taken, ms since 1970; `nil` before the
    /// first. With ``powerSampleMs`` and ``socSampleMs``: energy, power and SoC follow the latest
    /// sample of each by timestamp, kept up from the rows each MeterValues writes rather than read
    /// back from the session's samples (issue 11).
    public var energySampleMs: Int64?
    /// When the latest sample with power was taken, ms since 1970.
    public var powerSampleMs: Int64?
    /// When the latest sample with SoC was taken, ms since 1970.
    public var socSampleMs: Int64?

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `evseId`
        public static let evseId = Column("evseId")
        /// `connectorId`
        public static let connectorId = Column("connectorId")
        /// `idTag`
        public static let idTag = Column("idTag")
        /// `authorizationId`
        public static let authorizationId = Column("authorizationId")
        /// `transactionId`
        public static let transactionId = Column("transactionId")
        /// `status`
        public static let status = Column("status")
        /// `startedAt`
        public static let startedAt = Column("startedAt")
        /// `stoppedAt`
        public static let stoppedAt = Column("stoppedAt")
        /// `meterStart`
        public static let meterStart = Column("meterStart")
        /// `meterStop`
        public static let meterStop = Column("meterStop")
        /// `energyWh`
        public static let energyWh = Column("energyWh")
        /// `powerLatestW`
        public static let powerLatestW = Column("powerLatestW")
        /// `powerPeakW`
        public static let powerPeakW = Column("powerPeakW")
        /// `powerAverageW`
        public static let powerAverageW = Column("powerAverageW")
        /// `socPercent`
        public static let socPercent = Column("socPercent")
        /// `reason`
        public static let reason = Column("reason")
        /// `reservationId`
        public static let reservationId = Column("reservationId")
        /// `tariffSnapshotId`
        public static let tariffSnapshotId = Column("tariffSnapshotId")
        /// `totalAmountWithTax`
        public static let totalAmountWithTax = Column("totalAmountWithTax")
        /// `totalAmountWithoutTax`
        public static let totalAmountWithoutTax = Column("totalAmountWithoutTax")
        /// `currency`
        public static let currency = Column("currency")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
        /// `meterValuesCount`
        public static let meterValuesCount = Column("meterValuesCount")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, evseId: Int64, connectorId: Int, idTag: String,
        authorizationId: Int64? = nil, transactionId: Int, status: SessionStatus, startedAt: Date,
        stoppedAt: Date? = nil, meterStart: Int, meterStop: Int? = nil, energyWh: Double, powerLatestW: Double? = nil,
        powerPeakW: Double? = nil, powerAverageW: Double? = nil, socPercent: Double? = nil,
        reason: SessionReason? = nil, reservationId: Int? = nil, tariffSnapshotId: Int64? = nil,
        totalAmountWithTax: Decimal? = nil, totalAmountWithoutTax: Decimal? = nil, currency: String? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.connectorId = connectorId
        self.idTag = idTag
        self.authorizationId = authorizationId
        self.transactionId = transactionId
        self.status = status
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.meterStart = meterStart
        self.meterStop = meterStop
        self.energyWh = energyWh
        self.powerLatestW = powerLatestW
        self.powerPeakW = powerPeakW
        self.powerAverageW = powerAverageW
        self.socPercent = socPercent
        self.reason = reason
        self.reservationId = reservationId
        self.tariffSnapshotId = tariffSnapshotId
        self.totalAmountWithTax = totalAmountWithTax
        self.totalAmountWithoutTax = totalAmountWithoutTax
        self.currency = currency
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Reads a row by hand: every MeterValues reads its session, and the `Decodable` row decoder
    /// was 8 % of a busy central system's CPU (issue 11). Column for column what that decoder
    /// reads (decimals through their database conversions, dates through ``StoredDate``, which
    /// reads GRDB's text without a Calendar); a value of the wrong type throws, as it did there.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        chargePointId = try row.decode(forColumn: "chargePointId")
        evseId = try row.decode(forColumn: "evseId")
        connectorId = try row.decode(forColumn: "connectorId")
        idTag = try row.decode(forColumn: "idTag")
        authorizationId = try row.decode(forColumn: "authorizationId")
        transactionId = try row.decode(forColumn: "transactionId")
        status = SessionStatus(rawValue: try row.decode(String.self, forColumn: "status"))
        startedAt = try row.storedDate(forColumn: "startedAt")
        stoppedAt = try row.storedDateIfPresent(forColumn: "stoppedAt")
        meterStart = try row.decode(forColumn: "meterStart")
        meterStop = try row.decode(forColumn: "meterStop")
        energyWh = try row.decode(forColumn: "energyWh")
        powerLatestW = try row.decode(forColumn: "powerLatestW")
        powerPeakW = try row.decode(forColumn: "powerPeakW")
        powerAverageW = try row.decode(forColumn: "powerAverageW")
        socPercent = try row.decode(forColumn: "socPercent")
        reason = try row.decode(String?.self, forColumn: "reason").map(SessionReason.init(rawValue:))
        reservationId = try row.decode(forColumn: "reservationId")
        tariffSnapshotId = try row.decode(forColumn: "tariffSnapshotId")
        totalAmountWithTax = try row.decode(forColumn: "totalAmountWithTax")
        totalAmountWithoutTax = try row.decode(forColumn: "totalAmountWithoutTax")
        currency = try row.decode(forColumn: "currency")
        createdAt = try row.storedDate(forColumn: "createdAt")
        updatedAt = try row.storedDate(forColumn: "updatedAt")
        meterValuesCount = try row.decode(forColumn: "meterValuesCount")
        energySampleMs = try row.decode(forColumn: "energySampleMs")
        powerSampleMs = try row.decode(forColumn: "powerSampleMs")
        socSampleMs = try row.decode(forColumn: "socSampleMs")
    }
}
