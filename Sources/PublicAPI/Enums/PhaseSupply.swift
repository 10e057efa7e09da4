/// EVSE `powerOptions.phases` (reference §4.4).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PhaseSupply: OpenEnumeration {
    /// `"single_phase"`
    case singlePhase
    /// `"three_phase"`
    case threePhase
    /// `"split_phase"`
    case splitPhase
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.singlePhase, .threePhase, .splitPhase]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .singlePhase: "single_phase"
        case .threePhase: "three_phase"
        case .splitPhase: "split_phase"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "single_phase": self = .singlePhase
        case "three_phase": self = .threePhase
        case "split_phase": self = .splitPhase
        default: self = .unknown(rawValue)
        }
    }
}
