/// Subscription `kafka.compressionCodec` (reference §4.13); `gzip` is the default.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum KafkaCompressionCodec: OpenEnumeration {
    /// `"gzip"`
    case gzip
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.gzip]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .gzip: "gzip"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "gzip": self = .gzip
        default: self = .unknown(rawValue)
        }
    }
}
