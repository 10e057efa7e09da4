import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("ChargePointSession: the sans-I/O core of one connection")
struct ChargePointSessionTests {
    let start = ContinuousClock.now

    func makeSession() -> ChargePointSession {
        ChargePointSession(
            chargePointId: "CP-1", callTimeout: .seconds(30),
            messageIDs: MessageIDGenerator(random: SeededGenerator(seed: 1)))
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a charger CALL is decoded and handed out; its answer becomes a CALLRESULT")
    func deliversCall() throws {
        var session = makeSession()
        let actions = session.received(text: #"[2,"m1","Heartbeat",{}]"#, now: start)
        #expect(actions == [.handle(messageId: "m1", request: .heartbeat(HeartbeatRequest()))])
        let answer = CallAnswer(response: HeartbeatResponse(currentTime: t0))
        guard case .write(let bytes) = try #require(session.answer("m1", with: answer).first) else {
            Issue.record("no write")
            return
        }
        #expect(text(bytes) == #"[3,"m1",{"currentTime":"2026-01-01T00:00:00.000Z"}]"#)
        #expect(session.answer("m1", with: answer).isEmpty)
    }

    @Test("actions the central system does not answer, and bad payloads, get CALLERRORs at once")
    func rejects() throws {
        var session = makeSession()
        for (input, code) in [
            (#"[2,"a","Reset",{"type":"Hard"}]"#, "NotSupported"),
            (#"[2,"b","Nope",{}]"#, "NotImplemented"),
            (#"[2,"c","BootNotification",{"chargePointVendor":"V"}]"#, "OccurenceConstraintViolation"),
        ] {
            let actions = session.received(text: input, now: start)
            guard case .write(let bytes) = try #require(actions.first) else {
                Issue.record("no CALLERROR for \(input)")
                continue
            }
            #expect(text(bytes).hasPrefix(#"[4,""#))
            #expect(text(bytes).contains("\"\(code)\""), "\(text(bytes))")
        }
    }

    @Test("our CALL goes out, a second waits, the answer completes the first and releases the second")
    func outgoing() throws {
        var session = makeSession()
        guard
            case .write(_, let first) = session.sendCall(
                action: "Reset", payload: RawJSON(#"{"type":"Soft"}"#), timeout: nil, now: start)
        else {
            Issue.record("first call not written")
            return
        }
        guard
            case .queued(let second) = session.sendCall(
                action: "ClearCache", payload: .emptyObject, timeout: nil, now: start)
        else {
            Issue.record("second call not queued")
            return
        }
        #expect(session.nextDeadline == start + .seconds(30))
        let actions = session.received(text: #"[3,"\#(first)",{"status":"Accepted"}]"#, now: start)
        #expect(actions.count == 2)
        #expect(
            actions.first
                == .completed(
                    CompletedCall(
                        messageId: first, action: "Reset", outcome: .success(RawJSON(#"{"status":"Accepted"}"#)))))
        guard case .write(let bytes) = actions.last else {
            Issue.record("second call not released")
            return
        }
        #expect(text(bytes) == #"[2,"\#(second)","ClearCache",{}]"#)
    }

    @Test("the timer times out the CALL in flight; a lost connection ends the rest")
    func timeoutAndLoss() {
        var session = makeSession()
        _ = session.sendCall(action: "Reset", payload: RawJSON(#"{"type":"Soft"}"#), timeout: .seconds(5), now: start)
        _ = session.sendCall(action: "ClearCache", payload: .emptyObject, timeout: nil, now: start)
        #expect(session.timerFired(now: start + .seconds(4)).isEmpty)
        let fired = session.timerFired(now: start + .seconds(5))
        #expect(fired.count == 2)
        guard case .completed(let call) = fired.first else {
            Issue.record("no timeout")
            return
        }
        #expect(call.outcome == .failure(.timedOut))
        let lost = session.connectionLost()
        #expect(lost.count == 1)
        guard case .completed(let cut) = lost.first else { return }
        #expect(cut.outcome == .failure(.connectionLost(sent: true)))
        guard
            case .rejected(.connectionClosed) = session.sendCall(
                action: "Reset", payload: .emptyObject, timeout: nil, now: start)
        else {
            Issue.record("a call after the loss was accepted")
            return
        }
    }

    @Test("BootPolicy answers")
    func bootPolicy() {
        #expect(BootPolicy.accept.status(pendingSoFar: 0) == .accepted)
        #expect(BootPolicy.reject.status(pendingSoFar: 5) == .rejected)
        #expect(
            (0..<4).map { BootPolicy.pending(times: 2).status(pendingSoFar: $0) } == [
                .pending, .pending, .accepted, .accepted,
            ])
    }
}
