import OCPP16
import Testing

/// The log-linear round-trip buckets: exact below 16 µs, 8 per power of two above, bounds that
/// tile the range, conservative quantiles, and windows by subtraction.
@Suite struct RoundTripHistogramTests {
    @Test func bucketsTileTheRange() {
        for index in 0..<(RoundTripHistogram.bucketCount - 1) {
            let lower = RoundTripHistogram.lowerBound(bucket: index)
            let upper = RoundTripHistogram.upperBound(bucket: index)
            #expect(RoundTripHistogram.bucket(microseconds: lower) == index)
            #expect(RoundTripHistogram.bucket(microseconds: upper) == index)
            #expect(RoundTripHistogram.lowerBound(bucket: index + 1) == upper + 1)
        }
        #expect(RoundTripHistogram.bucket(microseconds: UInt64.max) == RoundTripHistogram.bucketCount - 1)
    }

    @Test(arguments: [(0, 0), (15, 15), (16, 16), (17, 16), (18, 17), (31, 23), (32, 24), (1000, 63)])
    func bucketOf(micros: UInt64, bucket: Int) {
        #expect(RoundTripHistogram.bucket(microseconds: micros) == bucket)
    }

    @Test func quantilesAreTheUpperBoundOfTheirBucket() {
        var histogram = RoundTripHistogram()
        #expect(histogram.quantile(0.5) == nil)
        for _ in 0..<98 { histogram.record(nanoseconds: 1_000_000) }  // 1 ms
        histogram.record(nanoseconds: 40_000_000)  // 40 ms
        histogram.record(nanoseconds: 90_000_000)  // 90 ms
        #expect(histogram.total == 100)
        #expect(histogram.quantile(0.5) == 1023)
        #expect(histogram.quantile(0.99) == 40959)
        #expect(histogram.quantile(1) == 90111)
    }

    @Test func aWindowIsTheDifferenceOfTwoSnapshots() {
        var histogram = RoundTripHistogram()
        histogram.record(nanoseconds: 5_000)
        let before = histogram
        histogram.record(nanoseconds: 2_000_000)
        histogram.record(nanoseconds: 2_000_000)
        let window = histogram.since(before)
        #expect(window.total == 2)
        #expect(window.nonEmptyBuckets.map(\.count) == [2])
        #expect((before + window) == histogram)
    }
}
