/// Session `status` (reference §3.2).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum SessionStatus: OpenEnumeration {
    /// `"unknown"`
    case unknownStatus
    /// `"pending"`
    case pending
    /// `"active"`
    case active
    /// `"finished"`
    case finished
    /// `"failed"`
    case failed
    /// `"expired"`
    case expired
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.unknownStatus, .pending, .active, .finished, .failed, .expired]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .unknownStatus: "unknown"
        case .pending: "pending"
        case .active: "active"
        case .finished: "finished"
        case .failed: "failed"
        case .expired: "expired"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "unknown": self = .unknownStatus
        case "pending": self = .pending
        case "active": self = .active
        case "finished": self = .finished
        case "failed": self = .failed
        case "expired": self = .expired
        default: self = .unknown(rawValue)
        }
    }
}
