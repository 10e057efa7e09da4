import Foundation

/// The OCPP-J RPC rules for one side of one connection, as a sans-I/O state machine: it turns
/// calls to make and bytes received into bytes to send and outcomes to report, and reads no clock.
///
/// - Outgoing: at most one CALL in flight (OCPP-J 1.6 section 4.1.1: no CALL "unless all the CALL
///   messages it sent before have been responded to or have timed out"); further calls wait in a
///   bounded queue and go out, in order, as each one ends. Each CALL times out after its timeout
///   (``Configuration/callTimeout`` unless given per call); the shell arms one timer at
///   ``nextDeadline`` and calls ``timerFired(now:)``.
/// - Incoming: a CALL for an action this side handles is delivered; any other CALL, and any
///   malformed message, is answered with the CALLERROR of table 7 right away (see
///   ``RPCFrameError`` and ``ActionSupport``). Answers whose id matches no CALL in flight are
///   ignored, never fatal. Nothing received ever closes the connection.
public struct RPCEndpoint: Sendable {
    /// Limits and timeouts of one endpoint.
    public struct Configuration: Sendable, Equatable {
        /// The actions this side answers (``ActionRegistry/handledActions``).
        public var handledActions: Set<String>
        /// The actions that exist; others are `NotImplemented`.
        public var knownActions: Set<String>
        /// How long a CALL waits for its answer unless `sendCall` gives a timeout. 1.6 leaves the
        /// value to implementations (section 4.1.1); 30 s suits fixed and most mobile links.
        public var callTimeout: Duration
        /// The most CALLs waiting behind the one in flight; one more is rejected `queueFull`.
        public var maximumQueuedCalls: Int
        /// The most peer CALLs delivered and not yet answered. The peer SHOULD have only one
        /// (section 4.1.1); past this bound a CALL is answered `GenericError`.
        public var maximumPendingInboundCalls: Int

        public init(
            handledActions: Set<String>,
            knownActions: Set<String> = OCPPActionNames.all,
            callTimeout: Duration = .seconds(30),
            maximumQueuedCalls: Int = 100,
            maximumPendingInboundCalls: Int = 8
        ) {
            self.handledActions = handledActions
            self.knownActions = knownActions
            self.callTimeout = callTimeout
            self.maximumQueuedCalls = maximumQueuedCalls
            self.maximumPendingInboundCalls = maximumPendingInboundCalls
        }
    }

    /// The CALL written and not yet answered.
    private struct InFlightCall: Sendable {
        var messageId: String
        var action: String
        var deadline: ContinuousClock.Instant
    }

    /// A CALL waiting for the one in flight to end; its timeout starts when it is written.
    private struct QueuedCall: Sendable {
        var call: OutgoingCall
        var timeout: Duration
    }

    /// The outgoing side: a queue can only exist behind a call in flight.
    private enum Outbound: Sendable {
        /// No CALL in flight; a new one goes out at once.
        case idle
        /// One CALL in flight, `queue` waiting behind it, oldest first. Boxed: inline, it made
        /// every endpoint (one per simulated charger) 56 bytes larger, idle or not (issue 11).
        indirect case waiting(InFlightCall, queue: [QueuedCall])
    }

    private enum State: Sendable {
        /// The connection is up.
        case open(outbound: Outbound, pendingInbound: Set<String>)
        /// The connection is down: calls are refused and input is ignored until ``connectionRestored()``.
        case closed
    }

    public let configuration: Configuration
    private var state: State
    private var messageIDs: MessageIDGenerator

    /// An endpoint for a connection that has just opened.
    public init(configuration: Configuration, messageIDs: MessageIDGenerator) {
        self.configuration = configuration
        self.messageIDs = messageIDs
        self.state = .open(outbound: .idle, pendingInbound: [])
    }

    /// When ``timerFired(now:)`` must be called: the deadline of the CALL in flight, if any.
    public var nextDeadline: ContinuousClock.Instant? {
        switch state {
        case .open(.waiting(let inFlight, _), _): inFlight.deadline
        case .open(.idle, _), .closed: nil
        }
    }

    /// The message id of the CALL in flight, if any.
    public var inFlightMessageId: String? {
        switch state {
        case .open(.waiting(let inFlight, _), _): inFlight.messageId
        case .open(.idle, _), .closed: nil
        }
    }

    /// How many CALLs wait behind the one in flight.
    public var queuedCallCount: Int {
        switch state {
        case .open(.waiting(_, let queue), _): queue.count
        case .open(.idle, _), .closed: 0
        }
    }
}

// MARK: - Outgoing calls

