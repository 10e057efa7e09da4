import OCPP16
import Testing

@Suite struct OCPPTimestampInstantTests {
    @Test func advancesAndMeasuresInMilliseconds() {
        let start = OCPPTimestamp(millisecondsSince1970: 1_795_000_000_000)
        let later = start.advanced(by: .seconds(90) + .milliseconds(250))
        #expect(later.millisecondsSince1970 == 1_795_000_090_250)
        #expect(start.duration(to: later) == .milliseconds(90_250))
        #expect(later.duration(to: start) == .milliseconds(-90_250))
        #expect(start + .seconds(1) > start)
        #expect(later.rfc3339 == "2026-11-18T11:08:10.250Z")
    }

    @Test func subMillisecondDurationsTruncateTowardZero() {
        #expect(Duration.microseconds(1999).wholeMilliseconds == 1)
        #expect(Duration.microseconds(-1999).wholeMilliseconds == -1)
    }
}
