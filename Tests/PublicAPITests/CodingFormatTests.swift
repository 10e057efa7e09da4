import Foundation
import PublicAPI
import Testing

@Suite("Data formats (§2.5) and error bodies (§2.6)")
struct CodingFormatTests {
    @Test("timestamps are written in UTC with Z, milliseconds only when present")
    func timestampFormat() {
        #expect(PublicAPIJSON.formatTimestamp(Date(timeIntervalSince1970: 1_704_110_400)) == "2024-01-01T12:00:00Z")
        #expect(
            PublicAPIJSON.formatTimestamp(Date(timeIntervalSince1970: 1_704_110_400.25)) == "2024-01-01T12:00:00.250Z")
    }

    @Test("timestamps are read with Z, offsets and fractions; anything else is refused")
    func timestampParse() throws {
        let noon = Date(timeIntervalSince1970: 1_704_110_400)
        #expect(PublicAPIJSON.parseTimestamp("2024-01-01T12:00:00Z") == noon)
        #expect(PublicAPIJSON.parseTimestamp("2024-01-01T12:00:00+00:00") == noon)
        #expect(PublicAPIJSON.parseTimestamp("2024-01-01T14:00:00+02:00") == noon)
        #expect(PublicAPIJSON.parseTimestamp("2024-01-01T12:00:00.500Z") == noon.addingTimeInterval(0.5))
        #expect(PublicAPIJSON.parseTimestamp("2024-01-01 12:00:00") == nil)
        #expect(PublicAPIJSON.parseTimestamp("yesterday") == nil)
        #expect(throws: DecodingError.self) {
            _ = try PublicAPIJSON.makeDecoder().decode(
                Reservation.self,
                from: Data(
                    #"{"id":1,"chargePointId":1,"evseId":1,"userId":1,"status":"active","reservedAt":"soon","duration":5}"#
                        .utf8))
        }
    }

    @Test("date-only and Y-m-d H:i:s values")
    func otherFormats() {
        #expect(CalendarDay("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDay("2024-13-01") == nil)
        #expect(CalendarDay("2024-1-01") == nil)
        #expect(LocalDateTime("2022-11-12 12:00:00")?.text == "2022-11-12 12:00:00")
        #expect(LocalDateTime("2022-11-12T12:00:00") == nil)
        #expect(LocalDateTime("2022-11-12 24:00:00") == nil)
    }

    @Test("required-but-null fields are written as null, and a missing one reads as nil")
    func explicitNull() throws {
        let status = ChargePointLiveStatus(networkStatus: .available, hardwareStatus: nil, evses: [])
        let json = try PublicAPIJSON.makeEncoder().encode(status)
        #expect(
            String(decoding: json, as: UTF8.self) == #"{"evses":[],"hardwareStatus":null,"networkStatus":"available"}"#)
        let missing = try PublicAPIJSON.makeDecoder().decode(
            ChargePointLiveStatus.self, from: Data(#"{"networkStatus":"available","evses":[]}"#.utf8))
        #expect(missing.hardwareStatus == nil)
    }

    @Test("a request body leaves out what was not set (PATCH semantics)")
    func requestOmitsAbsent() throws {
        let body = IdTagWrite(status: .disabled)
        let json = try PublicAPIJSON.makeEncoder().encode(body)
        #expect(String(decoding: json, as: UTF8.self) == #"{"status":"disabled"}"#)
    }

    @Test("a 422 body names the first error and counts the rest, Laravel style")
    func validationMessage() {
        let error = APIError.validation(["name": ["The name field is required."], "type": ["The type is invalid."]])
        #expect(error.message == "The name field is required. (and 1 more error)")
        #expect(error.errors?.count == 2)
        #expect(APIError.validation(["a": ["A."]]).message == "A.")
    }

    @Test("error statuses with a JSON body are 400, 401, 403, 404, 422 and 429")
    func statuses() {
        let withBody = APIErrorStatus.allCases.filter(\.hasMessageBody).map(\.rawValue)
        #expect(withBody == [400, 401, 403, 404, 422, 429])
    }

    @Test("page meta decodes cursor mode when current_page is absent")
    func pageMetaMode() throws {
        let meta = try PublicAPIJSON.makeDecoder().decode(
            PageMeta.self, from: Data(#"{"path":"p","per_page":5,"next_cursor":null,"prev_cursor":null}"#.utf8))
        #expect(meta == .cursor(CursorModeMeta(path: "p", perPage: 5, nextCursor: nil, prevCursor: nil)))
    }
}
