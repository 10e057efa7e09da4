import Foundation
import OCPP16
import PublicAPI

/// Turns the API's charging profile body (reference §5, set-charging-profile) into OCPP 1.6's
/// `ChargingProfile` (§7.8), naming the offending field on a 422.
enum ChargingProfileConversion {
    static func profile(_ body: SetChargingProfileBody, id: Int, field prefix: String = "") throws(APIFailure)
        -> ChargingProfile
    {
        let purpose: ChargingProfilePurpose
        switch body.chargingProfilePurpose {
        case .chargePointMaxProfile: purpose = .chargePointMaxProfile
        case .txDefaultProfile: purpose = .txDefaultProfile
        case .txProfile: purpose = .txProfile
        case .unknown:
            throw .invalid(prefix + "chargingProfilePurpose", "The selected chargingProfilePurpose is invalid.")
        }
        let kind: ChargingProfileKind
        switch body.chargingProfileKind {
        case .absolute: kind = .absolute
        case .recurring: kind = .recurring
        case .relative: kind = .relative
        case .unknown: throw .invalid(prefix + "chargingProfileKind", "The selected chargingProfileKind is invalid.")
        }
        var recurrency: RecurrencyKind?
        switch body.recurrencyKind {
        case .none: recurrency = nil
        case .daily: recurrency = .daily
        case .weekly: recurrency = .weekly
        case .unknown: throw .invalid(prefix + "recurrencyKind", "The selected recurrencyKind is invalid.")
        }
        if kind == .recurring, recurrency == nil {
            throw .invalid(prefix + "recurrencyKind", "The recurrencyKind is required for a Recurring profile.")
        }
        guard body.stackLevel >= 0 else { throw .invalid(prefix + "stackLevel", "The stackLevel must be at least 0.") }
        let schedule = body.chargingSchedule
        let unit: ChargingRateUnit
        switch schedule.chargingRateUnit {
        case .amperes: unit = .a
        case .watts: unit = .w
        case .unknown:
            throw .invalid(prefix + "chargingSchedule.chargingRateUnit", "The chargingRateUnit must be A or W.")
        }
        guard !schedule.chargingSchedulePeriod.isEmpty else {
            throw .invalid(
                prefix + "chargingSchedule.chargingSchedulePeriod", "The chargingSchedulePeriod must not be empty.")
        }
        var periods: [ChargingSchedulePeriod] = []
        for (index, period) in schedule.chargingSchedulePeriod.enumerated() {
            let field = prefix + "chargingSchedule.chargingSchedulePeriod.\(index)"
            guard period.startPeriod >= 0 else {
                throw .invalid(field + ".startPeriod", "The startPeriod must be ≥ 0.")
            }
            guard period.limit.isFinite, period.limit >= 0 else {
                throw .invalid(field + ".limit", "The limit must be a non-negative number.")
            }
            if let phases = period.numberPhases, !(1...3).contains(phases) {
                throw .invalid(field + ".numberPhases", "The numberPhases must be 1, 2 or 3.")
            }
            periods.append(
                ChargingSchedulePeriod(
                    startPeriod: period.startPeriod, limit: DecimalTenths(rounding: period.limit),
                    numberPhases: period.numberPhases))
        }
        return ChargingProfile(
            chargingProfileId: id, transactionId: body.transactionId, stackLevel: body.stackLevel,
            chargingProfilePurpose: purpose, chargingProfileKind: kind, recurrencyKind: recurrency,
            validFrom: body.validFrom.map(OCPPTimestamp.init), validTo: body.validTo.map(OCPPTimestamp.init),
            chargingSchedule: ChargingSchedule(
                duration: schedule.duration, startSchedule: schedule.startSchedule.map(OCPPTimestamp.init),
                chargingRateUnit: unit, chargingSchedulePeriod: periods,
                minChargingRate: schedule.minChargingRate.map { DecimalTenths(rounding: $0) }))
    }
}
