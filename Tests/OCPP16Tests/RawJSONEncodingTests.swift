import Foundation
import OCPP16
import TestSupport
import Testing

/// `RawJSON(encoding:)` writes the messages every charger sends all the time (MeterValues,
/// Heartbeat, StatusNotification and their answers) by hand: the same bytes as `JSONEncoder`
/// with sorted keys, schema-valid, and the same error for what cannot be encoded.
/// (`GeneratedRoundTripTests` compares seeded payloads with escapes and every optional field.)
@Suite struct RawJSONEncodingTests {
    private func sortedEncoding(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Integers are written digit by digit into the payload, after what is already there.
    @Test(arguments: [0, 7, 9, 10, 99, 100, 4711, 1_000_000, UInt64(Int64.max), UInt64.max] as [UInt64])
    func integersAreWrittenInDecimal(number: UInt64) {
        var bytes = Array("[".utf8)
        CompactJSONWriter.appendDecimal(number, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "[\(number)")
    }

    @Test func payloadsWithoutFieldsAreAnEmptyObject() throws {
        #expect(try RawJSON(encoding: HeartbeatRequest()).description == "{}")
        #expect(try RawJSON(encoding: MeterValuesResponse()).description == "{}")
        #expect(try RawJSON(encoding: StatusNotificationResponse()).description == "{}")
    }

    @Test func aMeterValuesRequestIsWrittenAsJSONEncoderWritesIt() throws {
        let time = try #require(OCPPTimestamp(rfc3339: "2026-11-25T22:10:05.123Z"))
        let request = MeterValuesRequest(
            connectorId: 1, transactionId: -7,
            meterValue: [
                MeterValue(
                    timestamp: time,
                    sampledValue: [
                        SampledValue(
                            value: "1234.5", context: .samplePeriodic, measurand: .energyActiveImportRegister,
                            location: .outlet, unit: .wh),
                        SampledValue(value: "a\"b\\c/d\u{1}\n\u{E9}", phase: .l1),
                    ])
            ])
        let raw = try RawJSON(encoding: request)
        #expect(raw.bytes == (try sortedEncoding(request)))
        #expect(
            raw.description
                == #"{"connectorId":1,"meterValue":[{"sampledValue":[{"context":"Sample.Periodic","#
                + #""location":"Outlet","measurand":"Energy.Active.Import.Register","unit":"Wh","value":"1234.5"},"#
                + #"{"phase":"L1","value":"a\"b\\c/d\u0001\n\#u{E9}"}],"timestamp":"2026-11-25T22:10:05.123Z"}],"#
                + #""transactionId":-7}"#)
        let validator = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema("MeterValues"))
        #expect(try validator.validate(json: raw.bytes) == [])
    }

    @Test func aHeartbeatAnswerAndAStatusNotificationMatchJSONEncoder() throws {
        let time = try #require(OCPPTimestamp(rfc3339: "1970-01-01T00:00:00Z"))
        let answer = HeartbeatResponse(currentTime: time)
        #expect(try RawJSON(encoding: answer).description == #"{"currentTime":"1970-01-01T00:00:00.000Z"}"#)
        let status = StatusNotificationRequest(
            connectorId: 0, errorCode: .noError, status: .available, timestamp: time, vendorId: "Vendor")
        #expect(try RawJSON(encoding: status).bytes == (try sortedEncoding(status)))
    }

    @Test func aTimestampOutsideTheRFC3339YearsFailsLikeJSONEncoder() {
        let late = OCPPTimestamp(millisecondsSince1970: 300_000_000_000_000)
        #expect(throws: EncodingError.self) { try RawJSON(encoding: HeartbeatResponse(currentTime: late)) }
        let request = MeterValuesRequest(
            connectorId: 1, meterValue: [MeterValue(timestamp: late, sampledValue: [SampledValue(value: "1")])])
        #expect(throws: EncodingError.self) { try RawJSON(encoding: request) }
    }
}
