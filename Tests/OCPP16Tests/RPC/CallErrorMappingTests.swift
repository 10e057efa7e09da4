import Foundation
import OCPP16
import Testing

@Suite("CallError mapping of payload decode failures")
struct CallErrorMappingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var payload: String
        var decode: @Sendable (RawJSON) throws(CallError) -> Void
        var code: CallErrorCode
        var description: String
        var testDescription: String { payload }
    }

    private static func authorize(_ payload: RawJSON) throws(CallError) {
        _ = try payload.decode(AuthorizeFixture.self)
    }
    private static func authorizeConf(_ payload: RawJSON) throws(CallError) {
        _ = try payload.decode(AuthorizeFixture.Response.self)
    }
    private static func meterValues(_ payload: RawJSON) throws(CallError) {
        _ = try payload.decode(MeterValuesFixture.self)
    }

    static let cases: [Case] = [
        // A required field is absent: OccurenceConstraintViolation.
        Case(
            payload: "{}",
            decode: authorize,
            code: .occurenceConstraintViolation,
            description: "idTag: required field is missing"
        ),
        Case(
            payload: #"{"idTagInfo":{}}"#,
            decode: authorizeConf,
            code: .occurenceConstraintViolation,
            description: "idTagInfo.status: required field is missing"
        ),
        Case(
            payload: #"{"connectorId":1,"meterValue":[{"timestamp":"t","sampledValue":[{"value":"1"},{}]}]}"#,
            decode: meterValues,
            code: .occurenceConstraintViolation,
            description: "meterValue[0].sampledValue[1].value: required field is missing"
        ),
        // A value of the wrong JSON type: TypeConstraintViolation.
        Case(
            payload: #"{"idTag":5}"#, decode: authorize, code: .typeConstraintViolation,
            description: "idTag: expected a string"),
        Case(
            payload: #"{"connectorId":"1","meterValue":[]}"#,
            decode: meterValues,
            code: .typeConstraintViolation,
            description: "connectorId: expected an integer"
        ),
        Case(
            payload: #"{"idTagInfo":["Accepted"]}"#,
            decode: authorizeConf,
            code: .typeConstraintViolation,
            description: "idTagInfo: expected an object"
        ),
        Case(
            payload: #"{"connectorId":1,"meterValue":{}}"#,
            decode: meterValues,
            code: .typeConstraintViolation,
            description: "meterValue: expected an array"
        ),
        Case(
            payload: #"{"connectorId":1,"meterValue":[{"timestamp":"t","sampledValue":[{"value":230.1}]}]}"#,
            decode: meterValues,
            code: .typeConstraintViolation,
            description: "meterValue[0].sampledValue[0].value: expected a string"
        ),
        // null for a required field: present, wrong type: TypeConstraintViolation.
        Case(
            payload: #"{"idTag":null}"#,
            decode: authorize,
            code: .typeConstraintViolation,
            description: "idTag: null where a string is required"
        ),
        // A value outside what the field allows: PropertyConstraintViolation.
        Case(
            payload: #"{"idTag":"123456789012345678901"}"#,
            decode: authorize,
            code: .propertyConstraintViolation,
            description: "idTag: longer than 20 characters (CiString20)"
        ),
    ]

    @Test(arguments: cases)
    func decodeFailureMapsToItsCode(_ testCase: Case) {
        #expect {
            try testCase.decode(RawJSON(testCase.payload))
        } throws: { error in
            guard let callError = error as? CallError else { return false }
            return callError.code == testCase.code && callError.errorDescription == testCase.description
                && callError.details == .emptyObject
        }
    }

    @Test func enumValueOutsideTheListIsAPropertyConstraintViolationNamingTheField() throws {
        let error = #expect(throws: CallError.self) {
            try RawJSON(#"{"idTagInfo":{"status":"Maybe"}}"#).decode(AuthorizeFixture.Response.self)
        }
        #expect(error?.code == .propertyConstraintViolation)
        #expect(error?.errorDescription.hasPrefix("idTagInfo.status: ") == true)
    }

    @Test(arguments: [#"{"connectorId":99999999999,"meterValue":[]}"#, #"{"connectorId":1.5,"meterValue":[]}"#])
    func numberThatDoesNotFitTheFieldIsAPropertyConstraintViolation(_ payload: String) throws {
        let error = #expect(throws: CallError.self) {
            try RawJSON(payload).decode(MeterValuesFixture.self)
        }
        #expect(error?.code == .propertyConstraintViolation)
    }

    @Test func bytesThatAreNotJSONAreAFormationViolation() {
        #expect(throws: CallError(.formationViolation, "payload is not valid JSON")) {
            try RawJSON("{nope").decode(AuthorizeFixture.self)
        }
    }

    @Test func unknownPropertiesAreIgnored() throws {
        let request = try RawJSON(#"{"idTag":"B4F62CEF","vendorExtra":{"a":[1]}}"#).decode(AuthorizeFixture.self)
        #expect(request == AuthorizeFixture(idTag: "B4F62CEF"))
    }

    @Test func callErrorsPassThroughAndOtherErrorsAreGeneric() {
        struct Odd: Error {}
        let security = CallError(.securityError, "no")
        #expect(CallError(decodingFailure: security) == security)
        #expect(CallError(decodingFailure: Odd()).code == .genericError)
        #expect(
            CallError(decodingFailure: OCPPPayloadViolation(field: "a.b", reason: "too long"))
                == CallError(.propertyConstraintViolation, "a.b: too long")
        )
    }
}
