/// Session `priceBreakdown[].type` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PriceComponentType: OpenEnumeration {
    /// `"flat"`
    case flat
    /// `"connection"`
    case connection
    /// `"energy"`
    case energy
    /// `"charging_time"`
    case chargingTime
    /// `"idle_time"`
    case idleTime
    /// `"power_levels_time"`
    case powerLevelsTime
    /// `"min_price"`
    case minPrice
    /// `"service_fee"`
    case serviceFee
    /// `"energy_flat_fee"`
    case energyFlatFee
    /// `"duration_flat_fee"`
    case durationFlatFee
    /// `"idle_flat_fee"`
    case idleFlatFee
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .flat, .connection, .energy, .chargingTime, .idleTime, .powerLevelsTime, .minPrice, .serviceFee, .energyFlatFee,
        .durationFlatFee, .idleFlatFee,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .flat: "flat"
        case .connection: "connection"
        case .energy: "energy"
        case .chargingTime: "charging_time"
        case .idleTime: "idle_time"
        case .powerLevelsTime: "power_levels_time"
        case .minPrice: "min_price"
        case .serviceFee: "service_fee"
        case .energyFlatFee: "energy_flat_fee"
        case .durationFlatFee: "duration_flat_fee"
        case .idleFlatFee: "idle_flat_fee"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "flat": self = .flat
        case "connection": self = .connection
        case "energy": self = .energy
        case "charging_time": self = .chargingTime
        case "idle_time": self = .idleTime
        case "power_levels_time": self = .powerLevelsTime
        case "min_price": self = .minPrice
        case "service_fee": self = .serviceFee
        case "energy_flat_fee": self = .energyFlatFee
        case "duration_flat_fee": self = .durationFlatFee
        case "idle_flat_fee": self = .idleFlatFee
        default: self = .unknown(rawValue)
        }
    }
}
