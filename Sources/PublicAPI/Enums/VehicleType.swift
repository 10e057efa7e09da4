/// Id tag `vehicleType` (reference §4.7).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum VehicleType: OpenEnumeration {
    /// `"company_car"`
    case companyCar
    /// `"private_car"`
    case privateCar
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.companyCar, .privateCar]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .companyCar: "company_car"
        case .privateCar: "private_car"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "company_car": self = .companyCar
        case "private_car": self = .privateCar
        default: self = .unknown(rawValue)
        }
    }
}
