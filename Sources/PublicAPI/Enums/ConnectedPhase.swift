/// EVSE `powerOptions.connectedPhase` (reference §4.4).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ConnectedPhase: OpenEnumeration {
    /// `"L1"`
    case l1
    /// `"L2"`
    case l2
    /// `"L3"`
    case l3
    /// `"L1_L2"`
    case l1L2
    /// `"L1_L3"`
    case l1L3
    /// `"L2_L3"`
    case l2L3
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.l1, .l2, .l3, .l1L2, .l1L3, .l2L3]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .l1: "L1"
        case .l2: "L2"
        case .l3: "L3"
        case .l1L2: "L1_L2"
        case .l1L3: "L1_L3"
        case .l2L3: "L2_L3"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "L1": self = .l1
        case "L2": self = .l2
        case "L3": self = .l3
        case "L1_L2": self = .l1L2
        case "L1_L3": self = .l1L3
        case "L2_L3": self = .l2L3
        default: self = .unknown(rawValue)
        }
    }
}
