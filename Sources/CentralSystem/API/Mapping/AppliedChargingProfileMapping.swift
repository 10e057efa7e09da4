import Foundation
import OCPP16
import PublicAPI

extension AppliedChargingProfile {
    /// Charge point v2.0 / EVSE `chargingProfile` (reference §4.1) from the OCPP profile a charger
    /// accepted; `chargingCompleteAt` is not known to a 1.6 back end and stays absent.
    init(profile: ChargingProfile) {
        let schedule = profile.chargingSchedule
        self.init(
            id: profile.chargingProfileId, minChargingRate: schedule.minChargingRate?.value,
            schedulePeriods: schedule.chargingSchedulePeriod.map {
                SchedulePeriod(startPeriod: $0.startPeriod, limit: $0.limit.value, numberPhases: $0.numberPhases)
            },
            scheduleStart: schedule.startSchedule?.date,
            chargingRateUnit: RateUnit(rawValue: schedule.chargingRateUnit.rawValue),
            stackLevel: profile.stackLevel,
            chargingProfileKind: ProfileKind(rawValue: profile.chargingProfileKind.rawValue),
            recurrencyKind: profile.recurrencyKind.map { ProfileRecurrency(rawValue: $0.rawValue) },
            purpose: ProfilePurpose(rawValue: profile.chargingProfilePurpose.rawValue),
            validFrom: profile.validFrom?.date, validTo: profile.validTo?.date, duration: schedule.duration)
    }
}
