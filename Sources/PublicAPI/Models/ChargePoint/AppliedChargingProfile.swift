import Foundation

/// A charging profile as charge point v2.0 and EVSE v2.1 show it (reference §4.1, §4.4).
public struct AppliedChargingProfile: Codable, Hashable, Sendable {
    /// `id`: Profile id.
    public var id: Int?
    /// `minChargingRate`: Minimum rate.
    public var minChargingRate: Double?
    /// `schedulePeriods`: Schedule periods.
    public var schedulePeriods: [SchedulePeriod]?
    /// `scheduleStart`: Schedule start.
    public var scheduleStart: Date?
    /// `chargingRateUnit`: A or W.
    public var chargingRateUnit: RateUnit?
    /// `stackLevel`: Stack level.
    public var stackLevel: Int?
    /// `chargingProfileKind`: Absolute, Recurring or Relative.
    public var chargingProfileKind: ProfileKind?
    /// `recurrencyKind`: Daily or Weekly.
    public var recurrencyKind: ProfileRecurrency?
    /// `chargingCompleteAt`: Expected completion.
    public var chargingCompleteAt: Date?
    /// `purpose`: Profile purpose.
    public var purpose: ProfilePurpose?
    /// `validFrom`: Valid from.
    public var validFrom: Date?
    /// `validTo`: Valid to.
    public var validTo: Date?
    /// `duration`: Duration in seconds.
    public var duration: Int?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, minChargingRate: Double? = nil, schedulePeriods: [SchedulePeriod]? = nil,
        scheduleStart: Date? = nil, chargingRateUnit: RateUnit? = nil, stackLevel: Int? = nil,
        chargingProfileKind: ProfileKind? = nil, recurrencyKind: ProfileRecurrency? = nil,
        chargingCompleteAt: Date? = nil, purpose: ProfilePurpose? = nil, validFrom: Date? = nil, validTo: Date? = nil,
        duration: Int? = nil
    ) {
        self.id = id
        self.minChargingRate = minChargingRate
        self.schedulePeriods = schedulePeriods
        self.scheduleStart = scheduleStart
        self.chargingRateUnit = chargingRateUnit
        self.stackLevel = stackLevel
        self.chargingProfileKind = chargingProfileKind
        self.recurrencyKind = recurrencyKind
        self.chargingCompleteAt = chargingCompleteAt
        self.purpose = purpose
        self.validFrom = validFrom
        self.validTo = validTo
        self.duration = duration
    }
}
