/// EVSE `powerOptions.maxVoltage`, a string in the API (reference §4.4).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum MaxVoltage: OpenEnumeration {
    /// `"230"`
    case volts230
    /// `"380"`
    case volts380
    /// `"400"`
    case volts400
    /// `"480"`
    case volts480
    /// `"120"`
    case volts120
    /// `"208"`
    case volts208
    /// `"240"`
    case volts240
    /// `"110-130"`
    case volts110To130
    /// `"220-240"`
    case volts220To240
    /// `"277"`
    case volts277
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .volts230, .volts380, .volts400, .volts480, .volts120, .volts208, .volts240, .volts110To130, .volts220To240,
        .volts277,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .volts230: "230"
        case .volts380: "380"
        case .volts400: "400"
        case .volts480: "480"
        case .volts120: "120"
        case .volts208: "208"
        case .volts240: "240"
        case .volts110To130: "110-130"
        case .volts220To240: "220-240"
        case .volts277: "277"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "230": self = .volts230
        case "380": self = .volts380
        case "400": self = .volts400
        case "480": self = .volts480
        case "120": self = .volts120
        case "208": self = .volts208
        case "240": self = .volts240
        case "110-130": self = .volts110To130
        case "220-240": self = .volts220To240
        case "277": self = .volts277
        default: self = .unknown(rawValue)
        }
    }
}
