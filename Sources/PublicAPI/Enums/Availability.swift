/// Change-availability `type` (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum Availability: OpenEnumeration {
    /// `"Operative"`
    case operative
    /// `"Inoperative"`
    case inoperative
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.operative, .inoperative]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .operative: "Operative"
        case .inoperative: "Inoperative"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "Operative": self = .operative
        case "Inoperative": self = .inoperative
        default: self = .unknown(rawValue)
        }
    }
}
