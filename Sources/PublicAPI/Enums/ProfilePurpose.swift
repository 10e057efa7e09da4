/// Set/clear charging profile `chargingProfilePurpose` (reference §5, OCPP 1.6 §7.15).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ProfilePurpose: OpenEnumeration {
    /// `"ChargePointMaxProfile"`
    case chargePointMaxProfile
    /// `"TxDefaultProfile"`
    case txDefaultProfile
    /// `"TxProfile"`
    case txProfile
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.chargePointMaxProfile, .txDefaultProfile, .txProfile]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .chargePointMaxProfile: "ChargePointMaxProfile"
        case .txDefaultProfile: "TxDefaultProfile"
        case .txProfile: "TxProfile"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "ChargePointMaxProfile": self = .chargePointMaxProfile
        case "TxDefaultProfile": self = .txDefaultProfile
        case "TxProfile": self = .txProfile
        default: self = .unknown(rawValue)
        }
    }
}
