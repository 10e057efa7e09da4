/// Tariff `type` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum TariffType: OpenEnumeration {
    /// `"free"`
    case free
    /// `"flat rate"`
    case flatRate
    /// `"duration+energy"`
    case durationEnergy
    /// `"duration+energy time of day"`
    case durationEnergyTimeOfDay
    /// `"energy tou"`
    case energyTou
    /// `"standard"`
    case standard
    /// `"standard_tod"`
    case standardTod
    /// `"charging not allowed"`
    case chargingNotAllowed
    /// `"average power levels"`
    case averagePowerLevels
    /// `"peak power levels"`
    case peakPowerLevels
    /// `"optimised dynamic pricing"`
    case optimisedDynamicPricing
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .free, .flatRate, .durationEnergy, .durationEnergyTimeOfDay, .energyTou, .standard, .standardTod,
        .chargingNotAllowed, .averagePowerLevels, .peakPowerLevels, .optimisedDynamicPricing,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .free: "free"
        case .flatRate: "flat rate"
        case .durationEnergy: "duration+energy"
        case .durationEnergyTimeOfDay: "duration+energy time of day"
        case .energyTou: "energy tou"
        case .standard: "standard"
        case .standardTod: "standard_tod"
        case .chargingNotAllowed: "charging not allowed"
        case .averagePowerLevels: "average power levels"
        case .peakPowerLevels: "peak power levels"
        case .optimisedDynamicPricing: "optimised dynamic pricing"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "free": self = .free
        case "flat rate": self = .flatRate
        case "duration+energy": self = .durationEnergy
        case "duration+energy time of day": self = .durationEnergyTimeOfDay
        case "energy tou": self = .energyTou
        case "standard": self = .standard
        case "standard_tod": self = .standardTod
        case "charging not allowed": self = .chargingNotAllowed
        case "average power levels": self = .averagePowerLevels
        case "peak power levels": self = .peakPowerLevels
        case "optimised dynamic pricing": self = .optimisedDynamicPricing
        default: self = .unknown(rawValue)
        }
    }
}
