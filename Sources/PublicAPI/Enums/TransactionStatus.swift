/// Transaction `status` (reference §4.14); the filter's `reserved` spelling decodes as `reversed`.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum TransactionStatus: OpenEnumeration {
    /// `"initialized"`
    case initialized
    /// `"authorized"`
    case authorized
    /// `"pending"`
    case pending
    /// `"finalized"`
    case finalized
    /// `"failed"`
    case failed
    /// `"refunded"`
    case refunded
    /// `"reversed"`
    case reversed
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .initialized, .authorized, .pending, .finalized, .failed, .refunded, .reversed,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .initialized: "initialized"
        case .authorized: "authorized"
        case .pending: "pending"
        case .finalized: "finalized"
        case .failed: "failed"
        case .refunded: "refunded"
        case .reversed: "reversed"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        // The spec's status filter says "reserved" where the object says "reversed" (reference §4.14).
        switch rawValue {
        case "initialized": self = .initialized
        case "authorized": self = .authorized
        case "pending": self = .pending
        case "finalized": self = .finalized
        case "failed": self = .failed
        case "refunded": self = .refunded
        case "reversed": self = .reversed
        case "reserved": self = .reversed
        default: self = .unknown(rawValue)
        }
    }
}
