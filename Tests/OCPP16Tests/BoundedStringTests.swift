import Foundation
import OCPP16
import Testing

@Suite struct BoundedStringTests {
    private func decodeError<P: Decodable>(_ type: P.Type, _ json: String) -> OCPPPayloadViolation? {
        do {
            _ = try JSONDecoder().decode(type, from: Data(json.utf8))
            return nil
        } catch {
            return error as? OCPPPayloadViolation
        }
    }

    @Test func constructionAcceptsExactlyTheLimit() throws {
        let twenty = String(repeating: "a", count: 20)
        #expect(try CiString20(twenty).value == twenty)
        #expect(throws: OCPPPayloadViolation(field: "idTag", reason: "longer than 20 characters")) {
            try CiString20(twenty + "a", field: "idTag")
        }
    }

    @Test(arguments: [
        (20, CiString20.tooLongReason), (25, CiString25.tooLongReason), (50, CiString50.tooLongReason),
        (255, CiString255.tooLongReason), (500, CiString500.tooLongReason),
    ])
    func eachCiStringHasItsLimit(_ limit: Int, _ reason: String) {
        #expect(reason == "longer than \(limit) characters")
    }

    @Test func theLimitCountsScalarsNotBytes() throws {
        let twentyAccents = String(repeating: "\u{E9}", count: 20)  // 40 UTF-8 bytes
        #expect(try CiString20(twentyAccents).value.unicodeScalars.count == 20)
        #expect(throws: OCPPPayloadViolation.self) { try CiString20(twentyAccents + "\u{E9}") }
    }

    @Test func truncatingCutsToTheLimit() {
        #expect(CiString20(truncating: String(repeating: "b", count: 30)).value == String(repeating: "b", count: 20))
        #expect(CiString20(truncating: "short").value == "short")
    }

    @Test func encodesAsAPlainString() throws {
        let json = String(decoding: try JSONEncoder().encode(AuthorizeRequest(idTag: "TAG-1")), as: UTF8.self)
        #expect(json == #"{"idTag":"TAG-1"}"#)
    }

    @Test func decodingAtTheLimitSucceedsAndOneMoreNamesTheField() throws {
        let twenty = String(repeating: "z", count: 20)
        let ok = try JSONDecoder().decode(AuthorizeRequest.self, from: Data(#"{"idTag":"\#(twenty)"}"#.utf8))
        #expect(ok.idTag.value == twenty)
        #expect(
            decodeError(AuthorizeRequest.self, #"{"idTag":"\#(twenty)z"}"#)
                == OCPPPayloadViolation(field: "idTag", reason: "longer than 20 characters")
        )
    }

    @Test func nestedFieldsCarryTheirCodingPath() {
        let parent = String(repeating: "p", count: 21)
        #expect(
            decodeError(AuthorizeResponse.self, #"{"idTagInfo":{"status":"Accepted","parentIdTag":"\#(parent)"}}"#)
                == OCPPPayloadViolation(field: "idTagInfo.parentIdTag", reason: "longer than 20 characters")
        )
        let key = String(repeating: "k", count: 51)
        #expect(
            decodeError(GetConfigurationRequest.self, #"{"key":["ok","\#(key)"]}"#)
                == OCPPPayloadViolation(field: "key[1]", reason: "longer than 50 characters")
        )
        let value = String(repeating: "v", count: 501)
        let json =
            #"{"configurationKey":[{"key":"a","readonly":true},{"key":"b","readonly":false,"value":"\#(value)"}]}"#
        #expect(
            decodeError(GetConfigurationResponse.self, json)
                == OCPPPayloadViolation(field: "configurationKey[1].value", reason: "longer than 500 characters")
        )
    }

    @Test func aBadEnumValueIsADecodingErrorWithItsPath() throws {
        let json = #"{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}"#
        do {
            _ = try JSONDecoder().decode(StatusNotificationRequest.self, from: Data(json.utf8))
            Issue.record("decoded an unknown status")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(OCPPFieldPath.render(context.codingPath) == "status")
        }
    }

    @Test func emptyRequiredArraysAreViolations() {
        #expect(
            decodeError(MeterValuesRequest.self, #"{"connectorId":1,"meterValue":[]}"#)
                == OCPPPayloadViolation(field: "meterValue", reason: "fewer than 1 item")
        )
        #expect(
            decodeError(GetInstalledCertificateIdsResponse.self, #"{"status":"Accepted","certificateHashData":[]}"#)
                == OCPPPayloadViolation(field: "certificateHashData", reason: "fewer than 1 item")
        )
    }

    @Test func fieldPathsRenderArraysWithBrackets() throws {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) {
                self.stringValue = "Index \(intValue)"
                self.intValue = intValue
            }
        }
        #expect(OCPPFieldPath.render([]) == "$")
        #expect(
            OCPPFieldPath.render([Key(stringValue: "meterValue"), Key(intValue: 0), Key(stringValue: "unit")])
                == "meterValue[0].unit"
        )
    }
}
