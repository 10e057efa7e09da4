/// Where an authorization was decided (reference §4.6, §4.8).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum AuthorizationSource: OpenEnumeration {
    /// `"local"`
    case local
    /// `"roaming"`
    case roaming
    /// `"third_party"`
    case thirdParty
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.local, .roaming, .thirdParty]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .local: "local"
        case .roaming: "roaming"
        case .thirdParty: "third_party"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "local": self = .local
        case "roaming": self = .roaming
        case "third_party": self = .thirdParty
        default: self = .unknown(rawValue)
        }
    }
}
