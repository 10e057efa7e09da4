extension RPCEndpoint {
    /// What to do after ``sendCall(_:timeout:now:)``.
    public enum SendCallAction: Sendable, Equatable {
        /// Write these bytes now; the CALL is in flight.
        case send(OutgoingCall)
        /// Another CALL is in flight; this one got its id and goes out (as `sendNext` of a later
        /// action) when its turn comes.
        case queued(messageId: String, action: String)
        /// The call was not accepted; nothing to send.
        case rejected(SendCallRejection)
    }

    /// Why ``sendCall(_:timeout:now:)`` refused a call.
    public enum SendCallRejection: Error, Sendable, Equatable {
        /// ``Configuration/maximumQueuedCalls`` calls already wait.
        case queueFull(limit: Int)
        /// The request could not be encoded as JSON (e.g. a non-finite number).
        case encodingFailed(String)
        /// ``connectionLost()`` was called and no ``connectionRestored()`` since.
        case connectionClosed
    }

    /// What to do after ``received(bytes:now:)``.
    public enum ReceiveAction: Sendable, Equatable {
        /// A valid CALL for an action this side handles: run it and pass the result to ``answer(_:with:)``.
        case deliverCall(InboundCall)
        /// The message was refused: write these CALLERROR bytes, then log `error`.
        case sendError([UInt8], messageId: String, error: CallError)
        /// The CALL in flight ended; if `sendNext` is set, write its bytes (the next queued CALL).
        case completed(CompletedCall, sendNext: OutgoingCall?)
        /// Nothing to send; log the reason.
        case ignored(IgnoredReason)
    }

    /// Why a received message needs no action.
    public enum IgnoredReason: Sendable, Equatable {
        /// A MessageTypeNumber other than 2, 3, 4 (OCPP-J 1.6 section 4.1.3: "SHALL ignore").
        case unknownMessageType(Int)
        /// A CALLRESULT or CALLERROR whose id is not the CALL in flight (late after a timeout,
        /// duplicated, or never sent).
        case unmatchedResponse(messageId: String)
        /// A malformed CALLRESULT or CALLERROR that does not answer the CALL in flight.
        case malformedResponse(messageId: String?, reason: String)
        /// Input after ``connectionLost()``.
        case connectionClosed
    }

    /// What to do after ``timerFired(now:)``.
    public enum TimerAction: Sendable, Equatable {
        /// No deadline has passed.
        case nothing
        /// The CALL in flight timed out; if `sendNext` is set, write its bytes.
        case timedOut(CompletedCall, sendNext: OutgoingCall?)
    }

    /// What to do after ``answer(_:with:)``.
    public enum AnswerAction: Sendable, Equatable {
        /// Write this CALLRESULT or CALLERROR.
        case send([UInt8])
        /// No CALL with this id awaits an answer; nothing to send.
        case unknownCall(messageId: String)
    }
}
