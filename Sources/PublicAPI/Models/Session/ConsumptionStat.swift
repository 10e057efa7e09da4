import Foundation

/// One point of `sessions/v1.0/{id}/consumption-stats` (reference §4.6).
public struct ConsumptionStat: Codable, Hashable, Sendable {
    /// `energy`: Cumulative energy, Wh.
    @ExplicitNull public var energy: Double?
    /// `power`: Power, W.
    @ExplicitNull public var power: Double?
    /// `timestamp`: Sample time.
    public var timestamp: Date

    /// Creates the value; optional fields default to absent.
    public init(energy: Double? = nil, power: Double? = nil, timestamp: Date) {
        self.energy = energy
        self.power = power
        self.timestamp = timestamp
    }
}
