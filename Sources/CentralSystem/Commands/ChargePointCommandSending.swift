import OCPP16

/// Sends a central-system-initiated OCPP CALL to a connected charge point and returns its typed
/// answer. The Public API actions call this; the OCPP server implements it. Whether the typed
/// answer means "accepted" is for the caller to judge (e.g. `RemoteStartTransactionResponse.status`).
public protocol ChargePointCommandSending: Sendable {
    /// Sends `request` to the charge point with OCPP identity `chargePointId` and waits at most
    /// `timeout` for its CALLRESULT.
    func send<R: OCPPRequest>(_ request: R, to chargePointId: String, timeout: Duration)
        async throws(ChargePointCommandError) -> R.Response
}

/// Why a command did not produce a typed answer; the API maps each case to a 406 with a message
/// that says which.
public enum ChargePointCommandError: Error, Sendable, Equatable {
    /// The charge point has no open OCPP connection.
    case offline(chargePointId: String)
    /// No answer within the timeout.
    case timedOut(chargePointId: String, action: String)
    /// The charge point answered with a CALLERROR.
    case callError(chargePointId: String, code: CallErrorCode, description: String)
    /// The answer did not decode as the action's response type, or the connection dropped mid-call.
    case failed(chargePointId: String, reason: String)
}
