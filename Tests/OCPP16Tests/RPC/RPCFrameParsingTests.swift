import Foundation
import OCPP16
import Testing

@Suite("RPCFrame parsing")
struct RPCFrameParsingTests {
    private func parse(_ text: String) throws(RPCFrameError) -> RPCFrame {
        try RPCFrame.parse(Array(text.utf8))
    }

    @Test func callKeepsThePayloadBytesExactly() throws {
        let payload = #"{ "chargePointVendor" : "VendorX", "nested": {"a": [1, {"b": "]}\""}]} }"#
        let frame = try parse(#"[2,"19223201","BootNotification","# + payload + "]")
        #expect(frame == .call(messageId: "19223201", action: "BootNotification", payload: RawJSON(payload)))
    }

    @Test func callResultAndCallError() throws {
        #expect(
            try parse(#"[3,"id-1",{"status":"Accepted"}]"#)
                == .callResult(messageId: "id-1", payload: RawJSON(#"{"status":"Accepted"}"#))
        )
        #expect(
            try parse(#"[4,"id-1","NotSupported","no",{"x":1}]"#)
                == .callError(messageId: "id-1", error: CallError(.notSupported, "no", details: RawJSON(#"{"x":1}"#)))
        )
    }

    @Test func whitespaceEverywhereIsAccepted() throws {
        let frame = try parse(" \r\n\t[ 2 ,\n \"a\" ,\t\"Heartbeat\" , { } ]\n ")
        #expect(frame == .call(messageId: "a", action: "Heartbeat", payload: RawJSON("{ }")))
    }

    @Test func escapesInStringsAreResolved() throws {
        let frame = try parse(#"[4,"a\"b\\c\/d","GenericError","line\nbreak \u00e9 \ud83d\ude00 \t",{}]"#)
        #expect(frame.messageId == "a\"b\\c/d")
        guard case .callError(_, let error) = frame else {
            Issue.record("expected a CALLERROR, got \(frame)")
            return
        }
        #expect(error.errorDescription == "line\nbreak é 😀 \t")
    }

    @Test func nonASCIIStringsAreKept() throws {
        let frame = try parse(#"[4,"id","GenericError","Störung – 充電",{}]"#)
        guard case .callError(_, let error) = frame else {
            Issue.record("expected a CALLERROR, got \(frame)")
            return
        }
        #expect(error.errorDescription == "Störung – 充電")
    }

    @Test func nullPayloadAndNullDetailsReadAsEmptyObjects() throws {
        #expect(
            try parse(#"[2,"a","Heartbeat",null]"#) == .call(messageId: "a", action: "Heartbeat", payload: .emptyObject)
        )
        #expect(
            try parse(#"[4,"a","GenericError","",null]"#)
                == .callError(messageId: "a", error: CallError(.genericError, "", details: .emptyObject))
        )
    }

    @Test func unknownAndRespelledErrorCodes() throws {
        guard case .callError(_, let unknown) = try parse(#"[4,"a","Teapot","",{}]"#),
            case .callError(_, let respelled) = try parse(#"[4,"a","OccurrenceConstraintViolation","",{}]"#)
        else {
            Issue.record("expected CALLERRORs")
            return
        }
        #expect(unknown.code == .unknown("Teapot"))
        #expect(respelled.code == .occurenceConstraintViolation)
    }

    @Test func dataInputMatchesArrayInputIncludingSlices() throws {
        let text = #"[2,"a","MeterValues",{"connectorId":1,"meterValue":[]}]"#
        let padded = Data(("xx" + text).utf8)
        let slice = padded[padded.index(padded.startIndex, offsetBy: 2)...]
        #expect(try RPCFrame.parse(slice) == parse(text))
        #expect(try RPCFrame.parse(Data(text.utf8)) == parse(text))
    }

    @Test func payloadSlicedFromDataDecodes() throws {
        let data = Data(#"[2,"a","Authorize",{"idTag":"B4F62CEF"}]"#.utf8)
        guard case .call(_, _, let payload) = try RPCFrame.parse(data.dropFirst(0)) else {
            Issue.record("expected a CALL")
            return
        }
        #expect(try payload.decode(AuthorizeFixture.self) == AuthorizeFixture(idTag: "B4F62CEF"))
    }

    @Test func numbersOfEveryShapeInsideAPayload() throws {
        let payload = #"{"a":-0.5e+10,"b":0,"c":12.25,"d":1E3,"e":[true,false,null],"f":-0}"#
        #expect(try parse(#"[3,"a","# + payload + "]") == .callResult(messageId: "a", payload: RawJSON(payload)))
    }

    @Test func idOfExactly36CharactersIsAccepted() throws {
        let id = String(repeating: "x", count: 36)
        #expect(try parse(#"[3,""# + id + #"",{}]"#).messageId == id)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = 64
        let payload = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        _ = try parse(#"[3,"a",{"x":"# + payload + "}]")
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var input: String
        var code: CallErrorCode
        var messageType: RPCMessageType?
        var messageId: String?
        var reason: String?
        var testDescription: String { input.count > 60 ? String(input.prefix(60)) + "…" : input }
    }

    static let malformedCases: [MalformedCase] = [
        // Not JSON, not an array: FormationViolation, nothing readable.
        .init(input: "", code: .formationViolation, reason: "empty message"),
        .init(input: "   ", code: .formationViolation, reason: "empty message"),
        .init(input: "hello", code: .formationViolation),
        .init(input: #"{"a":1}"#, code: .formationViolation, reason: "message is not a JSON array"),
        .init(input: #""[2]""#, code: .formationViolation, reason: "message is not a JSON array"),
        .init(input: #"{"a":1"#, code: .formationViolation),
        // Too few elements: ProtocolError ("Payload for Action is incomplete").
        .init(input: "[]", code: .protocolError, reason: "empty array, MessageTypeId is missing"),
        .init(input: "[2]", code: .protocolError, messageType: .call, reason: "CALL has 1 element, expected 4"),
        .init(input: #"[2,"id"]"#, code: .protocolError, messageType: .call, messageId: "id"),
        .init(
            input: #"[2,"id","Heartbeat"]"#,
            code: .protocolError,
            messageType: .call,
            messageId: "id",
            reason: "CALL has 3 elements, expected 4"
        ),
        .init(input: #"[3,"id"]"#, code: .protocolError, messageType: .callResult, messageId: "id"),
        .init(input: #"[4,"id","GenericError","x"]"#, code: .protocolError, messageType: .callError, messageId: "id"),
        // Too many elements, trailing bytes: FormationViolation.
        .init(
            input: #"[2,"id","Heartbeat",{},{}]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "CALL has more than 4 elements"
        ),
        .init(
            input: #"[2,"id","Heartbeat",{}] x"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "unexpected bytes after the message"
        ),
        .init(input: #"[2,"id","Heartbeat",{}]]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        // Wrong element types: FormationViolation.
        .init(
            input: #"["2","id","Heartbeat",{}]"#, code: .formationViolation,
            reason: "MessageTypeId must be an integer, found a string"),
        .init(
            input: #"[2.0,"id","Heartbeat",{}]"#, code: .formationViolation, reason: "MessageTypeId must be an integer"),
        .init(input: #"[02,"id","Heartbeat",{}]"#, code: .formationViolation),
        .init(input: #"[null,"id","Heartbeat",{}]"#, code: .formationViolation),
        .init(
            input: #"[2,17,"Heartbeat",{}]"#,
            code: .formationViolation,
            messageType: .call,
            reason: "MessageId must be a string, found a number"
        ),
        .init(
            input: #"[2,"id",7,{}]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "Action must be a string, found a number"
        ),
        .init(
            input: #"[2,"id","Heartbeat",[]]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "Payload must be an object, found an array"
        ),
        .init(
            input: #"[2,"id","Heartbeat","{}"]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "Payload must be an object, found a string"
        ),
        .init(
            input: #"[2,"id","Heartbeat",true]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: "id",
            reason: "Payload must be an object, found a boolean"
        ),
        .init(input: #"[3,"id",[1]]"#, code: .formationViolation, messageType: .callResult, messageId: "id"),
        .init(input: #"[4,"id",1,"d",{}]"#, code: .formationViolation, messageType: .callError, messageId: "id"),
        // A message id over 36 characters: FormationViolation, the id is still echoed.
        .init(
            input: #"[2,""# + String(repeating: "x", count: 37) + #"","Heartbeat",{}]"#,
            code: .formationViolation,
            messageType: .call,
            messageId: String(repeating: "x", count: 37),
            reason: "MessageId has 37 characters, at most 36 are allowed"
        ),
        // Broken JSON after the id: FormationViolation with the id.
        .init(input: #"[2,"id","Heartbeat",{"a":}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id","Heartbeat",{"a":1,}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id","Heartbeat",{'a':1}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id","Heartbeat",{"a":1.}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(
            input: #"[2,"id","Heartbeat",{"a":tru}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(
            input: #"[2,"id","Heartbeat",{"a":"x\qy"}]"#, code: .formationViolation, messageType: .call, messageId: "id"
        ),
        .init(
            input: #"[2,"id","Heartbeat",{"a":"\u12"}]"#, code: .formationViolation, messageType: .call, messageId: "id"
        ),
        .init(
            input: "[2,\"id\",\"Heartbeat\",{\"a\":\"tab\there\"}]", code: .formationViolation, messageType: .call,
            messageId: "id"),
        .init(
            input: #"[2,"id","Heartbeat",{"a":[1,2}]"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id","Heartbeat",{"#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id","Heartbeat""#, code: .formationViolation, messageType: .call, messageId: "id"),
        .init(input: #"[2,"id"#, code: .formationViolation, messageType: .call),
        .init(
            input: #"[3,"id",{"x":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}]",
            code: .formationViolation,
            messageType: .callResult,
            messageId: "id"
        ),
        // A lone surrogate cannot be a Swift String.
        .init(input: #"[2,"a\ud800b","Heartbeat",{}]"#, code: .formationViolation, messageType: .call),
    ]

    @Test(arguments: malformedCases)
    func malformedFrames(_ testCase: MalformedCase) {
        #expect {
            try parse(testCase.input)
        } throws: { error in
            guard case .malformed(let code, let reason, let messageType, let messageId) = error as? RPCFrameError else {
                return false
            }
            return code == testCase.code && messageType == testCase.messageType && messageId == testCase.messageId
                && (testCase.reason.map { $0 == reason } ?? true)
        }
    }

    @Test func invalidUTF8InAnIdIsAFormationViolation() {
        let bytes: [UInt8] = Array(#"[3,""#.utf8) + [0xC3, 0x28] + Array(#"",{}]"#.utf8)
        #expect(throws: RPCFrameError.self) { try RPCFrame.parse(bytes) }
    }

    @Test(arguments: [0, 1, 5, 9, -2, 99])
    func unknownMessageTypesAreReportedForIgnoring(_ number: Int) {
        #expect(throws: RPCFrameError.unknownMessageType(number)) {
            try parse("[\(number),\"id\",\"whatever\",{}]")
        }
    }
}
