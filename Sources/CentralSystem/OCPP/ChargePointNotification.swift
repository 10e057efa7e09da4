import OCPP16

/// A charger-initiated status report the central system keeps in memory for the API and tests:
/// firmware, diagnostics and log upload status, and security events (OCPP 1.6 §4.4, §4.5 and
/// the security extension's LogStatusNotification, SignedFirmwareStatusNotification and
/// SecurityEventNotification).
public struct ChargePointNotification: Sendable, Equatable {
    /// The charge point that sent it.
    public var chargePointId: String
    /// The request as received.
    public var request: ChargePointRequest
    /// When the central system received it.
    public var receivedAt: OCPPTimestamp

    public init(chargePointId: String, request: ChargePointRequest, receivedAt: OCPPTimestamp) {
        self.chargePointId = chargePointId
        self.request = request
        self.receivedAt = receivedAt
    }
}
