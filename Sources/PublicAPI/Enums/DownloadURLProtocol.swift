/// Update-firmware `downloadUrlProtocol` (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum DownloadURLProtocol: OpenEnumeration {
    /// `"http"`
    case http
    /// `"https"`
    case https
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.http, .https]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .http: "http"
        case .https: "https"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "http": self = .http
        case "https": self = .https
        default: self = .unknown(rawValue)
        }
    }
}
