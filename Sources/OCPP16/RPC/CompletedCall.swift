/// An outgoing CALL that has ended: answered, failed, timed out or cut off by a lost connection.
public struct CompletedCall: Sendable, Equatable {
    /// The id the endpoint assigned to the CALL.
    public var messageId: String
    /// The action of the CALL, so the shell can tell which request this answers.
    public var action: String
    /// The CALLRESULT payload, undecoded, or why there is none.
    public var outcome: Result<RawJSON, CallFailure>

    public init(messageId: String, action: String, outcome: Result<RawJSON, CallFailure>) {
        self.messageId = messageId
        self.action = action
        self.outcome = outcome
    }

    /// Decodes the CALLRESULT as the response of `request`. A payload that does not decode
    /// becomes ``CallFailure/invalidResponse(_:)`` with the CALLERROR code the decode failure maps
    /// to (``CallError/init(decodingFailure:)``).
    ///
    /// - Precondition: `R.action == action`; asking for another action's response is a bug in the caller.
    public func response<R: OCPPRequest>(to request: R.Type) -> Result<R.Response, CallFailure> {
        precondition(R.action == action, "CompletedCall for \(action) read as the response to \(R.action)")
        switch outcome {
        case .success(let payload):
            do {
                return .success(try payload.decode(R.Response.self))
            } catch {
                return .failure(.invalidResponse(error))
            }
        case .failure(let failure):
            return .failure(failure)
        }
    }
}
