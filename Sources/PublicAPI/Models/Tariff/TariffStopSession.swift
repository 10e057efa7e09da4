/// Tariff `stopSession` (reference §4.14).
public struct TariffStopSession: Codable, Hashable, Sendable {
    /// `timeLimitMinutes`: Stop after minutes.
    public var timeLimitMinutes: Int?
    /// `stopWhenEnergyExceedsKwh`: Stop after kWh.
    public var stopWhenEnergyExceedsKwh: Double?

    /// Creates the value; optional fields default to absent.
    public init(timeLimitMinutes: Int? = nil, stopWhenEnergyExceedsKwh: Double? = nil) {
        self.timeLimitMinutes = timeLimitMinutes
        self.stopWhenEnergyExceedsKwh = stopWhenEnergyExceedsKwh
    }
}
