import OCPP16
import Simulator

/// Builders shared by the smart-charging suites: timestamps, profiles and the standard limits.
enum SmartChargingFixtures {
    /// 2026-11-25T10:00:00Z, a Wednesday.
    static let t0 = timestamp("2026-11-25T10:00:00Z")

    static let limits = SmartChargingLimits(
        maxStackLevel: 8,
        allowedChargingRateUnits: [.a, .w],
        maxSchedulePeriods: 24,
        maxProfilesInstalled: 10
    )

    /// A 32 A three-phase connector's own limit.
    static let ac32 = ChargingLimit.amperes(32)

    static func timestamp(_ string: String) -> OCPPTimestamp {
        guard let timestamp = OCPPTimestamp(rfc3339: string) else { preconditionFailure("bad fixture \(string)") }
        return timestamp
    }

    static func at(_ base: OCPPTimestamp, seconds: Int64, milliseconds: Int64 = 0) -> OCPPTimestamp {
        OCPPTimestamp(millisecondsSince1970: base.millisecondsSince1970 + seconds * 1000 + milliseconds)
    }

    static func profile(
        id: Int,
        purpose: ChargingProfilePurpose = .txDefaultProfile,
        stackLevel: Int = 0,
        kind: ChargingProfileKind = .absolute,
        recurrency: RecurrencyKind? = nil,
        transactionId: Int? = nil,
        validFrom: OCPPTimestamp? = nil,
        validTo: OCPPTimestamp? = nil,
        start: OCPPTimestamp? = t0,
        duration: Int? = nil,
        unit: ChargingRateUnit = .a,
        minChargingRate: DecimalTenths? = nil,
        periods: [ChargingSchedulePeriod] = [ChargingSchedulePeriod(startPeriod: 0, limit: 16)]
    ) -> ChargingProfile {
        ChargingProfile(
            chargingProfileId: id,
            transactionId: transactionId,
            stackLevel: stackLevel,
            chargingProfilePurpose: purpose,
            chargingProfileKind: kind,
            recurrencyKind: recurrency,
            validFrom: validFrom,
            validTo: validTo,
            chargingSchedule: ChargingSchedule(
                duration: duration,
                startSchedule: start,
                chargingRateUnit: unit,
                chargingSchedulePeriod: periods,
                minChargingRate: minChargingRate
            )
        )
    }

    static func period(_ start: Int, _ limit: DecimalTenths, phases: Int? = nil) -> ChargingSchedulePeriod {
        ChargingSchedulePeriod(startPeriod: start, limit: limit, numberPhases: phases)
    }

    /// Installs `profiles` (connector, profile) in order and returns the store; every one must be accepted.
    static func store(
        _ profiles: [(Int, ChargingProfile)],
        transactions: [Int: (transactionId: Int, startedAt: OCPPTimestamp)] = [:],
        now: OCPPTimestamp = t0
    ) -> ChargingProfileStore {
        var store = ChargingProfileStore()
        for (connectorId, profile) in profiles {
            let status = store.install(
                SetChargingProfileRequest(connectorId: connectorId, csChargingProfiles: profile),
                connectorCount: 2,
                activeTransaction: { transactions[$0] },
                limits: limits,
                now: now
            )
            precondition(status == .accepted, "fixture profile \(profile.chargingProfileId) was \(status)")
        }
        return store
    }
}
