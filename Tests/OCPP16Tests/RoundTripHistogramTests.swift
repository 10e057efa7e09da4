import OCPP16
import Testing

/// The log-linear round-trip buckets: exact below 32 µs, 32 per power of two above, bounds that
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

    @Test(arguments: [
        (0, 0), (31, 31), (32, 32), (63, 63), (64, 64), (65, 64), (66, 65), (127, 95), (128, 96), (1000, 190),
    ])
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
        #expect(histogram.quantile(0.5) == 1007)
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

    /// The buckets near the 5 ms target are narrow enough to tell 4.9 ms from 5.1 ms.
    @Test func bucketsNearFiveMillisecondsAreWithinThreePercent() {
        let index = RoundTripHistogram.bucket(microseconds: 4_950)
        #expect(RoundTripHistogram.lowerBound(bucket: index) == 4_864)
        #expect(RoundTripHistogram.upperBound(bucket: index) == 4_991)
        #expect(RoundTripHistogram.bucket(microseconds: 5_050) == index + 1)
    }
}
