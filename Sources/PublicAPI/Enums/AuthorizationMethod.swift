/// How an authorization was made (reference §4.6 session `authorization.method`, §4.8).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum AuthorizationMethod: OpenEnumeration {
    /// `"user_device"`
    case userDevice
    /// `"rfid_tag"`
    case rfidTag
    /// `"id_tag"`
    case idTag
    /// `"mac_address"`
    case macAddress
    /// `"admin"`
    case admin
    /// `"plug_and_charge"`
    case plugAndCharge
    /// `"roaming"`
    case roaming
    /// `"payment_terminal"`
    case paymentTerminal
    /// `"plug_and_charge_iso15118"`
    case plugAndChargeIso15118
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .userDevice, .rfidTag, .idTag, .macAddress, .admin, .plugAndCharge, .roaming, .paymentTerminal,
        .plugAndChargeIso15118,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .userDevice: "user_device"
        case .rfidTag: "rfid_tag"
        case .idTag: "id_tag"
        case .macAddress: "mac_address"
        case .admin: "admin"
        case .plugAndCharge: "plug_and_charge"
        case .roaming: "roaming"
        case .paymentTerminal: "payment_terminal"
        case .plugAndChargeIso15118: "plug_and_charge_iso15118"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "user_device": self = .userDevice
        case "rfid_tag": self = .rfidTag
        case "id_tag": self = .idTag
        case "mac_address": self = .macAddress
        case "admin": self = .admin
        case "plug_and_charge": self = .plugAndCharge
        case "roaming": self = .roaming
        case "payment_terminal": self = .paymentTerminal
        case "plug_and_charge_iso15118": self = .plugAndChargeIso15118
        default: self = .unknown(rawValue)
        }
    }
}
