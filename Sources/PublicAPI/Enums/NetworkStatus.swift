/// Charge point `networkStatus` as charge points v2.0 spell it, with underscores (reference §3.2).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum NetworkStatus: OpenEnumeration {
    /// `"never_connected"`
    case neverConnected
    /// `"available"`
    case available
    /// `"temporarily_unavailable"`
    case temporarilyUnavailable
    /// `"long-term_unavailable"`
    case longTermUnavailable
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.neverConnected, .available, .temporarilyUnavailable, .longTermUnavailable]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .neverConnected: "never_connected"
        case .available: "available"
        case .temporarilyUnavailable: "temporarily_unavailable"
        case .longTermUnavailable: "long-term_unavailable"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "never_connected": self = .neverConnected
        case "available": self = .available
        case "temporarily_unavailable": self = .temporarilyUnavailable
        case "long-term_unavailable": self = .longTermUnavailable
        default: self = .unknown(rawValue)
        }
    }
}
