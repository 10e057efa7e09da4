/// Live EVSE status reported by the charger (reference §3.1): OCPP 1.6 `ChargePointStatus` names with a lower-case first letter, plus OCPP 2.0.1 `occupied`.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum EVSEHardwareStatus: OpenEnumeration {
    /// `"available"`
    case available
    /// `"preparing"`
    case preparing
    /// `"charging"`
    case charging
    /// `"suspendedEVSE"`
    case suspendedEVSE
    /// `"suspendedEV"`
    case suspendedEV
    /// `"finishing"`
    case finishing
    /// `"reserved"`
    case reserved
    /// `"unavailable"`
    case unavailable
    /// `"faulted"`
    case faulted
    /// `"occupied"`
    case occupied
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .available, .preparing, .charging, .suspendedEVSE, .suspendedEV, .finishing, .reserved, .unavailable, .faulted,
        .occupied,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .available: "available"
        case .preparing: "preparing"
        case .charging: "charging"
        case .suspendedEVSE: "suspendedEVSE"
        case .suspendedEV: "suspendedEV"
        case .finishing: "finishing"
        case .reserved: "reserved"
        case .unavailable: "unavailable"
        case .faulted: "faulted"
        case .occupied: "occupied"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "available": self = .available
        case "preparing": self = .preparing
        case "charging": self = .charging
        case "suspendedEVSE": self = .suspendedEVSE
        case "suspendedEV": self = .suspendedEV
        case "finishing": self = .finishing
        case "reserved": self = .reserved
        case "unavailable": self = .unavailable
        case "faulted": self = .faulted
        case "occupied": self = .occupied
        default: self = .unknown(rawValue)
        }
    }
}
