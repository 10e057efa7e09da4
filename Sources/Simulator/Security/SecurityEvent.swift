import OCPP16

/// A security event that happened on the charge point (Improved security for OCPP 1.6-J,
/// section "Security events/logging"): what, when, and technical detail for the log.
public struct SecurityEvent: Sendable, Hashable {
    /// What happened.
    public var type: SecurityEventType
    /// When it happened.
    public var timestamp: OCPPTimestamp
    /// Free text for the operator (never a secret); cut to 255 characters on the wire.
    public var techInfo: String?

    public init(type: SecurityEventType, timestamp: OCPPTimestamp, techInfo: String? = nil) {
        self.type = type
        self.timestamp = timestamp
        self.techInfo = techInfo
    }

    /// The SecurityEventNotification.req that reports this event.
    public var notification: SecurityEventNotificationRequest {
        SecurityEventNotificationRequest(
            type: CiString50(truncating: type.rawValue), timestamp: timestamp,
            techInfo: techInfo.map { CiString255(truncating: $0) })
    }
}
