/// Charge point `networkType` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum NetworkType: OpenEnumeration {
    /// `"cellular"`
    case cellular
    /// `"ethernet"`
    case ethernet
    /// `"wlan"`
    case wlan
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.cellular, .ethernet, .wlan]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .cellular: "cellular"
        case .ethernet: "ethernet"
        case .wlan: "wlan"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "cellular": self = .cellular
        case "ethernet": self = .ethernet
        case "wlan": self = .wlan
        default: self = .unknown(rawValue)
        }
    }
}
