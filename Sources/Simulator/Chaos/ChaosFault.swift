import OCPP16

/// One fault injected into one charger (``ChargerRuntime/inject(_:)``), or drawn at random
/// from a ``ChaosProfile``. Faults that cut the connection wait for a quiet moment (no CALL of
/// the charger in flight): OCPP 1.6 has no duplicate detection, so a cut with a transaction
/// message in flight makes the central system see it twice.
public enum ChaosFault: Sendable, Equatable {
    /// The connector reports Faulted with `errorCode` (OCPP 1.6 §7.6) for `duration`, then
    /// recovers; a running transaction is suspended (SuspendedEVSE) meanwhile.
    case connectorFault(connectorId: Int, errorCode: ChargePointErrorCode, vendorErrorCode: String?, duration: Duration)
    /// The EV on the connector stops taking energy (SuspendedEV) for `duration`.
    case evSuspended(connectorId: Int, duration: Duration)
    /// The connection drops without a close handshake (the TCP connection is closed); the
    /// charger reconnects after `reconnectAfter`.
    case connectionDrop(reconnectAfter: Duration)
    /// The socket stays open but the charger stops reading and writing for `duration` (a
    /// half-open connection, as after a silent network failure); then it gives the connection
    /// up, closes it and reconnects after `reconnectAfter`.
    case halfOpen(duration: Duration, reconnectAfter: Duration)
    /// The charger reboots on its own (running transactions stop with reason SoftReset, §5.14)
    /// and boots again.
    case reboot
    /// One malformed text frame goes out (not an OCPP-J message); the central system should
    /// answer it with a CALLERROR or ignore it.
    case malformedFrame
    /// The charger's next `count` answers to the central system's CALLs misbehave.
    case answers(ChaosAnswer, count: Int)

    /// Whether it closes or stalls the connection (and so waits for a quiet moment).
    var cutsConnection: Bool {
        switch self {
        case .connectionDrop, .halfOpen, .reboot: true
        case .connectorFault, .evSuspended, .malformedFrame, .answers: false
        }
    }
}

/// How the charger answers one CALL of the central system under ``ChaosFault/answers(_:count:)``.
public enum ChaosAnswer: Sendable, Equatable {
    /// The right answer, `delay` late.
    case slow(delay: Duration)
    /// No answer at all (the central system's call times out).
    case missing
    /// A CALLERROR `InternalError` instead of the CALLRESULT.
    case callError
    /// A frame that is not JSON instead of the CALLRESULT.
    case malformed
}
