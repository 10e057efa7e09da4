/// What the receiver of a CALL sends back: a CALLRESULT payload or a CALLERROR (OCPP-J 1.6 section 4.2).
public enum CallAnswer: Sendable, Equatable {
    /// The CALLRESULT payload (the `.conf` of the action), already encoded.
    case result(RawJSON)
    /// The CALLERROR content.
    case error(CallError)

    /// Encodes a typed response; a response that cannot be encoded (a non-finite number) is our
    /// fault and becomes `InternalError`.
    public init(response: some OCPPPayload) {
        do {
            self = .result(try RawJSON(encoding: response))
        } catch {
            self = .error(CallError(.internalError, "response could not be encoded: \(error)"))
        }
    }

    /// The frame answering the CALL with id `messageId`.
    public func frame(answering messageId: String) -> RPCFrame {
        switch self {
        case .result(let payload): .callResult(messageId: messageId, payload: payload)
        case .error(let error): .callError(messageId: messageId, error: error)
        }
    }
}
