/// Optional capability of a `ChargePointCommandSending`: closing a charge point's OCPP connection
/// (the `disconnect` action, reference §5). A sender without it makes that action answer 409.
public protocol ChargePointDisconnecting: Sendable {
    /// Closes the connection of `chargePointId`; `false` when it had none.
    func disconnect(chargePointId: String, reason: String) async -> Bool
}
