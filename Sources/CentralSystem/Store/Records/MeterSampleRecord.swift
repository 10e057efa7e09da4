import Foundation
import GRDB

/// One MeterValues sample of a session (energy, power, SoC at one timestamp). Table `meter_sample`.
public struct MeterSampleRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "meter_sample"

    /// Row id.
    public var id: Int64?
    /// Session.
    public var sessionId: Int64
    /// Sample time; unique per session.
    public var timestamp: Date
    /// Import register, Wh.
    public var energyWh: Double?
    /// Active import power, W.
    public var powerW: Double?
    /// State of charge.
    public var socPercent: Double?

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `sessionId`
        public static let sessionId = Column("sessionId")
        /// `timestamp`
        public static let timestamp = Column("timestamp")
        /// `energyWh`
        public static let energyWh = Column("energyWh")
        /// `powerW`
        public static let powerW = Column("powerW")
        /// `socPercent`
        public static let socPercent = Column("socPercent")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, sessionId: Int64, timestamp: Date, energyWh: Double? = nil, powerW: Double? = nil,
        socPercent: Double? = nil
    ) {
        self.id = id
        self.sessionId = sessionId
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
