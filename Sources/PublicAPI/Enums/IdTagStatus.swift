/// Id tag `status` (reference §4.7).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum IdTagStatus: OpenEnumeration {
    /// `"enabled"`
    case enabled
    /// `"disabled"`
    case disabled
    /// `"suspended"`
    case suspended
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.enabled, .disabled, .suspended]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .enabled: "enabled"
        case .disabled: "disabled"
        case .suspended: "suspended"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "enabled": self = .enabled
        case "disabled": self = .disabled
        case "suspended": self = .suspended
        default: self = .unknown(rawValue)
        }
    }
}
