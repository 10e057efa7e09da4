/// Connector `type` (reference §4.5); v1.0 adds `catarc`.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ConnectorType: OpenEnumeration {
    /// `"type1"`
    case type1
    /// `"type2"`
    case type2
    /// `"type3"`
    case type3
    /// `"chademo"`
    case chademo
    /// `"ccs1"`
    case ccs1
    /// `"ccs2"`
    case ccs2
    /// `"schuko"`
    case schuko
    /// `"nacs"`
    case nacs
    /// `"cee16"`
    case cee16
    /// `"cee32"`
    case cee32
    /// `"j1772"`
    case j1772
    /// `"inductive"`
    case inductive
    /// `"nema-5-20"`
    case nema520
    /// `"type-e-french"`
    case typeEFrench
    /// `"type-g-british"`
    case typeGBritish
    /// `"type-j-swiss"`
    case typeJSwiss
    /// `"avcon"`
    case avcon
    /// `"gb-t-ac"`
    case gbTAc
    /// `"gb-t-dc"`
    case gbTDc
    /// `"chaoji"`
    case chaoji
    /// `"nema-6-30"`
    case nema630
    /// `"nema-6-50"`
    case nema650
    /// `"catarc"`
    case catarc
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .type1, .type2, .type3, .chademo, .ccs1, .ccs2, .schuko, .nacs, .cee16, .cee32, .j1772, .inductive, .nema520,
        .typeEFrench, .typeGBritish, .typeJSwiss, .avcon, .gbTAc, .gbTDc, .chaoji, .nema630, .nema650, .catarc,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .type1: "type1"
        case .type2: "type2"
        case .type3: "type3"
        case .chademo: "chademo"
        case .ccs1: "ccs1"
        case .ccs2: "ccs2"
        case .schuko: "schuko"
        case .nacs: "nacs"
        case .cee16: "cee16"
        case .cee32: "cee32"
        case .j1772: "j1772"
        case .inductive: "inductive"
        case .nema520: "nema-5-20"
        case .typeEFrench: "type-e-french"
        case .typeGBritish: "type-g-british"
        case .typeJSwiss: "type-j-swiss"
        case .avcon: "avcon"
        case .gbTAc: "gb-t-ac"
        case .gbTDc: "gb-t-dc"
        case .chaoji: "chaoji"
        case .nema630: "nema-6-30"
        case .nema650: "nema-6-50"
        case .catarc: "catarc"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "type1": self = .type1
        case "type2": self = .type2
        case "type3": self = .type3
        case "chademo": self = .chademo
        case "ccs1": self = .ccs1
        case "ccs2": self = .ccs2
        case "schuko": self = .schuko
        case "nacs": self = .nacs
        case "cee16": self = .cee16
        case "cee32": self = .cee32
        case "j1772": self = .j1772
        case "inductive": self = .inductive
        case "nema-5-20": self = .nema520
        case "type-e-french": self = .typeEFrench
        case "type-g-british": self = .typeGBritish
        case "type-j-swiss": self = .typeJSwiss
        case "avcon": self = .avcon
        case "gb-t-ac": self = .gbTAc
        case "gb-t-dc": self = .gbTDc
        case "chaoji": self = .chaoji
        case "nema-6-30": self = .nema630
        case "nema-6-50": self = .nema650
        case "catarc": self = .catarc
        default: self = .unknown(rawValue)
        }
    }
}
