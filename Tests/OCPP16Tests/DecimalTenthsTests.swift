import Foundation
import OCPP16
import Testing

@Suite struct DecimalTenthsTests {
    @Test func acceptsMultiplesOfATenthDespiteBinaryNoise() throws {
        // Variables, not literals: `DecimalTenths(16.1)` would be literal coercion (SE-0213).
        let sixteenPointOne = 16.1
        let pointOneAndPointTwo = 0.1 + 0.2
        let minusSeven = -7.0
        #expect(try DecimalTenths(sixteenPointOne).tenths == 161)
        #expect(try DecimalTenths(pointOneAndPointTwo).tenths == 3)
        #expect(try DecimalTenths(minusSeven).tenths == -70)
        #expect(throws: OCPPPayloadViolation(field: "limit", reason: "not a multiple of 0.1")) {
            try DecimalTenths(16.25, field: "limit")
        }
    }

    @Test func roundingAndLiterals() {
        #expect(DecimalTenths(rounding: 16.25).tenths == 163)
        #expect(DecimalTenths(rounding: .nan).tenths == 0)
        let literal: DecimalTenths = 32.5
        #expect(literal.tenths == 325)
        let whole: DecimalTenths = 11000
        #expect(whole.value == 11000)
    }

    @Test func encodesAsTheShortestDecimal() throws {
        let period = ChargingSchedulePeriod(startPeriod: 0, limit: DecimalTenths(tenths: 3))
        let json = String(decoding: try JSONEncoder().encode(period), as: UTF8.self)
        #expect(json.contains(#""limit":0.3"#))
    }

    @Test func decodingAFinerFractionNamesTheField() {
        let json = #"{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7.05}]}"#
        #expect(throws: OCPPPayloadViolation(field: "chargingSchedulePeriod[0].limit", reason: "not a multiple of 0.1"))
        {
            try JSONDecoder().decode(ChargingSchedule.self, from: Data(json.utf8))
        }
    }
}
