import PublicAPI

/// What a StatusNotification changed (OCPP 1.6 §4.9): the charge point itself (connector 0) or
/// one EVSE, with the status before, so the caller can tell a change from a repeat.
public enum StatusChange: Sendable, Hashable {
    /// Connector 0: the charge point's `hardwareStatus`.
    case chargePoint(ChargePointRecord, previous: ChargePointHardwareStatus?)
    /// Connector ≥ 1: the EVSE with that networkId (created on first report).
    case evse(EVSERecord, previous: EVSEHardwareStatus?)
}
