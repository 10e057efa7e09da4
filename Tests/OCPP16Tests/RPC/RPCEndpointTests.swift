import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("RPCEndpoint")
struct RPCEndpointTests {
    typealias Endpoint = RPCEndpoint

    let t0 = ContinuousClock.now
    /// The ids the endpoint under test will assign, from an identically seeded generator.
    var expectedIds = MessageIDGenerator(random: SeededGenerator(seed: 7))

    private func makeEndpoint(
        handled: Set<String> = ["Reset"],
        timeout: Duration = .seconds(30),
        maximumQueuedCalls: Int = 100,
        maximumPendingInboundCalls: Int = 8
    ) -> Endpoint {
        Endpoint(
            configuration: .init(
                handledActions: handled,
                callTimeout: timeout,
                maximumQueuedCalls: maximumQueuedCalls,
                maximumPendingInboundCalls: maximumPendingInboundCalls
            ),
            messageIDs: MessageIDGenerator(random: SeededGenerator(seed: 7))
        )
    }

    private func callBytes(_ id: String, _ action: String, _ payload: String) -> [UInt8] {
        .json(#"[2,""# + id + #"",""# + action + #"","# + payload + "]")
    }

    private func outgoing(_ id: String, _ action: String, _ payload: String) -> OutgoingCall {
        OutgoingCall(messageId: id, action: action, bytes: callBytes(id, action, payload))
    }

    // MARK: One call in flight, the queue

    @Test mutating func firstCallGoesOutAtOnceWithExactBytes() {
        var endpoint = makeEndpoint()
        let id = expectedIds.next()
        let action = endpoint.sendCall(AuthorizeFixture(idTag: "B4F62CEF"), now: t0)
        #expect(action == .send(outgoing(id, "Authorize", #"{"idTag":"B4F62CEF"}"#)))
        #expect(endpoint.inFlightMessageId == id)
        #expect(endpoint.nextDeadline == t0 + .seconds(30))
    }

    @Test mutating func furtherCallsQueueAndGoOutInOrderAsEachEnds() {
        var endpoint = makeEndpoint()
        let (a, b, c) = (expectedIds.next(), expectedIds.next(), expectedIds.next())
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        #expect(endpoint.sendCall(AuthorizeFixture(idTag: "1"), now: t0) == .queued(messageId: b, action: "Authorize"))
        #expect(endpoint.sendCall(AuthorizeFixture(idTag: "2"), now: t0) == .queued(messageId: c, action: "Authorize"))
        #expect(endpoint.queuedCallCount == 2)

        let t1 = t0 + .seconds(2)
        let first = endpoint.received(bytes: .json(#"[3,""# + a + #"",{"currentTime":"now"}]"#), now: t1)
        #expect(
            first
                == .completed(
                    CompletedCall(
                        messageId: a, action: "Heartbeat", outcome: .success(RawJSON(#"{"currentTime":"now"}"#))),
                    sendNext: outgoing(b, "Authorize", #"{"idTag":"1"}"#)
                )
        )
        // The next call's timeout runs from when it went out.
        #expect(endpoint.nextDeadline == t1 + .seconds(30))

        let second = endpoint.received(bytes: .json(#"[4,""# + b + #"","InternalError","db down",{}]"#), now: t1)
        #expect(
            second
                == .completed(
                    CompletedCall(
                        messageId: b,
                        action: "Authorize",
                        outcome: .failure(.callError(CallError(.internalError, "db down")))
                    ),
                    sendNext: outgoing(c, "Authorize", #"{"idTag":"2"}"#)
                )
        )
        let third = endpoint.received(bytes: .json(#"[3,""# + c + #"",{"idTagInfo":{"status":"Accepted"}}]"#), now: t1)
        guard case .completed(let completed, sendNext: nil) = third else {
            Issue.record("expected the last call to complete with nothing after it, got \(third)")
            return
        }
        #expect(completed.response(to: AuthorizeFixture.self) == .success(.init(idTagInfo: .init(status: .Accepted))))
        #expect(endpoint.inFlightMessageId == nil)
        #expect(endpoint.nextDeadline == nil)
    }

    @Test func queueIsBounded() {
        var endpoint = makeEndpoint(maximumQueuedCalls: 2)
        guard case .send = endpoint.sendCall(HeartbeatFixture(), now: t0),
            case .queued = endpoint.sendCall(HeartbeatFixture(), now: t0),
            case .queued = endpoint.sendCall(HeartbeatFixture(), now: t0)
        else {
            Issue.record("the first three calls must be accepted")
            return
        }
        #expect(endpoint.sendCall(HeartbeatFixture(), now: t0) == .rejected(.queueFull(limit: 2)))
        #expect(endpoint.queuedCallCount == 2)
    }

    @Test func requestThatCannotBeEncodedIsRejected() {
        var endpoint = makeEndpoint()
        guard
            case .rejected(.encodingFailed(let reason)) = endpoint.sendCall(
                DataTransferFixture(vendorId: "v", reading: .nan),
                now: t0
            )
        else {
            Issue.record("a NaN must not be sent")
            return
        }
        #expect(reason.hasPrefix("DataTransfer: "))
        #expect(endpoint.inFlightMessageId == nil)
    }

    // MARK: Timeouts

    @Test mutating func callTimesOutAtItsDeadlineAndTheNextGoesOut() {
        var endpoint = makeEndpoint()
        let (a, b) = (expectedIds.next(), expectedIds.next())
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        _ = endpoint.sendCall(HeartbeatFixture(), timeout: .seconds(5), now: t0 + .seconds(1))

        #expect(endpoint.timerFired(now: t0 + .milliseconds(29_999)) == .nothing)
        let deadline = t0 + .seconds(30)
        #expect(
            endpoint.timerFired(now: deadline)
                == .timedOut(
                    CompletedCall(messageId: a, action: "Heartbeat", outcome: .failure(.timedOut)),
                    sendNext: outgoing(b, "Heartbeat", "{}")
                )
        )
        // The per-call timeout of the second call applies from when it was sent.
        #expect(endpoint.nextDeadline == deadline + .seconds(5))
        #expect(
            endpoint.timerFired(now: deadline + .seconds(6))
                == .timedOut(
                    CompletedCall(messageId: b, action: "Heartbeat", outcome: .failure(.timedOut)), sendNext: nil)
        )
        #expect(endpoint.timerFired(now: deadline + .seconds(60)) == .nothing)
        #expect(endpoint.nextDeadline == nil)
    }

    @Test mutating func lateAnswerAfterATimeoutIsIgnored() {
        var endpoint = makeEndpoint(timeout: .seconds(10))
        let a = expectedIds.next()
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        _ = endpoint.timerFired(now: t0 + .seconds(10))
        #expect(
            endpoint.received(bytes: .json(#"[3,""# + a + #"",{}]"#), now: t0 + .seconds(11))
                == .ignored(.unmatchedResponse(messageId: a))
        )
    }

    // MARK: Answers that match nothing

    @Test mutating func answersWithUnknownIdsAreIgnoredAndTheCallStaysInFlight() {
        var endpoint = makeEndpoint()
        let a = expectedIds.next()
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        #expect(
            endpoint.received(bytes: .json(#"[3,"nope",{}]"#), now: t0)
                == .ignored(.unmatchedResponse(messageId: "nope")))
        #expect(
            endpoint.received(bytes: .json(#"[4,"nope","GenericError","",{}]"#), now: t0)
                == .ignored(.unmatchedResponse(messageId: "nope"))
        )
        #expect(endpoint.inFlightMessageId == a)
        // With nothing in flight, any answer is unmatched.
        var idle = makeEndpoint()
        #expect(idle.received(bytes: .json(#"[3,"x",{}]"#), now: t0) == .ignored(.unmatchedResponse(messageId: "x")))
    }

    @Test mutating func malformedAnswerToTheCallInFlightFailsIt() {
        var endpoint = makeEndpoint()
        let (a, b) = (expectedIds.next(), expectedIds.next())
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        let action = endpoint.received(bytes: .json(#"[3,""# + a + #"",[]]"#), now: t0)
        #expect(
            action
                == .completed(
                    CompletedCall(
                        messageId: a,
                        action: "Heartbeat",
                        outcome: .failure(
                            .invalidResponse(
                                CallError(.formationViolation, "Payload must be an object, found an array"))
                        )
                    ),
                    sendNext: outgoing(b, "Heartbeat", "{}")
                )
        )
        // A malformed answer to something else is only logged.
        #expect(
            endpoint.received(bytes: .json(#"[3,"other"]"#), now: t0)
                == .ignored(
                    .malformedResponse(
                        messageId: "other", reason: "ProtocolError: CALLRESULT has 2 elements, expected 3"))
        )
        #expect(endpoint.inFlightMessageId == b)
    }

    @Test mutating func callResultThatDoesNotDecodeIsAFailedCall() {
        var endpoint = makeEndpoint()
        let a = expectedIds.next()
        _ = endpoint.sendCall(AuthorizeFixture(idTag: "x"), now: t0)
        let action = endpoint.received(bytes: .json(#"[3,""# + a + #"",{"idTagInfo":{"status":7}}]"#), now: t0)
        guard case .completed(let completed, _) = action else {
            Issue.record("expected completion, got \(action)")
            return
        }
        #expect(
            completed.response(to: AuthorizeFixture.self)
                == .failure(
                    .invalidResponse(CallError(.typeConstraintViolation, "idTagInfo.status: expected a string")))
        )
    }

    // MARK: Inbound CALLs

    struct InboundCase: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    /// Each refused message and the exact CALLERROR that answers it.
    static let refusedCalls: [InboundCase] = [
        InboundCase(
            input: #"[2,"m1","FlyToTheMoon",{}]"#,
            expected: #"[4,"m1","NotImplemented","Requested Action FlyToTheMoon is not known by this receiver",{}]"#
        ),
        InboundCase(
            input: #"[2,"m2","reset",{"type":"Hard"}]"#,
            expected: #"[4,"m2","NotImplemented","Requested Action reset is not known by this receiver",{}]"#
        ),
        InboundCase(
            input: #"[2,"m3","BootNotification",{}]"#,
            expected:
                #"[4,"m3","NotSupported","Requested Action BootNotification is not supported by this receiver",{}]"#
        ),
        InboundCase(
            input: #"[2,"m4","Reset"]"#,
            expected: #"[4,"m4","ProtocolError","CALL has 3 elements, expected 4",{}]"#
        ),
        InboundCase(
            input: #"[2,"m5","Reset",{"type":"Hard"},{}]"#,
            expected: #"[4,"m5","FormationViolation","CALL has more than 4 elements",{}]"#
        ),
        InboundCase(
            input: #"[2,"m6","Reset",[]]"#,
            expected: #"[4,"m6","FormationViolation","Payload must be an object, found an array",{}]"#
        ),
        InboundCase(
            input: #"[2,"m7","Reset",{"type":}]"#,
            expected:
                #"[4,"m7","FormationViolation","not valid JSON: unexpected '}', a value was expected at byte 24",{}]"#
        ),
        InboundCase(
            input: #"[2,"0123456789012345678901234567890123456","Reset",{}]"#,
            expected:
                #"[4,"0123456789012345678901234567890123456","FormationViolation","MessageId has 37 characters, at most 36 are allowed",{}]"#
        ),
        InboundCase(
            input: #"[2,42,"Reset",{}]"#,
            expected: #"[4,"-1","FormationViolation","MessageId must be a string, found a number",{}]"#
        ),
        InboundCase(input: "{}", expected: #"[4,"-1","FormationViolation","message is not a JSON array",{}]"#),
        InboundCase(input: "[]", expected: #"[4,"-1","ProtocolError","empty array, MessageTypeId is missing",{}]"#),
        InboundCase(
            input: "ping",
            expected:
                #"[4,"-1","FormationViolation","not valid JSON: unexpected 'p', a value was expected at byte 0",{}]"#
        ),
    ]

    @Test(arguments: refusedCalls)
    func refusedCallGetsItsCallErrorAtOnce(_ testCase: InboundCase) {
        var endpoint = makeEndpoint()
        let action = endpoint.received(bytes: .json(testCase.input), now: t0)
        guard case .sendError(let bytes, _, _) = action else {
            Issue.record("expected a CALLERROR, got \(action)")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == testCase.expected)
    }

    @Test func unknownMessageTypeIsIgnoredNotAnswered() {
        var endpoint = makeEndpoint()
        #expect(endpoint.received(bytes: .json(#"[6,"id","Reset",{}]"#), now: t0) == .ignored(.unknownMessageType(6)))
    }

    @Test func handledCallIsDeliveredAndAnsweredOnce() {
        var endpoint = makeEndpoint()
        let action = endpoint.received(bytes: .json(#"[2,"cs-1","Reset",{"type":"Soft"}]"#), now: t0)
        #expect(
            action
                == .deliverCall(InboundCall(messageId: "cs-1", action: "Reset", payload: RawJSON(#"{"type":"Soft"}"#))))
        #expect(
            endpoint.answer("cs-1", response: ResetFixture.Response(status: .Accepted))
                == .send(.json(#"[3,"cs-1",{"status":"Accepted"}]"#))
        )
        #expect(endpoint.answer("cs-1", with: .result(.emptyObject)) == .unknownCall(messageId: "cs-1"))
        // Once answered, the id may be used again.
        guard case .deliverCall = endpoint.received(bytes: .json(#"[2,"cs-1","Reset",{"type":"Soft"}]"#), now: t0)
        else {
            Issue.record("an answered id is free again")
            return
        }
        #expect(
            endpoint.answer("cs-1", with: .error(CallError(.securityError, "nope")))
                == .send(.json(#"[4,"cs-1","SecurityError","nope",{}]"#))
        )
    }

    @Test func responseThatCannotBeEncodedIsAnsweredInternalError() {
        var endpoint = makeEndpoint(handled: ["DataTransfer"])
        _ = endpoint.received(data: Data(#"[2,"x","DataTransfer",{"vendorId":"v"}]"#.utf8), now: t0)
        guard
            case .send(let bytes) = endpoint.answer(
                "x", response: DataTransferFixture(vendorId: "v", reading: .infinity))
        else {
            Issue.record("the CALL must still be answered")
            return
        }
        #expect(
            String(decoding: bytes, as: UTF8.self).hasPrefix(#"[4,"x","InternalError","response could not be encoded"#))
    }

    @Test func duplicateIdOfACallStillBeingHandledIsAGenericError() {
        var endpoint = makeEndpoint()
        _ = endpoint.received(bytes: .json(#"[2,"dup","Reset",{"type":"Soft"}]"#), now: t0)
        let action = endpoint.received(bytes: .json(#"[2,"dup","Reset",{"type":"Hard"}]"#), now: t0)
        #expect(
            action
                == .sendError(
                    .json(#"[4,"dup","GenericError","a CALL with MessageId dup is already being handled",{}]"#),
                    messageId: "dup",
                    error: CallError(.genericError, "a CALL with MessageId dup is already being handled")
                )
        )
    }

    @Test func unansweredInboundCallsAreBounded() {
        var endpoint = makeEndpoint(maximumPendingInboundCalls: 2)
        _ = endpoint.received(bytes: .json(#"[2,"a","Reset",{"type":"Soft"}]"#), now: t0)
        _ = endpoint.received(bytes: .json(#"[2,"b","Reset",{"type":"Soft"}]"#), now: t0)
        guard case .sendError(_, "c", let error) = endpoint.received(bytes: .json(#"[2,"c","Reset",{}]"#), now: t0)
        else {
            Issue.record("the third unanswered CALL must be refused")
            return
        }
        #expect(error == CallError(.genericError, "more than 2 CALLs awaiting an answer"))
        _ = endpoint.answer("a", with: .result(.emptyObject))
        guard case .deliverCall = endpoint.received(bytes: .json(#"[2,"c","Reset",{}]"#), now: t0) else {
            Issue.record("after an answer there is room again")
            return
        }
    }

    @Test mutating func callsCrossingEachOtherDoNotDisturbTheCallInFlight() {
        var endpoint = makeEndpoint()
        let a = expectedIds.next()
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        guard case .deliverCall = endpoint.received(bytes: .json(#"[2,"cs-9","Reset",{"type":"Hard"}]"#), now: t0)
        else {
            Issue.record("a CALL from the peer is delivered while ours is in flight")
            return
        }
        #expect(endpoint.inFlightMessageId == a)
        guard case .completed = endpoint.received(bytes: .json(#"[3,""# + a + #"",{"currentTime":"x"}]"#), now: t0)
        else {
            Issue.record("our call still completes")
            return
        }
        #expect(endpoint.answer("cs-9", with: .result(.emptyObject)) == .send(.json(#"[3,"cs-9",{}]"#)))
    }

    // MARK: Connection lost

    @Test mutating func connectionLostFailsEveryCallAndClosesTheEndpoint() {
        var endpoint = makeEndpoint()
        let (a, b, c) = (expectedIds.next(), expectedIds.next(), expectedIds.next())
        _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
        _ = endpoint.sendCall(AuthorizeFixture(idTag: "1"), now: t0)
        _ = endpoint.sendCall(AuthorizeFixture(idTag: "2"), now: t0)
        _ = endpoint.received(bytes: .json(#"[2,"cs-1","Reset",{"type":"Soft"}]"#), now: t0)

        #expect(
            endpoint.connectionLost() == [
                CompletedCall(messageId: a, action: "Heartbeat", outcome: .failure(.connectionLost(sent: true))),
                CompletedCall(messageId: b, action: "Authorize", outcome: .failure(.connectionLost(sent: false))),
                CompletedCall(messageId: c, action: "Authorize", outcome: .failure(.connectionLost(sent: false))),
            ]
        )
        #expect(endpoint.connectionLost() == [])
        #expect(endpoint.nextDeadline == nil)
        #expect(endpoint.sendCall(HeartbeatFixture(), now: t0) == .rejected(.connectionClosed))
        #expect(endpoint.received(bytes: .json(#"[3,"x",{}]"#), now: t0) == .ignored(.connectionClosed))
        #expect(endpoint.answer("cs-1", with: .result(.emptyObject)) == .unknownCall(messageId: "cs-1"))
        #expect(endpoint.timerFired(now: t0 + .seconds(60)) == .nothing)

        endpoint.connectionRestored()
        let d = expectedIds.next()
        #expect(endpoint.sendCall(HeartbeatFixture(), now: t0) == .send(outgoing(d, "Heartbeat", "{}")))
        #expect(Set([a, b, c, d]).count == 4)
    }

    /// The plain CALLRESULT of the call in flight is read without the full frame parser (issue
    /// 11); every shape, plain or not, must end the call exactly as the parser reads it.
    @Test mutating func answersToTheCallInFlightEndItAsTheFrameParserReadsThem() throws {
        let a = expectedIds.next()
        let shapes = [
            #"[3,"ID",{}]"#, #"[3,"ID",{"currentTime":"2026-11-26T14:00:00Z","n":[1,{"x":null}]}]"#,
            #"[3,"ID",{} ]"#, "[3,\"ID\",{}]\n", #"[3,"ID", {}]"#, #"[3, "ID",{}]"#, #" [3,"ID",{}]"#,
            #"[3,"ID",null]"#, #"[3,"ID",{"a":1}]x"#, #"[3,"ID",{"a":1},5]"#, #"[3,"ID",{"a":}]"#,
            #"[3,"ID",{}"#, #"[3,"ID",[]]"#, #"[3,"ID"]"#, #"[3,"ID","{}"]"#, #"[3,"IDX",{}]"#,
            #"[3,"EID",{}]"#, #"[4,"ID","GenericError","",{}]"#,
        ]
        for shape in shapes {
            var endpoint = makeEndpoint()
            _ = endpoint.sendCall(HeartbeatFixture(), now: t0)
            // EID: the id with its dashes escaped, which reads as the same id.
            let escaped = a.replacingOccurrences(of: "-", with: #"\u002d"#)
            let bytes: [UInt8] = .json(
                shape.replacingOccurrences(of: "EID", with: escaped).replacingOccurrences(of: "ID", with: a))
            let expected: RPCEndpoint.ReceiveAction
            switch Result(catching: { () throws(RPCFrameError) in try RPCFrame.parse(bytes) }) {
            case .success(.callResult(let id, let payload)) where id == a:
                expected = .completed(
                    CompletedCall(messageId: a, action: "Heartbeat", outcome: .success(payload)), sendNext: nil)
            case .success(.callError(let id, let error)) where id == a:
                expected = .completed(
                    CompletedCall(messageId: a, action: "Heartbeat", outcome: .failure(.callError(error))),
                    sendNext: nil)
            case .failure(.malformed(let code, let reason, _, let id)) where id == a:
                expected = .completed(
                    CompletedCall(
                        messageId: a, action: "Heartbeat",
                        outcome: .failure(.invalidResponse(CallError(code, reason)))),
                    sendNext: nil)
            case .success(let frame):
                expected = .ignored(.unmatchedResponse(messageId: frame.messageId))
            case .failure(.malformed(let code, let reason, _, let id)):
                expected = .ignored(.malformedResponse(messageId: id, reason: "\(code.wire): \(reason)"))
            case .failure(.unknownMessageType(let number)):
                expected = .ignored(.unknownMessageType(number))
            }
            #expect(endpoint.received(bytes: bytes, now: t0) == expected, "\(shape)")
        }
    }
}
