/// Session `billingStatus` (reference §4.6).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum BillingStatus: OpenEnumeration {
    /// `"pending"`
    case pending
    /// `"suspended"`
    case suspended
    /// `"completed"`
    case completed
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.pending, .suspended, .completed]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .suspended: "suspended"
        case .completed: "completed"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "suspended": self = .suspended
        case "completed": self = .completed
        default: self = .unknown(rawValue)
        }
    }
}
