/// Session `paymentStatus` (reference §4.6).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PaymentStatus: OpenEnumeration {
    /// `"pending"`
    case pending
    /// `"paid"`
    case paid
    /// `"partially"`
    case partially
    /// `"failed"`
    case failed
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.pending, .paid, .partially, .failed]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .paid: "paid"
        case .partially: "partially"
        case .failed: "failed"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "paid": self = .paid
        case "partially": self = .partially
        case "failed": self = .failed
        default: self = .unknown(rawValue)
        }
    }
}
