/// Invoice `client.type` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum InvoiceClientType: OpenEnumeration {
    /// `"individual"`
    case individual
    /// `"company"`
    case company
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.individual, .company]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .individual: "individual"
        case .company: "company"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "individual": self = .individual
        case "company": self = .company
        default: self = .unknown(rawValue)
        }
    }
}
