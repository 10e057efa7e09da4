/// Session `priceBreakdown[].unit` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PriceUnit: OpenEnumeration {
    /// `"kwh"`
    case kwh
    /// `"minute"`
    case minute
    /// `"session"`
    case session
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.kwh, .minute, .session]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .kwh: "kwh"
        case .minute: "minute"
        case .session: "session"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "kwh": self = .kwh
        case "minute": self = .minute
        case "session": self = .session
        default: self = .unknown(rawValue)
        }
    }
}
