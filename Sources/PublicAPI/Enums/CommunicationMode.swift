/// Charge point `communicationMode` (reference §4.1); `roaming` appears on reads only.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum CommunicationMode: OpenEnumeration {
    /// `"none"`
    case noCommunication
    /// `"direct_ocpp"`
    case directOcpp
    /// `"via_ocpp_connected_charge_point"`
    case viaOcppConnectedChargePoint
    /// `"roaming"`
    case roaming
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.noCommunication, .directOcpp, .viaOcppConnectedChargePoint, .roaming]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .noCommunication: "none"
        case .directOcpp: "direct_ocpp"
        case .viaOcppConnectedChargePoint: "via_ocpp_connected_charge_point"
        case .roaming: "roaming"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "none": self = .noCommunication
        case "direct_ocpp": self = .directOcpp
        case "via_ocpp_connected_charge_point": self = .viaOcppConnectedChargePoint
        case "roaming": self = .roaming
        default: self = .unknown(rawValue)
        }
    }
}
