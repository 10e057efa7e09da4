import Foundation
import GRDB

/// A MeterValues sample that belongs to no session (OCPP 1.6 §4.7): a connector's reading outside
/// a transaction (clock-aligned, triggered) or one for a transactionId the central system does not
/// know. Table `unattached_meter_sample`; one row per charge point, connector and timestamp.
public struct UnattachedMeterSampleRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "unattached_meter_sample"

    /// Row id.
    public var id: Int64?
    /// The charge point that sent it.
    public var chargePointId: Int64
    /// The MeterValues' connectorId (0: the main meter).
    public var connectorId: Int
    /// The MeterValues' transactionId when it named one (unknown to the central system).
    public var transactionId: Int?
    /// Sample time.
    public var timestamp: Date
    /// Import register, Wh.
    public var energyWh: Double?
    /// Active import power, W.
    public var powerW: Double?
    /// State of charge.
    public var socPercent: Double?

    /// The table's columns, for queries.
    public enum Columns {
        /// `chargePointId`
        public static let chargePointId = Column("chargePointId")
        /// `timestamp`
        public static let timestamp = Column("timestamp")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, chargePointId: Int64, connectorId: Int, transactionId: Int?, timestamp: Date,
        energyWh: Double? = nil, powerW: Double? = nil, socPercent: Double? = nil
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.connectorId = connectorId
        self.transactionId = transactionId
        self.timestamp = timestamp
        self.energyWh = energyWh
        self.powerW = powerW
        self.socPercent = socPercent
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
