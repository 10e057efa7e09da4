/// Charging schedule `chargingRateUnit` (reference §5, OCPP 1.6 §7.16).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum RateUnit: OpenEnumeration {
    /// `"A"`
    case amperes
    /// `"W"`
    case watts
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.amperes, .watts]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .amperes: "A"
        case .watts: "W"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "A": self = .amperes
        case "W": self = .watts
        default: self = .unknown(rawValue)
        }
    }
}
