/// Administrative `status` of a charge point, EVSE or connector (reference §3.2); v2.x says `enabled`, v1.0 says `active`.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum AdminStatus: OpenEnumeration {
    /// `"enabled"`
    case enabled
    /// `"active"`
    case active
    /// `"disabled"`
    case disabled
    /// `"out of order"`
    case outOfOrder
    /// `"demo"`
    case demo
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.enabled, .active, .disabled, .outOfOrder, .demo]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .enabled: "enabled"
        case .active: "active"
        case .disabled: "disabled"
        case .outOfOrder: "out of order"
        case .demo: "demo"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "enabled": self = .enabled
        case "active": self = .active
        case "disabled": self = .disabled
        case "out of order": self = .outOfOrder
        case "demo": self = .demo
        default: self = .unknown(rawValue)
        }
    }
}
