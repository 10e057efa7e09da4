/// EVSE `powerOptions.phaseRotation` (reference §4.4).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PhaseRotation: OpenEnumeration {
    /// `"RST"`
    case rst
    /// `"RTS"`
    case rts
    /// `"SRT"`
    case srt
    /// `"STR"`
    case str
    /// `"TRS"`
    case trs
    /// `"TSR"`
    case tsr
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.rst, .rts, .srt, .str, .trs, .tsr]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .rst: "RST"
        case .rts: "RTS"
        case .srt: "SRT"
        case .str: "STR"
        case .trs: "TRS"
        case .tsr: "TSR"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "RST": self = .rst
        case "RTS": self = .rts
        case "SRT": self = .srt
        case "STR": self = .str
        case "TRS": self = .trs
        case "TSR": self = .tsr
        default: self = .unknown(rawValue)
        }
    }
}
