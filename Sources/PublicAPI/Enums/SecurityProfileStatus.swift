/// Charge point `security.desiredProfileStatus` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum SecurityProfileStatus: OpenEnumeration {
    /// `"applied"`
    case applied
    /// `"pending"`
    case pending
    /// `"rejected"`
    case rejected
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.applied, .pending, .rejected]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .applied: "applied"
        case .pending: "pending"
        case .rejected: "rejected"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "applied": self = .applied
        case "pending": self = .pending
        case "rejected": self = .rejected
        default: self = .unknown(rawValue)
        }
    }
}
