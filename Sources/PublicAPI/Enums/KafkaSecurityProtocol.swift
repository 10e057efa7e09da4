/// Subscription `kafka.securityProtocol` (reference §4.13).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum KafkaSecurityProtocol: OpenEnumeration {
    /// `"PLAINTEXT"`
    case plaintext
    /// `"SASL_SSL"`
    case saslSsl
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.plaintext, .saslSsl]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .plaintext: "PLAINTEXT"
        case .saslSsl: "SASL_SSL"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "PLAINTEXT": self = .plaintext
        case "SASL_SSL": self = .saslSsl
        default: self = .unknown(rawValue)
        }
    }
}
