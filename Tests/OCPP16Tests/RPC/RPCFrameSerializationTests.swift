import OCPP16
import Testing

@Suite("RPCFrame serializing")
struct RPCFrameSerializationTests {
    private func text(_ frame: RPCFrame) -> String {
        String(decoding: frame.serialized(), as: UTF8.self)
    }

    @Test func exactBytesOfTheThreeFrames() {
        #expect(
            text(.call(messageId: "19223201", action: "BootNotification", payload: RawJSON(#"{"a":1}"#)))
                == #"[2,"19223201","BootNotification",{"a":1}]"#
        )
        #expect(text(.callResult(messageId: "19223201", payload: .emptyObject)) == #"[3,"19223201",{}]"#)
        #expect(
            text(
                .callError(
                    messageId: "x", error: CallError(.occurenceConstraintViolation, "idTag: required field is missing"))
            )
                == #"[4,"x","OccurenceConstraintViolation","idTag: required field is missing",{}]"#
        )
    }

    @Test func stringsAreEscaped() {
        let frame = RPCFrame.callError(
            messageId: "q\"b\\s",
            error: CallError(.genericError, "tab\tnl\ncr\r\u{1}é/")
        )
        #expect(text(frame) == #"[4,"q\"b\\s","GenericError","tab\tnl\ncr\r\u0001é/",{}]"#)
    }

    @Test func longDescriptionsAreCutTo255Characters() {
        let frame = RPCFrame.callError(
            messageId: "a", error: CallError(.genericError, String(repeating: "é", count: 300)))
        #expect(text(frame) == #"[4,"a","GenericError",""# + String(repeating: "é", count: 255) + #"",{}]"#)
    }

    @Test(arguments: [
        RPCFrame.call(messageId: "a\"\\\u{7}", action: "Authorize", payload: RawJSON(#"{"idTag":"B4F62CEF"}"#)),
        .callResult(messageId: "😀", payload: RawJSON(#"{"idTagInfo":{"status":"Accepted"}}"#)),
        .callError(messageId: "-1", error: CallError(.unknown("Teapot"), "d\u{0}", details: RawJSON(#"{"k":[1]}"#))),
    ])
    func parseReadsBackWhatSerializeWrote(_ frame: RPCFrame) throws {
        #expect(try RPCFrame.parse(frame.serialized()) == frame)
    }

    @Test func everyCodeHasItsTableSevenSpelling() {
        let expected: [CallErrorCode: String] = [
            .notImplemented: "NotImplemented", .notSupported: "NotSupported", .internalError: "InternalError",
            .protocolError: "ProtocolError", .securityError: "SecurityError", .formationViolation: "FormationViolation",
            .propertyConstraintViolation: "PropertyConstraintViolation",
            .occurenceConstraintViolation: "OccurenceConstraintViolation",
            .typeConstraintViolation: "TypeConstraintViolation", .genericError: "GenericError",
            .unknown("Vendor"): "Vendor",
        ]
        for (code, wire) in expected {
            #expect(code.wire == wire)
            #expect(CallErrorCode(wire: wire) == code)
        }
        #expect(CallErrorCode(wire: "OccurrenceConstraintViolation") == .occurenceConstraintViolation)
        #expect(CallErrorCode(wire: "notimplemented") == .unknown("notimplemented"))
    }
}
