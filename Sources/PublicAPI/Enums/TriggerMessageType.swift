/// Trigger-message `type` (reference §5); the last five are OCPP 2.0.1 only.
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum TriggerMessageType: OpenEnumeration {
    /// `"BootNotification"`
    case bootNotification
    /// `"DiagnosticsStatusNotification"`
    case diagnosticsStatusNotification
    /// `"FirmwareStatusNotification"`
    case firmwareStatusNotification
    /// `"Heartbeat"`
    case heartbeat
    /// `"MeterValues"`
    case meterValues
    /// `"StatusNotification"`
    case statusNotification
    /// `"SignV2GCertificate"`
    case signV2GCertificate
    /// `"LogStatusNotification"`
    case logStatusNotification
    /// `"PublishFirmwareStatusNotification"`
    case publishFirmwareStatusNotification
    /// `"SignChargingStationCertificate"`
    case signChargingStationCertificate
    /// `"SignCombinedCertificate"`
    case signCombinedCertificate
    /// `"TransactionEvent"`
    case transactionEvent
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .bootNotification, .diagnosticsStatusNotification, .firmwareStatusNotification, .heartbeat, .meterValues,
        .statusNotification, .signV2GCertificate, .logStatusNotification, .publishFirmwareStatusNotification,
        .signChargingStationCertificate, .signCombinedCertificate, .transactionEvent,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .bootNotification: "BootNotification"
        case .diagnosticsStatusNotification: "DiagnosticsStatusNotification"
        case .firmwareStatusNotification: "FirmwareStatusNotification"
        case .heartbeat: "Heartbeat"
        case .meterValues: "MeterValues"
        case .statusNotification: "StatusNotification"
        case .signV2GCertificate: "SignV2GCertificate"
        case .logStatusNotification: "LogStatusNotification"
        case .publishFirmwareStatusNotification: "PublishFirmwareStatusNotification"
        case .signChargingStationCertificate: "SignChargingStationCertificate"
        case .signCombinedCertificate: "SignCombinedCertificate"
        case .transactionEvent: "TransactionEvent"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "BootNotification": self = .bootNotification
        case "DiagnosticsStatusNotification": self = .diagnosticsStatusNotification
        case "FirmwareStatusNotification": self = .firmwareStatusNotification
        case "Heartbeat": self = .heartbeat
        case "MeterValues": self = .meterValues
        case "StatusNotification": self = .statusNotification
        case "SignV2GCertificate": self = .signV2GCertificate
        case "LogStatusNotification": self = .logStatusNotification
        case "PublishFirmwareStatusNotification": self = .publishFirmwareStatusNotification
        case "SignChargingStationCertificate": self = .signChargingStationCertificate
        case "SignCombinedCertificate": self = .signCombinedCertificate
        case "TransactionEvent": self = .transactionEvent
        default: self = .unknown(rawValue)
        }
    }
}
