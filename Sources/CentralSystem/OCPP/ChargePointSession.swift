import Foundation
import OCPP16

/// The central system's side of one charge point connection, sans-I/O: OCPP-J framing and call
/// correlation (``RPCEndpoint``, one CALL in flight) plus decoding of the charger's CALLs into
/// ``ChargePointRequest``. The shell (``ChargePointConnection``) writes what it returns, runs
/// the requests against the store and arms one timer at ``nextDeadline``.
public struct ChargePointSession: Sendable {
    /// What to do after an input.
    public enum Action: Sendable, Equatable {
        /// Write these bytes as one text message.
        case write([UInt8])
        /// Run this request and pass the answer to ``answer(_:with:)``.
        case handle(messageId: String, request: ChargePointRequest)
        /// One of our CALLs ended (answered, failed, timed out or cut off).
        case completed(CompletedCall)
        /// Nothing to send; worth a log line.
        case ignored(RPCEndpoint.IgnoredReason)
    }

    /// What to do after ``sendCall(action:payload:timeout:now:)``.
    public enum SendAction: Sendable, Equatable {
        /// Write these bytes now; the CALL with this id is in flight.
        case write([UInt8], messageId: String)
        /// Queued behind the CALL in flight; it goes out as a later `.write` action.
        case queued(messageId: String)
        /// Not accepted.
        case rejected(RPCEndpoint.SendCallRejection)
    }

    /// The charge point's identity (last path segment of its URL).
    public let chargePointId: String
    private var endpoint: RPCEndpoint

    /// A session for a connection that has just opened.
    public init(chargePointId: String, callTimeout: Duration, messageIDs: MessageIDGenerator) {
        self.chargePointId = chargePointId
        self.endpoint = RPCEndpoint(
            configuration: .init(handledActions: ChargePointRequest.actions, callTimeout: callTimeout),
            messageIDs: messageIDs)
    }

    /// When ``timerFired(now:)`` must be called, if a CALL of ours is in flight.
    public var nextDeadline: ContinuousClock.Instant? { endpoint.nextDeadline }

    /// One text message received.
    public mutating func received(text: String, now: ContinuousClock.Instant) -> [Action] {
        switch endpoint.received(bytes: Array(text.utf8), now: now) {
        case .deliverCall(let call):
            switch ChargePointRequest.decode(call) {
            case .success(let request):
                return [.handle(messageId: call.messageId, request: request)]
            case .failure(let error):
                return answer(call.messageId, with: .error(error))
            }
        case .sendError(let bytes, _, _):
            return [.write(bytes)]
        case .completed(let completed, let next):
            return [.completed(completed)] + (next.map { [.write($0.bytes)] } ?? [])
        case .ignored(let reason):
            return [.ignored(reason)]
        }
    }

    /// The answer to a request delivered by `.handle`.
    public mutating func answer(_ messageId: String, with answer: CallAnswer) -> [Action] {
        switch endpoint.answer(messageId, with: answer) {
        case .send(let bytes): [.write(bytes)]
        case .unknownCall: []
        }
    }

    /// A CALL of ours (ChargePointCommands): sent now, or queued behind the one in flight.
    public mutating func sendCall(
        action: String, payload: RawJSON, timeout: Duration?, now: ContinuousClock.Instant
    ) -> SendAction {
        switch endpoint.sendCall(action: action, payload: payload, timeout: timeout, now: now) {
        case .send(let call): .write(call.bytes, messageId: call.messageId)
        case .queued(let messageId, _): .queued(messageId: messageId)
        case .rejected(let rejection): .rejected(rejection)
        }
    }

    /// The timer armed at ``nextDeadline`` fired.
    public mutating func timerFired(now: ContinuousClock.Instant) -> [Action] {
        switch endpoint.timerFired(now: now) {
        case .nothing: []
        case .timedOut(let completed, let next): [.completed(completed)] + (next.map { [.write($0.bytes)] } ?? [])
        }
    }

    /// The connection is gone: every CALL of ours in flight or queued ends.
    public mutating func connectionLost() -> [Action] {
        endpoint.connectionLost().map { .completed($0) }
    }
}
