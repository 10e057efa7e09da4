import OCPP16

extension ChargePointCommandError {
    /// The error for a CALL of `action` that ``RPCEndpoint`` ended without a usable answer.
    init(_ failure: CallFailure, chargePointId: String, action: String) {
        switch failure {
        case .callError(let error):
            self = .callError(chargePointId: chargePointId, code: error.code, description: error.errorDescription)
        case .invalidResponse(let error):
            self = .failed(chargePointId: chargePointId, reason: "\(action): invalid answer: \(error)")
        case .timedOut:
            self = .timedOut(chargePointId: chargePointId, action: action)
        case .connectionLost(sent: true):
            // The charger may have acted on it: not the same as never sent.
            self = .failed(chargePointId: chargePointId, reason: "\(action): connection lost before the answer")
        case .connectionLost(sent: false):
            self = .offline(chargePointId: chargePointId)
        }
    }

    /// The error for a CALL of `action` that ``RPCEndpoint`` refused to send.
    init(_ rejection: RPCEndpoint.SendCallRejection, chargePointId: String, action: String) {
        switch rejection {
        case .queueFull(let limit):
            self = .failed(chargePointId: chargePointId, reason: "\(action): \(limit) commands already wait")
        case .encodingFailed(let text):
            self = .failed(chargePointId: chargePointId, reason: "\(action) could not be encoded: \(text)")
        case .connectionClosed:
            self = .offline(chargePointId: chargePointId)
        }
    }
}
