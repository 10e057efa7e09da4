/// Authorization `status` (reference §4.8).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum AuthorizationDecision: OpenEnumeration {
    /// `"accepted"`
    case accepted
    /// `"rejected"`
    case rejected
    /// `"pending"`
    case pending
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.accepted, .rejected, .pending]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .pending: "pending"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "accepted": self = .accepted
        case "rejected": self = .rejected
        case "pending": self = .pending
        default: self = .unknown(rawValue)
        }
    }
}
