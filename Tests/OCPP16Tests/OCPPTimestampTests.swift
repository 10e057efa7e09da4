import Foundation
import OCPP16
import TestSupport
import Testing

@Suite struct OCPPTimestampTests {
    /// 2026-11-25T14:03:07.120Z.
    static let reference: Int64 = 1_795_615_387_120

    @Test(arguments: [
        ("2026-11-25T14:03:07.120Z", reference),
        ("2026-11-25T14:03:07.12Z", reference),
        ("2026-11-25T14:03:07.1204999Z", reference),
        ("2026-11-25T16:03:07.120+02:00", reference),
        ("2026-11-25T08:33:07.120-05:30", reference),
        ("2026-11-25t14:03:07.120z", reference),
        ("2026-11-25T14:03:07Z", reference - 120),
        ("2026-11-26T00:03:07+10:00", reference - 120),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T12:00:00.5-00:00", 951_825_600_500),
        ("0000-01-01T00:00:00Z", -62_167_219_200_000),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
    ])
    func parsesRFC3339(_ text: String, _ milliseconds: Int64) throws {
        #expect(OCPPTimestamp(rfc3339: text)?.millisecondsSince1970 == milliseconds)
        let decoded = try JSONDecoder().decode([OCPPTimestamp].self, from: Data(#"["\#(text)"]"#.utf8))
        #expect(decoded.first?.millisecondsSince1970 == milliseconds)
    }

    @Test(arguments: [
        "", "garbage", "2026-11-25", "2026-11-25T14:03:07", "2026-11-25T14:03Z", "2026-11-25 14:03:07Z",
        "2026-11-25T14:03:07.Z", "2026-11-25T14:03:07.120", "2026-11-25T14:03:07+0200", "2026-11-25T14:03:07+02",
        "2026-11-25T14:03:07+24:00", "2026-11-25T14:03:07Z ", " 2026-11-25T14:03:07Z", "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-25T25:00:00Z", "2026-11-25T14:60:00Z",
        "2026-11-25T14:03:61Z", "20261125T140307Z", "2026-11-25T14:03:07.12a Z", "+2026-11-25T14:03:07Z",
        "2026-11-25T14:03:07.120Zextra",
    ])
    func rejectsWhatIsNotRFC3339(_ text: String) {
        #expect(OCPPTimestamp(rfc3339: text) == nil)
        #expect(throws: OCPPPayloadViolation(field: "currentTime", reason: "not an RFC 3339 date-time")) {
            try JSONDecoder().decode(HeartbeatResponse.self, from: Data(#"{"currentTime":"\#(text)"}"#.utf8))
        }
    }

    @Test func formatsUTCWithExactlyThreeFractionDigits() {
        #expect(OCPPTimestamp(millisecondsSince1970: Self.reference).rfc3339 == "2026-11-25T14:03:07.120Z")
        #expect(OCPPTimestamp(millisecondsSince1970: 0).rfc3339 == "1970-01-01T00:00:00.000Z")
        #expect(OCPPTimestamp(millisecondsSince1970: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(OCPPTimestamp(millisecondsSince1970: 951_782_400_000).rfc3339 == "2000-02-29T00:00:00.000Z")
        #expect(OCPPTimestamp(millisecondsSince1970: 253_402_300_800_000).rfc3339 == nil)
    }

    @Test func aDateIsCutToTheMillisecond() {
        let date = Date(timeIntervalSince1970: 1_795_615_387.120_9)
        #expect(OCPPTimestamp(date).millisecondsSince1970 == Self.reference)
        #expect(OCPPTimestamp(date).date.timeIntervalSince1970 == 1_795_615_387.12)
        #expect(OCPPTimestamp(Date(timeIntervalSince1970: -0.0005)).millisecondsSince1970 == -1)
    }

    @Test func aYearBeyond9999CannotBeEncoded() {
        #expect(throws: EncodingError.self) {
            try JSONEncoder().encode([OCPPTimestamp(millisecondsSince1970: 253_402_300_800_000)])
        }
    }

    @Test func agreesWithFoundationOnSeededRandomInstants() throws {
        var generator = SeededGenerator(seed: 0x0CC9_16)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            let timestamp = OCPPTimestamp(millisecondsSince1970: milliseconds)
            let text = try #require(timestamp.rfc3339)
            #expect(text == formatter.string(from: timestamp.date), "\(milliseconds)")
            #expect(OCPPTimestamp(rfc3339: text) == timestamp)
        }
    }
}
