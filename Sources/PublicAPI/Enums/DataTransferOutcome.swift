/// Send-data-transfer result `status` (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum DataTransferOutcome: OpenEnumeration {
    /// `"Accepted"`
    case accepted
    /// `"Rejected"`
    case rejected
    /// `"UnknownMessageId"`
    case unknownMessageId
    /// `"UnknownVendorId"`
    case unknownVendorId
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.accepted, .rejected, .unknownMessageId, .unknownVendorId]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .unknownMessageId: "UnknownMessageId"
        case .unknownVendorId: "UnknownVendorId"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "Accepted": self = .accepted
        case "Rejected": self = .rejected
        case "UnknownMessageId": self = .unknownMessageId
        case "UnknownVendorId": self = .unknownVendorId
        default: self = .unknown(rawValue)
        }
    }
}
