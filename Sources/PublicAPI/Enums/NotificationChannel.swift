/// Subscription `via` (reference §4.13).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum NotificationChannel: OpenEnumeration {
    /// `"webhook"`
    case webhook
    /// `"kafka"`
    case kafka
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.webhook, .kafka]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .webhook: "webhook"
        case .kafka: "kafka"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "webhook": self = .webhook
        case "kafka": self = .kafka
        default: self = .unknown(rawValue)
        }
    }
}