extension RPCEndpoint {
    /// Sends `request` now if no CALL is in flight, else queues it. The message id is assigned
    /// here either way.
    ///
    /// - Parameter timeout: overrides ``Configuration/callTimeout`` for this call.
    public mutating func sendCall<R: OCPPRequest>(
        _ request: R,
        timeout: Duration? = nil,
        now: ContinuousClock.Instant
    ) -> SendCallAction {
        let payload: RawJSON
        do {
            payload = try RawJSON(encoding: request)
        } catch {
            return .rejected(.encodingFailed("\(R.action): \(error)"))
        }
        return sendCall(action: R.action, payload: payload, timeout: timeout, now: now)
    }

    /// Sends an already encoded request (e.g. one replayed from a persistent queue).
    public mutating func sendCall(
        action: String,
        payload: RawJSON,
        timeout: Duration? = nil,
        now: ContinuousClock.Instant
    ) -> SendCallAction {
        guard case .open(let outbound, let pendingInbound) = state else { return .rejected(.connectionClosed) }
        let timeout = timeout ?? configuration.callTimeout
        switch outbound {
        case .idle:
            let call = makeCall(action: action, payload: payload)
            let inFlight = InFlightCall(messageId: call.messageId, action: action, deadline: now + timeout)
            state = .open(outbound: .waiting(inFlight, queue: []), pendingInbound: pendingInbound)
            return .send(call)
        case .waiting(let inFlight, var queue):
            guard queue.count < configuration.maximumQueuedCalls else {
                return .rejected(.queueFull(limit: configuration.maximumQueuedCalls))
            }
            let call = makeCall(action: action, payload: payload)
            queue.append(QueuedCall(call: call, timeout: timeout))
            state = .open(outbound: .waiting(inFlight, queue: queue), pendingInbound: pendingInbound)
            return .queued(messageId: call.messageId, action: action)
        }
    }

    private mutating func makeCall(action: String, payload: RawJSON) -> OutgoingCall {
        let messageId = messageIDs.next()
        let bytes = RPCFrame.call(messageId: messageId, action: action, payload: payload).serialized()
        return OutgoingCall(messageId: messageId, action: action, bytes: bytes)
    }

    /// Ends the call in flight and moves the next queued call (if any) in flight.
    private mutating func finishInFlight(
        _ inFlight: InFlightCall,
        queue: [QueuedCall],
        pendingInbound: Set<String>,
        outcome: Result<RawJSON, CallFailure>,
        now: ContinuousClock.Instant
    ) -> (CompletedCall, OutgoingCall?) {
        let completed = CompletedCall(messageId: inFlight.messageId, action: inFlight.action, outcome: outcome)
        guard let next = queue.first else {
            state = .open(outbound: .idle, pendingInbound: pendingInbound)
            return (completed, nil)
        }
        let nextInFlight = InFlightCall(
            messageId: next.call.messageId,
            action: next.call.action,
            deadline: now + next.timeout
        )
        state = .open(outbound: .waiting(nextInFlight, queue: Array(queue.dropFirst())), pendingInbound: pendingInbound)
        return (completed, next.call)
    }

    /// Call at (or after) ``nextDeadline``: a CALL whose deadline has passed times out and the
    /// next queued one goes out.
    public mutating func timerFired(now: ContinuousClock.Instant) -> TimerAction {
        guard case .open(.waiting(let inFlight, let queue), let pendingInbound) = state, now >= inFlight.deadline
        else { return .nothing }
        let (completed, next) = finishInFlight(
            inFlight,
            queue: queue,
            pendingInbound: pendingInbound,
            outcome: .failure(.timedOut),
            now: now
        )
        return .timedOut(completed, sendNext: next)
    }

    /// The connection closed: every call in flight or queued fails with
    /// ``CallFailure/connectionLost(sent:)`` (in flight first, then the queue in order), and
    /// unanswered peer CALLs are forgotten. Re-sending what must survive (transaction messages) is
    /// the job of the persistent queue above.
    public mutating func connectionLost() -> [CompletedCall] {
        guard case .open(let outbound, _) = state else { return [] }
        state = .closed
        switch outbound {
        case .idle:
            return []
        case .waiting(let inFlight, let queue):
            let first = CompletedCall(
                messageId: inFlight.messageId,
                action: inFlight.action,
                outcome: .failure(.connectionLost(sent: true))
            )
            return [first]
                + queue.map {
                    CompletedCall(
                        messageId: $0.call.messageId,
                        action: $0.call.action,
                        outcome: .failure(.connectionLost(sent: false))
                    )
                }
        }
    }

    /// A new connection is up: the endpoint accepts calls and input again. Message ids keep coming
    /// from the same generator, so they never repeat across reconnects either.
    public mutating func connectionRestored() {
        guard case .closed = state else { return }
        state = .open(outbound: .idle, pendingInbound: [])
    }
}

// MARK: - Incoming messages

