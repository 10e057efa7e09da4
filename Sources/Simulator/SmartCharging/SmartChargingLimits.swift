import Foundation
import OCPP16

/// The charger's smart-charging capacity, as its configuration keys advertise it
/// (OCPP 1.6 section 9.4, Smart Charging Profile configuration keys).
///
/// A `SetChargingProfile.req` that exceeds any of them is answered `Rejected` (section 5.16).
public struct SmartChargingLimits: Sendable, Equatable {
    /// `ChargeProfileMaxStackLevel`: the highest `stackLevel` accepted.
    public var maxStackLevel: Int
    /// `ChargingScheduleAllowedChargingRateUnit`: the units a schedule may use.
    public var allowedChargingRateUnits: Set<ChargingRateUnit>
    /// `ChargingScheduleMaxPeriods`: the most periods one schedule may hold.
    public var maxSchedulePeriods: Int
    /// `MaxChargingProfilesInstalled`: the most profiles installed at once, over all connectors.
    public var maxProfilesInstalled: Int

    public init(
        maxStackLevel: Int,
        allowedChargingRateUnits: Set<ChargingRateUnit>,
        maxSchedulePeriods: Int,
        maxProfilesInstalled: Int
    ) {
        self.maxStackLevel = maxStackLevel
        self.allowedChargingRateUnits = allowedChargingRateUnits
        self.maxSchedulePeriods = maxSchedulePeriods
        self.maxProfilesInstalled = maxProfilesInstalled
    }

    /// The limits from the configuration keys' values; `chargingScheduleAllowedChargingRateUnit` holds
    /// the CSL items (`["Current", "Power"]`, section 9.4); unknown items are ignored.
    public init(
        chargeProfileMaxStackLevel: Int,
        chargingScheduleAllowedChargingRateUnit: [String],
        chargingScheduleMaxPeriods: Int,
        maxChargingProfilesInstalled: Int
    ) {
        var units: Set<ChargingRateUnit> = []
        for item in chargingScheduleAllowedChargingRateUnit {
            switch item.trimmingCharacters(in: .whitespaces).lowercased() {
            case "current": units.insert(.a)
            case "power": units.insert(.w)
            default: continue
            }
        }
        self.init(
            maxStackLevel: chargeProfileMaxStackLevel,
            allowedChargingRateUnits: units,
            maxSchedulePeriods: chargingScheduleMaxPeriods,
            maxProfilesInstalled: maxChargingProfilesInstalled
        )
    }

    /// The limits from a charger's configuration (key → value, as GetConfiguration reports it);
    /// `nil` when one of the four keys is missing or not a number.
    public init?(configuration: [String: String]) {
        func integer(_ key: StandardConfigurationKey) -> Int? {
            configuration[key.rawValue].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        guard let maxStackLevel = integer(.chargeProfileMaxStackLevel),
            let units = configuration[StandardConfigurationKey.chargingScheduleAllowedChargingRateUnit.rawValue],
            let maxPeriods = integer(.chargingScheduleMaxPeriods),
            let maxProfiles = integer(.maxChargingProfilesInstalled)
        else { return nil }
        self.init(
            chargeProfileMaxStackLevel: maxStackLevel,
            chargingScheduleAllowedChargingRateUnit: units.split(separator: ",").map(String.init),
            chargingScheduleMaxPeriods: maxPeriods,
            maxChargingProfilesInstalled: maxProfiles
        )
    }
}
