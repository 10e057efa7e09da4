/// Id tag `type` (reference §4.7); `emaid` appears in listings only.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum IdTagType: OpenEnumeration {
    /// `"rfid"`
    case rfid
    /// `"mac_address"`
    case macAddress
    /// `"emaid"`
    case emaid
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.rfid, .macAddress, .emaid]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .rfid: "rfid"
        case .macAddress: "mac_address"
        case .emaid: "emaid"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "rfid": self = .rfid
        case "mac_address": self = .macAddress
        case "emaid": self = .emaid
        default: self = .unknown(rawValue)
        }
    }
}
