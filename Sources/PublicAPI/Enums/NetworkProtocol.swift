/// Charge point `network.protocol` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum NetworkProtocol: OpenEnumeration {
    /// `"ocpp 1.5"`
    case ocpp15
    /// `"ocpp 1.6"`
    case ocpp16
    /// `"ocpp 1.6 soap"`
    case ocpp16Soap
    /// `"ocpp 2.0.1"`
    case ocpp201
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.ocpp15, .ocpp16, .ocpp16Soap, .ocpp201]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .ocpp15: "ocpp 1.5"
        case .ocpp16: "ocpp 1.6"
        case .ocpp16Soap: "ocpp 1.6 soap"
        case .ocpp201: "ocpp 2.0.1"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "ocpp 1.5": self = .ocpp15
        case "ocpp 1.6": self = .ocpp16
        case "ocpp 1.6 soap": self = .ocpp16Soap
        case "ocpp 2.0.1": self = .ocpp201
        default: self = .unknown(rawValue)
        }
    }
}
