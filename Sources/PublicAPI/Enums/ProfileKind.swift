/// Set charging profile `chargingProfileKind` (reference §5, OCPP 1.6 §7.13).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ProfileKind: OpenEnumeration {
    /// `"Absolute"`
    case absolute
    /// `"Recurring"`
    case recurring
    /// `"Relative"`
    case relative
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.absolute, .recurring, .relative]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .absolute: "Absolute"
        case .recurring: "Recurring"
        case .relative: "Relative"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "Absolute": self = .absolute
        case "Recurring": self = .recurring
        case "Relative": self = .relative
        default: self = .unknown(rawValue)
        }
    }
}
