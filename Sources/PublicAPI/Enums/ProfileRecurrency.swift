/// Set charging profile `recurrencyKind` (reference §5, OCPP 1.6 §7.46).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ProfileRecurrency: OpenEnumeration {
    /// `"Daily"`
    case daily
    /// `"Weekly"`
    case weekly
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.daily, .weekly]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .daily: "Daily"
        case .weekly: "Weekly"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "Daily": self = .daily
        case "Weekly": self = .weekly
        default: self = .unknown(rawValue)
        }
    }
}