extension RPCEndpoint {
    /// One complete message received (the payload of one WebSocket text message).
    public mutating func received(bytes: [UInt8], now: ContinuousClock.Instant) -> ReceiveAction {
        // The usual message: the plain CALLRESULT of the CALL in flight.
        if case .open(.waiting(let inFlight, _), _) = state,
            let payload = RPCFrame.callResultPayload(bytes, answering: inFlight.messageId)
        {
            return complete(inFlight.messageId, outcome: .success(payload), now: now)
        }
        return received(parsed: Result { () throws(RPCFrameError) in try RPCFrame.parse(bytes) }, now: now)
    }

    /// One complete message received, as `Data`.
    public mutating func received(data: Data, now: ContinuousClock.Instant) -> ReceiveAction {
        received(parsed: Result { () throws(RPCFrameError) in try RPCFrame.parse(data) }, now: now)
    }

    private mutating func received(parsed: Result<RPCFrame, RPCFrameError>, now: ContinuousClock.Instant)
        -> ReceiveAction
    {
        guard case .open(let outbound, var pendingInbound) = state else { return .ignored(.connectionClosed) }
        switch parsed {
        case .success(.call(let messageId, let action, let payload)):
            if pendingInbound.contains(messageId) {
                // Section 4.2.3 lists "an existing call with the same unique identifier is being handled
                // already" as a CALLERROR case without naming a code; GenericError is table 7's catch-all.
                return reject(
                    messageId, CallError(.genericError, "a CALL with MessageId \(messageId) is already being handled"))
            }
            guard pendingInbound.count < configuration.maximumPendingInboundCalls else {
                return reject(
                    messageId,
                    CallError(
                        .genericError, "more than \(configuration.maximumPendingInboundCalls) CALLs awaiting an answer")
                )
            }
            let support = ActionSupport(
                action: action, handled: configuration.handledActions, known: configuration.knownActions)
            if let error = support.callError(for: action) {
                return reject(messageId, error)
            }
            pendingInbound.insert(messageId)
            state = .open(outbound: outbound, pendingInbound: pendingInbound)
            return .deliverCall(InboundCall(messageId: messageId, action: action, payload: payload))

        case .success(.callResult(let messageId, let payload)):
            return complete(messageId, outcome: .success(payload), now: now)

        case .success(.callError(let messageId, let error)):
            return complete(messageId, outcome: .failure(.callError(error)), now: now)

        case .failure(.unknownMessageType(let number)):
            return .ignored(.unknownMessageType(number))

        case .failure(.malformed(let code, let reason, let messageType, let messageId)):
            switch messageType {
            case .call, nil:
                // OCPP 2.0.1 part 4 section 4.2.3: "When also the MessageId cannot be read, the CALLERROR
                // SHALL contain "-1" as MessageId". 1.6 is silent; we follow its successor.
                return reject(messageId ?? "-1", CallError(code, reason))
            case .callResult, .callError:
                // A CALLERROR only ever answers a CALL; a broken answer fails the call it answers.
                guard let messageId, messageId == inFlightMessageId else {
                    return .ignored(.malformedResponse(messageId: messageId, reason: "\(code.wire): \(reason)"))
                }
                return complete(messageId, outcome: .failure(.invalidResponse(CallError(code, reason))), now: now)
            }
        }
    }

    private func reject(_ messageId: String, _ error: CallError) -> ReceiveAction {
        .sendError(
            RPCFrame.callError(messageId: messageId, error: error).serialized(), messageId: messageId, error: error)
    }

    private mutating func complete(
        _ messageId: String,
        outcome: Result<RawJSON, CallFailure>,
        now: ContinuousClock.Instant
    ) -> ReceiveAction {
        guard case .open(.waiting(let inFlight, let queue), let pendingInbound) = state, inFlight.messageId == messageId
        else { return .ignored(.unmatchedResponse(messageId: messageId)) }
        let (completed, next) = finishInFlight(
            inFlight,
            queue: queue,
            pendingInbound: pendingInbound,
            outcome: outcome,
            now: now
        )
        return .completed(completed, sendNext: next)
    }

    /// Answers a CALL delivered by ``received(bytes:now:)``: returns the CALLRESULT or CALLERROR
    /// frame to write. Answering an id that is not awaiting an answer (already answered, or the
    /// connection was lost since) returns ``AnswerAction/unknownCall(messageId:)``.
    public mutating func answer(_ messageId: String, with answer: CallAnswer) -> AnswerAction {
        guard case .open(let outbound, var pendingInbound) = state, pendingInbound.remove(messageId) != nil else {
            return .unknownCall(messageId: messageId)
        }
        state = .open(outbound: outbound, pendingInbound: pendingInbound)
        return .send(answer.frame(answering: messageId).serialized())
    }

    /// Answers a delivered CALL with a typed response (`InternalError` if it cannot be encoded).
    public mutating func answer(_ messageId: String, response: some OCPPPayload) -> AnswerAction {
        answer(messageId, with: CallAnswer(response: response))
    }
}
