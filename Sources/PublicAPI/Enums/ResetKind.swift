/// Reset action path argument (reference §5); the spec says `hard`/`soft`, one SDK sends `Hard`/`Soft`, so decoding ignores case (§6.2).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ResetKind: OpenEnumeration {
    /// `"hard"`
    case hard
    /// `"soft"`
    case soft
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.hard, .soft]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .hard: "hard"
        case .soft: "soft"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue.lowercased() {
        case "hard": self = .hard
        case "soft": self = .soft
        default: self = .unknown(rawValue)
        }
    }
}
