/// Webhook event names a subscription can ask for (reference §4.13).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum NotificationEvent: OpenEnumeration {
    /// `"HardwareStatusNotification"`
    case hardwareStatusNotification
    /// `"NetworkStatusNotification"`
    case networkStatusNotification
    /// `"BootNotification"`
    case bootNotification
    /// `"chargePoint.changed"`
    case chargePointChanged
    /// `"evse.changed"`
    case evseChanged
    /// `"session.start.stop.notification"`
    case sessionStartStop
    /// `"SessionUpdateNotification"`
    case sessionUpdateNotification
    /// `"SessionMeterValuesNotification"`
    case sessionMeterValuesNotification
    /// `"authorization.changed"`
    case authorizationChanged
    /// `"reservation.changed"`
    case reservationChanged
    /// `"idTag.changed"`
    case idTagChanged
    /// `"ChargePointSyncConfigurationNotification"`
    case chargePointSyncConfigurationNotification
    /// `"DiagnosticsStatusNotification"`
    case diagnosticsStatusNotification
    /// `"SecurityEventNotification"`
    case securityEventNotification
    /// `"chargePoint.dataTransferReceived"`
    case chargePointDataTransferReceived
    /// `"chargingProfile.applied"`
    case chargingProfileApplied
    /// `"transaction.changed"`
    case transactionChanged
    /// `"AuthorizationNotification"`
    case authorizationNotification
    /// `"ChargePointChangedNotification"`
    case chargePointChangedNotification
    /// `"SessionStartStopNotification"`
    case legacySessionStartStopNotification
    /// `"LocationChangedNotification"`
    case locationChangedNotification
    /// `"UserChangedNotification"`
    case userChangedNotification
    /// `"TariffChangedNotification"`
    case tariffChangedNotification
    /// `"circuit.changed"`
    case circuitChanged
    /// `"cdr.received"`
    case cdrReceived
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .hardwareStatusNotification, .networkStatusNotification, .bootNotification, .chargePointChanged, .evseChanged,
        .sessionStartStop, .sessionUpdateNotification, .sessionMeterValuesNotification, .authorizationChanged,
        .reservationChanged, .idTagChanged, .chargePointSyncConfigurationNotification, .diagnosticsStatusNotification,
        .securityEventNotification, .chargePointDataTransferReceived, .chargingProfileApplied, .transactionChanged,
        .authorizationNotification, .chargePointChangedNotification, .legacySessionStartStopNotification,
        .locationChangedNotification, .userChangedNotification, .tariffChangedNotification, .circuitChanged,
        .cdrReceived,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .hardwareStatusNotification: "HardwareStatusNotification"
        case .networkStatusNotification: "NetworkStatusNotification"
        case .bootNotification: "BootNotification"
        case .chargePointChanged: "chargePoint.changed"
        case .evseChanged: "evse.changed"
        case .sessionStartStop: "session.start.stop.notification"
        case .sessionUpdateNotification: "SessionUpdateNotification"
        case .sessionMeterValuesNotification: "SessionMeterValuesNotification"
        case .authorizationChanged: "authorization.changed"
        case .reservationChanged: "reservation.changed"
        case .idTagChanged: "idTag.changed"
        case .chargePointSyncConfigurationNotification: "ChargePointSyncConfigurationNotification"
        case .diagnosticsStatusNotification: "DiagnosticsStatusNotification"
        case .securityEventNotification: "SecurityEventNotification"
        case .chargePointDataTransferReceived: "chargePoint.dataTransferReceived"
        case .chargingProfileApplied: "chargingProfile.applied"
        case .transactionChanged: "transaction.changed"
        case .authorizationNotification: "AuthorizationNotification"
        case .chargePointChangedNotification: "ChargePointChangedNotification"
        case .legacySessionStartStopNotification: "SessionStartStopNotification"
        case .locationChangedNotification: "LocationChangedNotification"
        case .userChangedNotification: "UserChangedNotification"
        case .tariffChangedNotification: "TariffChangedNotification"
        case .circuitChanged: "circuit.changed"
        case .cdrReceived: "cdr.received"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "HardwareStatusNotification": self = .hardwareStatusNotification
        case "NetworkStatusNotification": self = .networkStatusNotification
        case "BootNotification": self = .bootNotification
        case "chargePoint.changed": self = .chargePointChanged
        case "evse.changed": self = .evseChanged
        case "session.start.stop.notification": self = .sessionStartStop
        case "SessionUpdateNotification": self = .sessionUpdateNotification
        case "SessionMeterValuesNotification": self = .sessionMeterValuesNotification
        case "authorization.changed": self = .authorizationChanged
        case "reservation.changed": self = .reservationChanged
        case "idTag.changed": self = .idTagChanged
        case "ChargePointSyncConfigurationNotification": self = .chargePointSyncConfigurationNotification
        case "DiagnosticsStatusNotification": self = .diagnosticsStatusNotification
        case "SecurityEventNotification": self = .securityEventNotification
        case "chargePoint.dataTransferReceived": self = .chargePointDataTransferReceived
        case "chargingProfile.applied": self = .chargingProfileApplied
        case "transaction.changed": self = .transactionChanged
        case "AuthorizationNotification": self = .authorizationNotification
        case "ChargePointChangedNotification": self = .chargePointChangedNotification
        case "SessionStartStopNotification": self = .legacySessionStartStopNotification
        case "LocationChangedNotification": self = .locationChangedNotification
        case "UserChangedNotification": self = .userChangedNotification
        case "TariffChangedNotification": self = .tariffChangedNotification
        case "circuit.changed": self = .circuitChanged
        case "cdr.received": self = .cdrReceived
        default: self = .unknown(rawValue)
        }
    }
}
