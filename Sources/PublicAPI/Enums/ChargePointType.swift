/// Charge point `type` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ChargePointType: OpenEnumeration {
    /// `"public"`
    case publicAccess
    /// `"private"`
    case privateAccess
    /// `"personal"`
    case personal
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.publicAccess, .privateAccess, .personal]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .publicAccess: "public"
        case .privateAccess: "private"
        case .personal: "personal"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "public": self = .publicAccess
        case "private": self = .privateAccess
        case "personal": self = .personal
        default: self = .unknown(rawValue)
        }
    }
}
