import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("ActionRegistry")
struct ActionRegistryTests {
    /// A stand-in for a charge point machine: the handlers mutate it through `inout`.
    struct ChargerState {
        var resets: [ResetFixture.ResetType] = []
        var refuseHardReset = false
    }

    struct Broken: Error {}

    private func chargePointRegistry() -> ActionRegistry<ChargerState> {
        var registry = ActionRegistry<ChargerState>()
        registry.register(ResetFixture.self) { request, state in
            if request.type == .Hard && state.refuseHardReset {
                throw CallError(.securityError, "hard reset locked")
            }
            state.resets.append(request.type)
            return .init(status: .Accepted)
        }
        registry.register(AuthorizeFixture.self) { _, _ in throw Broken() }
        return registry
    }

    private func call(_ action: String, _ payload: String) -> InboundCall {
        InboundCall(messageId: "m", action: action, payload: RawJSON(payload))
    }

    @Test func handlerRunsOnTheDecodedRequestAndItsResponseIsEncoded() {
        let registry = chargePointRegistry()
        var state = ChargerState()
        #expect(
            registry.handle(call("Reset", #"{"type":"Hard"}"#), context: &state)
                == .result(RawJSON(#"{"status":"Accepted"}"#)))
        #expect(state.resets == [.Hard])
    }

    @Test func handlerErrorsBecomeCallErrors() {
        let registry = chargePointRegistry()
        var state = ChargerState(refuseHardReset: true)
        #expect(
            registry.handle(call("Reset", #"{"type":"Hard"}"#), context: &state)
                == .error(CallError(.securityError, "hard reset locked"))
        )
        guard case .error(let error) = registry.handle(call("Authorize", #"{"idTag":"x"}"#), context: &state) else {
            Issue.record("a failing handler must answer a CALLERROR")
            return
        }
        #expect(error.code == .internalError)
        #expect(state.resets.isEmpty)
    }

    struct DecodeCase: Sendable, CustomTestStringConvertible {
        var payload: String
        var expected: CallError
        var testDescription: String { payload }
    }

    static let decodeCases: [DecodeCase] = [
        DecodeCase(
            payload: "{}", expected: CallError(.occurenceConstraintViolation, "type: required field is missing")),
        DecodeCase(payload: #"{"type":1}"#, expected: CallError(.typeConstraintViolation, "type: expected a string")),
        DecodeCase(
            payload: #"{"type":null}"#,
            expected: CallError(.typeConstraintViolation, "type: null where a string is required")),
    ]

    @Test(arguments: decodeCases)
    func payloadThatDoesNotDecodeIsRefusedWithoutRunningTheHandler(_ testCase: DecodeCase) {
        let registry = chargePointRegistry()
        var state = ChargerState()
        #expect(registry.handle(call("Reset", testCase.payload), context: &state) == .error(testCase.expected))
        #expect(state.resets.isEmpty)
    }

    @Test func badEnumValueIsAPropertyConstraintViolation() {
        let registry = chargePointRegistry()
        var state = ChargerState()
        guard case .error(let error) = registry.handle(call("Reset", #"{"type":"Medium"}"#), context: &state) else {
            Issue.record("an unknown reset type must be refused")
            return
        }
        #expect(error.code == .propertyConstraintViolation)
        #expect(error.errorDescription.hasPrefix("type: "))
    }

    @Test func supportSeparatesHandledKnownAndUnknownActions() {
        let registry = chargePointRegistry()
        #expect(registry.handledActions == ["Reset", "Authorize"])
        #expect(registry.support(for: "Reset") == .handled)
        #expect(registry.support(for: "RemoteStartTransaction") == .notSupported)
        #expect(registry.support(for: "Teleport") == .notImplemented)
        var state = ChargerState()
        #expect(
            registry.handle(call("GetLog", "{}"), context: &state)
                == .error(CallError(.notSupported, "Requested Action GetLog is not supported by this receiver"))
        )
        #expect(
            registry.handle(call("Teleport", "{}"), context: &state)
                == .error(CallError(.notImplemented, "Requested Action Teleport is not known by this receiver"))
        )
    }

    @Test func decodeRequestGivesTheTypedRequest() throws {
        let registry = chargePointRegistry()
        let request = try registry.decodeRequest(call("Reset", #"{"type":"Soft"}"#)).get()
        #expect(request as? ResetFixture == ResetFixture(type: .Soft))
        guard case .failure(let error) = registry.decodeRequest(call("Reset", "{}")) else {
            Issue.record("an empty Reset must not decode")
            return
        }
        #expect(error == CallError(.occurenceConstraintViolation, "type: required field is missing"))
    }

    @Test func statelessHandlers() {
        var registry = ActionRegistry<Void>()
        registry.register(HeartbeatFixture.self) { _ in .init(currentTime: "2013-02-01T20:53:32.486Z") }
        #expect(
            registry.handle(call("Heartbeat", "{}")) == .result(RawJSON(#"{"currentTime":"2013-02-01T20:53:32.486Z"}"#))
        )
    }

    /// The whole inbound path: bytes in, endpoint, registry, endpoint, bytes out.
    @Test func endToEndThroughTheEndpoint() {
        let registry = chargePointRegistry()
        var state = ChargerState()
        var endpoint = RPCEndpoint(
            configuration: .init(handledActions: registry.handledActions),
            messageIDs: MessageIDGenerator(random: SeededGenerator(seed: 1))
        )
        let now = ContinuousClock.now
        let inputs = [
            #"[2,"a","Reset",{"type":"Soft"}]"#,
            #"[2,"b","Reset",{"type":"Sideways"}]"#,
            #"[2,"c","Reset",{}]"#,
            #"[2,"d","UnlockConnector",{"connectorId":1}]"#,
        ]
        var outputs: [String] = []
        for input in inputs {
            let bytes: [UInt8]
            switch endpoint.received(bytes: .json(input), now: now) {
            case .deliverCall(let call):
                guard
                    case .send(let answer) = endpoint.answer(
                        call.messageId, with: registry.handle(call, context: &state))
                else {
                    Issue.record("a delivered call can be answered")
                    return
                }
                bytes = answer
            case .sendError(let error, _, _):
                bytes = error
            case .completed, .ignored:
                Issue.record("\(input) is a CALL")
                return
            }
            outputs.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(outputs[0] == #"[3,"a",{"status":"Accepted"}]"#)
        #expect(outputs[1].hasPrefix(#"[4,"b","PropertyConstraintViolation","type: "#))
        #expect(outputs[2] == #"[4,"c","OccurenceConstraintViolation","type: required field is missing",{}]"#)
        #expect(
            outputs[3]
                == #"[4,"d","NotSupported","Requested Action UnlockConnector is not supported by this receiver",{}]"#)
        #expect(state.resets == [.Soft])
    }

    @Test func actionNamesMatchTheRequestSchemas() throws {
        // Tests/OCPP16Tests/RPC/<this file> → the repository → ../shared/ocpp16/schemas
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let schemas = repository.deletingLastPathComponent().appendingPathComponent("shared/ocpp16/schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: schemas.path)
        let requestActions = Set(
            files.filter { $0.hasSuffix(".json") && !$0.hasSuffix("Response.json") }.map { String($0.dropLast(5)) }
        )
        #expect(requestActions.count == 39)
        #expect(OCPPActionNames.all == requestActions)
    }
}
