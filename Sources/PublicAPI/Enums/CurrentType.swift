/// EVSE `currentType` (reference §4.4).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum CurrentType: OpenEnumeration {
    /// `"ac"`
    case ac
    /// `"dc"`
    case dc
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.ac, .dc]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .ac: "ac"
        case .dc: "dc"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "ac": self = .ac
        case "dc": self = .dc
        default: self = .unknown(rawValue)
        }
    }
}
