import Foundation

/// `chargingSchedule` of set-charging-profile (reference §5; OCPP 1.6 §7.16).
public struct ChargingScheduleBody: Codable, Hashable, Sendable {
    /// `id`: Schedule id.
    public var id: Int?
    /// `duration`: Seconds.
    public var duration: Int?
    /// `startSchedule`: Start.
    public var startSchedule: Date?
    /// `chargingRateUnit`: A or W.
    public var chargingRateUnit: RateUnit
    /// `chargingSchedulePeriod`: Periods.
    public var chargingSchedulePeriod: [SchedulePeriod]
    /// `minChargingRate`: Minimum rate.
    public var minChargingRate: Double?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, duration: Int? = nil, startSchedule: Date? = nil, chargingRateUnit: RateUnit,
        chargingSchedulePeriod: [SchedulePeriod], minChargingRate: Double? = nil
    ) {
        self.id = id
        self.duration = duration
        self.startSchedule = startSchedule
        self.chargingRateUnit = chargingRateUnit
        self.chargingSchedulePeriod = chargingSchedulePeriod
        self.minChargingRate = minChargingRate
    }
}
