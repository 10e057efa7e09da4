import OCPP16

/// Sends central-system-initiated CALLs (OCPP 1.6 chapter 5: RemoteStartTransaction, Reset,
/// ...) to connected charge points and returns their typed answers; the Public API actions call
/// this. Calls to one charger go out one at a time (OCPP-J 1.6 section 4.1.1), in order.
public struct ChargePointCommands: ChargePointCommandSending {
    let registry: ChargePointRegistry
    /// The timeout of ``send(_:to:)``, the server's `callTimeout`.
    public let defaultTimeout: Duration

    /// Sends `request` to `chargePointId` and waits for its answer, at most `timeout` once the
    /// CALL is written (a CALL queued behind another one starts its clock when it goes out).
    ///
    /// Throws ``ChargePointCommandError``: `.offline` when the charger is not connected (or its
    /// connection went before the CALL was written), `.timedOut`, `.callError` for a CALLERROR,
    /// `.failed` for an answer that does not decode or a connection lost after sending. A
    /// `Rejected` answer is returned, not thrown.
    public func send<R: OCPPRequest>(
        _ request: R, to chargePointId: String, timeout: Duration
    ) async throws(ChargePointCommandError) -> R.Response {
        guard let connection = registry.connection(for: chargePointId) else {
            throw .offline(chargePointId: chargePointId)
        }
        let payload: RawJSON
        do {
            payload = try RawJSON(encoding: request)
        } catch {
            throw .failed(chargePointId: chargePointId, reason: "\(R.action) could not be encoded: \(error)")
        }
        let result = await connection.call(action: R.action, payload: payload, timeout: timeout)
        switch result {
        case .success(let answer):
            do throws(CallError) {
                return try answer.decode(R.Response.self)
            } catch {
                throw .failed(chargePointId: chargePointId, reason: "\(R.action): invalid answer: \(error)")
            }
        case .failure(let error):
            throw error
        }
    }

    /// Sends with ``defaultTimeout``.
    public func send<R: OCPPRequest>(
        _ request: R, to chargePointId: String
    ) async throws(ChargePointCommandError) -> R.Response {
        try await send(request, to: chargePointId, timeout: defaultTimeout)
    }

    /// Whether the charge point has a live connection now.
    public func isConnected(_ chargePointId: String) -> Bool {
        registry.connection(for: chargePointId) != nil
    }

    /// The charge points connected now, sorted by id.
    public var connectedChargePointIds: [String] { registry.connectedIds }

    /// Closes a charge point's connection with 1000 and `reason` (the API's disconnect action);
    /// `false` if it is offline.
    @discardableResult
    public func disconnect(_ chargePointId: String, reason: String) -> Bool {
        guard let connection = registry.connection(for: chargePointId) else { return false }
        // A close reason is at most 123 bytes (RFC 6455 section 5.5.1).
        var shortened = reason
        while shortened.utf8.count > 123 { shortened.removeLast() }
        connection.close(code: .normalClosure, reason: shortened)
        return true
    }
}
