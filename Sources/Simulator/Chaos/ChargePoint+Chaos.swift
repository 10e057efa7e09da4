import OCPP16

// EV-side faults and reboots on the charger's own initiative (issue 10, chaos injection).
extension ChargePoint {
    /// The EV on `connectorId` stops (`true`) or resumes (`false`) taking energy, as an EV-side
    /// fault does: the connector reports SuspendedEV meanwhile (OCPP 1.6 §4.9).
    public mutating func setEVSuspended(_ suspended: Bool, connectorId: Int, now: OCPPTimestamp)
        -> [ChargePointAction]
    {
        begin(now)
        meters.connectors[connectorId]?.setEVPaused(suspended, at: now)
        return finish()
    }

    /// The charger reboots on its own, as after a watchdog reset: running transactions stop
    /// with reason SoftReset and their StopTransactions are confirmed first (§5.14), then
    /// ``ChargePointAction/reboot(_:)``.
    public mutating func rebootOnItsOwn(now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if resetting == nil { beginReset(.soft) }
        return finish()
    }

    /// Whether a CALL of the charger awaits its answer.
    var hasCallInFlight: Bool { inFlight != nil }

    /// The error code of the fault on `connectorId`, if any.
    func faultCode(_ connectorId: Int) -> ChargePointErrorCode? {
        connectors.indices.contains(connectorId) ? connectors[connectorId].fault?.errorCode : nil
    }
}
