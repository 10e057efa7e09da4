/// Charge point level hardware status (reference §3.2), driven by OCPP StatusNotification on connector 0.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ChargePointHardwareStatus: OpenEnumeration {
    /// `"available"`
    case available
    /// `"unavailable"`
    case unavailable
    /// `"faulted"`
    case faulted
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.available, .unavailable, .faulted]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .available: "available"
        case .unavailable: "unavailable"
        case .faulted: "faulted"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "available": self = .available
        case "unavailable": self = .unavailable
        case "faulted": self = .faulted
        default: self = .unknown(rawValue)
        }
    }
}
