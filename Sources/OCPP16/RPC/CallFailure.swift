/// Why an outgoing CALL ended without a usable CALLRESULT.
public enum CallFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer answered with a CALLERROR.
    case callError(CallError)
    /// The peer answered, but the answer is unusable: a malformed CALLRESULT/CALLERROR frame, or a
    /// CALLRESULT payload that does not decode as the response type (the code says how, e.g.
    /// `TypeConstraintViolation`, and the description names the field).
    case invalidResponse(CallError)
    /// No answer within the call's timeout (OCPP-J 1.6 section 4.1.1); a late answer is ignored.
    case timedOut
    /// The connection closed first. `sent` tells whether the CALL had been written (the peer may
    /// have processed it) or was still queued (it certainly did not).
    case connectionLost(sent: Bool)

    public var description: String {
        switch self {
        case .callError(let error): "peer answered CALLERROR \(error)"
        case .invalidResponse(let error): "invalid response: \(error)"
        case .timedOut: "timed out"
        case .connectionLost(let sent):
            sent ? "connection lost while waiting for the answer" : "connection lost before sending"
        }
    }
}
