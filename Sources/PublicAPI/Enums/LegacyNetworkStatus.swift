/// Charge point `networkStatus` as v1.0, the status endpoint and `NetworkStatusNotification` spell it, with spaces (reference §3.2).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum LegacyNetworkStatus: OpenEnumeration {
    /// `"never connected"`
    case neverConnected
    /// `"available"`
    case available
    /// `"temporarily unavailable"`
    case temporarilyUnavailable
    /// `"long-term unavailable"`
    case longTermUnavailable
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.neverConnected, .available, .temporarilyUnavailable, .longTermUnavailable]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .neverConnected: "never connected"
        case .available: "available"
        case .temporarilyUnavailable: "temporarily unavailable"
        case .longTermUnavailable: "long-term unavailable"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "never connected": self = .neverConnected
        case "available": self = .available
        case "temporarily unavailable": self = .temporarilyUnavailable
        case "long-term unavailable": self = .longTermUnavailable
        default: self = .unknown(rawValue)
        }
    }
}
