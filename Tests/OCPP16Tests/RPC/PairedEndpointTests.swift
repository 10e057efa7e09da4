import Foundation
import OCPP16
import TestSupport
import Testing

/// A charge point endpoint and a central system endpoint pumped against each other with the
/// real 1.6 message types: what one side emits is exactly what the other side decodes.
@Suite("Paired endpoints with real OCPP 1.6 messages")
struct PairedEndpointTests {
    let start = ContinuousClock.now

    /// The central system handles every charge-point-initiated action it registers.
    private func centralSystemRegistry() -> ActionRegistry<[String]> {
        var registry = ActionRegistry<[String]>()
        registry.register(BootNotificationRequest.self) { request, log in
            log.append("boot \(request.chargePointVendor.value)/\(request.chargePointModel.value)")
            return BootNotificationResponse(
                status: .accepted, currentTime: OCPPTimestamp(millisecondsSince1970: 1_795_000_000_000), interval: 300)
        }
        registry.register(StatusNotificationRequest.self) { request, log in
            log.append("status \(request.connectorId) \(request.status.rawValue)")
            return StatusNotificationResponse()
        }
        return registry
    }

    private func endpoint(handling actions: Set<String>, seed: UInt64) -> RPCEndpoint {
        RPCEndpoint(
            configuration: .init(handledActions: actions),
            messageIDs: MessageIDGenerator(random: SeededGenerator(seed: seed)))
    }

    @Test func bootNotificationRoundTripsWithTypedAnswer() throws {
        let registry = centralSystemRegistry()
        var chargePoint = endpoint(handling: ["Reset"], seed: 1)
        var centralSystem = endpoint(handling: registry.handledActions, seed: 2)
        var log: [String] = []

        let boot = BootNotificationRequest(
            chargePointVendor: "ChargeSim", chargePointModel: "Wallbox 7", firmwareVersion: "1.0.0")
        guard case .send(let call) = chargePoint.sendCall(boot, now: start) else {
            Issue.record("the first CALL must go out at once")
            return
        }
        let text = String(decoding: call.bytes, as: UTF8.self)
        #expect(text.hasPrefix("[2,\"\(call.messageId)\",\"BootNotification\",{"))

        guard case .deliverCall(let inbound) = centralSystem.received(bytes: call.bytes, now: start) else {
            Issue.record("the central system must accept a valid BootNotification")
            return
        }
        let answer = registry.handle(inbound, context: &log)
        guard case .send(let resultBytes) = centralSystem.answer(inbound.messageId, with: answer) else {
            Issue.record("the central system must answer the CALL it was given")
            return
        }
        #expect(log == ["boot ChargeSim/Wallbox 7"])
        #expect(
            String(decoding: resultBytes, as: UTF8.self)
                == #"[3,"\#(call.messageId)",{"currentTime":"2026-11-18T11:06:40.000Z","interval":300,"status":"Accepted"}]"#
        )

        guard case .completed(let completed, sendNext: nil) = chargePoint.received(bytes: resultBytes, now: start)
        else {
            Issue.record("the charge point must complete its CALL in flight")
            return
        }
        let response = try completed.response(to: BootNotificationRequest.self).get()
        #expect(response.status == .accepted)
        #expect(response.interval == 300)
    }

    @Test func secondCallWaitsForTheFirstAnswer() {
        let registry = centralSystemRegistry()
        var chargePoint = endpoint(handling: [], seed: 3)
        var centralSystem = endpoint(handling: registry.handledActions, seed: 4)
        var log: [String] = []

        let first = chargePoint.sendCall(
            StatusNotificationRequest(connectorId: 0, errorCode: .noError, status: .available), now: start)
        let second = chargePoint.sendCall(
            StatusNotificationRequest(connectorId: 1, errorCode: .noError, status: .preparing), now: start)
        guard case .send(let firstCall) = first, case .queued(let secondId, "StatusNotification") = second else {
            Issue.record("one CALL in flight, the next queued: got \(first) and \(second)")
            return
        }
        guard case .deliverCall(let inbound) = centralSystem.received(bytes: firstCall.bytes, now: start),
            case .send(let answer) = centralSystem.answer(
                inbound.messageId, with: registry.handle(inbound, context: &log))
        else {
            Issue.record("the central system must answer the first StatusNotification")
            return
        }
        guard case .completed(_, sendNext: let next?) = chargePoint.received(bytes: answer, now: start) else {
            Issue.record("the answer to the first CALL must release the second")
            return
        }
        #expect(next.messageId == secondId)
        guard case .deliverCall(let secondInbound) = centralSystem.received(bytes: next.bytes, now: start) else {
            Issue.record("the second StatusNotification must be delivered")
            return
        }
        _ = registry.handle(secondInbound, context: &log)
        #expect(log == ["status 0 Available", "status 1 Preparing"])
    }

    struct BadCall: Sendable, CustomTestStringConvertible {
        var frame: String
        var code: CallErrorCode
        var descriptionPrefix: String
        var testDescription: String { frame }
    }

    @Test(arguments: [
        BadCall(
            frame:
                #"[2,"a","BootNotification",{"chargePointVendor":"ThisVendorNameIsFarTooLong","chargePointModel":"M"}]"#,
            code: .propertyConstraintViolation, descriptionPrefix: "chargePointVendor: longer than 20 characters"),
        BadCall(
            frame: #"[2,"b","BootNotification",{"chargePointModel":"M"}]"#,
            code: .occurenceConstraintViolation, descriptionPrefix: "chargePointVendor"),
        BadCall(
            frame: #"[2,"c","StatusNotification",{"connectorId":"1","errorCode":"NoError","status":"Available"}]"#,
            code: .typeConstraintViolation, descriptionPrefix: "connectorId"),
        BadCall(
            frame: #"[2,"d","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]"#,
            code: .propertyConstraintViolation, descriptionPrefix: "status"),
        BadCall(frame: #"[2,"e","FlyToTheMoon",{}]"#, code: .notImplemented, descriptionPrefix: ""),
        BadCall(frame: #"[2,"f","RemoteStartTransaction",{"idTag":"T"}]"#, code: .notSupported, descriptionPrefix: ""),
        BadCall(frame: #"{"not":"an array"}"#, code: .formationViolation, descriptionPrefix: ""),
    ])
    func badCallsGetTheSpecifiedCallError(_ bad: BadCall) {
        let registry = centralSystemRegistry()
        var centralSystem = endpoint(handling: registry.handledActions, seed: 5)
        var log: [String] = []
        let error: CallError
        switch centralSystem.received(bytes: Array(bad.frame.utf8), now: start) {
        case .sendError(_, messageId: _, error: let refused):
            error = refused
        case .deliverCall(let inbound):
            guard case .error(let refused) = registry.handle(inbound, context: &log) else {
                Issue.record("\(bad.frame) must be refused")
                return
            }
            error = refused
        case .completed, .ignored:
            Issue.record("\(bad.frame) must be answered with a CALLERROR")
            return
        }
        #expect(error.code == bad.code)
        #expect(error.errorDescription.hasPrefix(bad.descriptionPrefix), "\(error.errorDescription)")
        #expect(log.isEmpty, "a refused CALL never reaches the handler")
    }
}
