import Foundation
import TestSupport
import Testing

/// The validator must reject what the schemas forbid, or the conformance tests prove nothing.
@Suite struct JSONSchemaValidatorTests {
    private func violations(_ schemaName: String, _ json: String) throws -> [JSONSchemaValidator.Violation] {
        try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(schemaName)).validate(json: Data(json.utf8))
    }

    @Test func acceptsAValidMessage() throws {
        #expect(try violations("BootNotification", #"{"chargePointVendor":"ACME","chargePointModel":"M1"}"#) == [])
    }

    @Test func rejectsAMissingRequiredProperty() throws {
        let found = try violations("BootNotification", #"{"chargePointVendor":"ACME"}"#)
        #expect(found == [.init(path: "chargePointModel", message: "required property missing")])
    }

    @Test func rejectsAnExtraProperty() throws {
        let found = try violations("Authorize", #"{"idTag":"A","colour":"red"}"#)
        #expect(found == [.init(path: "colour", message: "additional property not allowed")])
    }

    @Test func rejectsABadEnumValueInANestedArray() throws {
        let json = #"""
            {"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T14:03:07Z",
             "sampledValue":[{"value":"1"},{"value":"2","unit":"Parsec"}]}]}
            """#
        let found = try violations("MeterValues", json)
        #expect(found.map(\.path) == ["meterValue[0].sampledValue[1].unit"])
    }

    @Test func rejectsATooLongStringCountingCodePoints() throws {
        let twenty = String(repeating: "\u{E9}", count: 20)
        #expect(try violations("Authorize", #"{"idTag":"\#(twenty)"}"#) == [])
        let found = try violations("Authorize", #"{"idTag":"\#(twenty)x"}"#)
        #expect(found == [.init(path: "idTag", message: "longer than 20 characters (21)")])
    }

    @Test func rejectsWrongTypes() throws {
        #expect(try violations("Authorize", #"{"idTag":7}"#).map(\.path) == ["idTag"])
        #expect(try violations("ChangeAvailability", #"{"connectorId":1.5,"type":"Operative"}"#).count == 1)
        #expect(try violations("ChangeAvailability", #"{"connectorId":true,"type":"Operative"}"#).count == 1)
        #expect(
            try violations("GetConfigurationResponse", #"{"configurationKey":[{"key":"a","readonly":1}]}"#)
                .map(\.path) == ["configurationKey[0].readonly"])
        #expect(try violations("Heartbeat", "[]").map(\.path) == ["$"])
    }

    @Test func rejectsNumbersThatAreNotMultiplesOfATenth() throws {
        let schedule = { (limit: String) in
            #"""
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,
             "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute",
             "chargingSchedule":{"chargingRateUnit":"A",
              "chargingSchedulePeriod":[{"startPeriod":0,"limit":\#(limit)}]}}}
            """#
        }
        #expect(try violations("SetChargingProfile", schedule("16.1")) == [])
        #expect(try violations("SetChargingProfile", schedule("0.3")) == [])
        let found = try violations("SetChargingProfile", schedule("16.25"))
        #expect(found.map(\.path) == ["csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit"])
    }

    @Test func followsDefinitionReferencesAndChecksMinItems() throws {
        #expect(try violations("GetInstalledCertificateIdsResponse", #"{"status":"Accepted"}"#) == [])
        let empty = try violations(
            "GetInstalledCertificateIdsResponse", #"{"status":"Accepted","certificateHashData":[]}"#)
        #expect(empty == [.init(path: "certificateHashData", message: "fewer than 1 items")])
        let badHash = #"""
            {"certificateHashData":{"hashAlgorithm":"MD5","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c"}}
            """#
        #expect(try violations("DeleteCertificate", badHash).map(\.path) == ["certificateHashData.hashAlgorithm"])
    }

    @Test(arguments: [
        ("2026-11-25T14:03:07Z", true), ("2026-11-25T14:03:07.1+02:00", true), ("2024-02-29t23:59:60.123456z", true),
        ("2026-11-25 14:03:07Z", false), ("2026-11-25T14:03:07", false), ("2025-02-29T00:00:00Z", false),
        ("2026-13-01T00:00:00Z", false), ("2026-11-25T24:00:00Z", false), ("2026-11-25T14:03:07+2:00", false),
        ("2026-11-25T14:03:07.Z", false), ("yesterday", false),
    ])
    func checksDateTimes(_ text: String, _ valid: Bool) throws {
        let found = try violations("HeartbeatResponse", #"{"currentTime":"\#(text)"}"#)
        #expect(found.isEmpty == valid, "\(found)")
    }

    @Test func comparesJSONValuesByValue() {
        #expect(JSONSchemaValidator.equal(["a": 1, "b": [true, "x"]], ["b": [true, "x"], "a": 1.0]))
        #expect(!JSONSchemaValidator.equal(["a": 1], ["a": true]))
        #expect(!JSONSchemaValidator.equal(["a": 1], ["a": 1, "b": 2]))
    }
}
