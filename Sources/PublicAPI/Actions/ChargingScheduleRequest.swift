import Foundation

/// `chargingSchedule` of set-charging-profile (reference §5; OCPP 1.6 §7.16).
public struct ChargingScheduleRequest: Codable, Hashable, Sendable {
    /// `id`: Schedule id.
    public var id: Int?
    /// `duration`: Seconds.
    public var duration: Int?
    /// `startSchedule`: Start.
    public var startSchedule: Date?
    /// `chargingRateUnit`: A or W.
    public var chargingRateUnit: ChargingRateUnit
    /// `chargingSchedulePeriod`: Periods.
    public var chargingSchedulePeriod: [ChargingSchedulePeriod]
    /// `minChargingRate`: Minimum rate.
    public var minChargingRate: Double?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, duration: Int? = nil, startSchedule: Date? = nil, chargingRateUnit: ChargingRateUnit,
        chargingSchedulePeriod: [ChargingSchedulePeriod], minChargingRate: Double? = nil
    ) {
        self.id = id
        self.duration = duration
        self.startSchedule = startSchedule
        self.chargingRateUnit = chargingRateUnit
        self.chargingSchedulePeriod = chargingSchedulePeriod
        self.minChargingRate = minChargingRate
    }
}
