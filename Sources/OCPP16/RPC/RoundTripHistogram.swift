/// Round-trip times in log-linear buckets (32 per power of two, so within 3.2 %), counted in
/// microseconds: a fixed array, so recording is an index and an increment, and histograms of
/// several event loops (or of two moments, for a window) add and subtract exactly.
///
/// Bucket `i < 32` holds `i` µs; above, bucket `32 + (e - 5) * 32 + s` holds the values whose
/// highest set bit is `e` and whose next five bits are `s`. `Benchmarks/peer` computes the
/// same buckets, so the benchmark compares like with like. (8 per power of two, as before,
/// could not tell a 4.7 ms p99 from a 5.1 ms one: both fell in 4.61-5.12.)
public struct RoundTripHistogram: Sendable, Equatable {
    /// How many buckets cover every `UInt64` microsecond value.
    public static let bucketCount = subBuckets + (UInt64.bitWidth - subBits) * subBuckets

    /// Bits below the highest set one that pick the bucket within its power of two.
    static let subBits = 5
    /// Buckets per power of two; also the values counted exactly, one per bucket.
    static let subBuckets = 1 << subBits

    /// Values per bucket.
    public private(set) var counts: [UInt64]
    /// All recorded values.
    public private(set) var total: UInt64 = 0

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// The bucket of a value in microseconds.
    public static func bucket(microseconds value: UInt64) -> Int {
        guard value >= UInt64(subBuckets) else { return Int(value) }
        let exponent = UInt64.bitWidth - 1 - value.leadingZeroBitCount
        let sub = Int((value >> UInt64(exponent - subBits)) & UInt64(subBuckets - 1))
        return subBuckets + (exponent - subBits) * subBuckets + sub
    }

    /// The smallest value (µs) of bucket `index`.
    public static func lowerBound(bucket index: Int) -> UInt64 {
        guard index >= subBuckets else { return UInt64(index) }
        let exponent = (index - subBuckets) / subBuckets + subBits
        let sub = UInt64((index - subBuckets) % subBuckets)
        return (UInt64(subBuckets) + sub) << UInt64(exponent - subBits)
    }

    /// The largest value (µs) of bucket `index`.
    public static func upperBound(bucket index: Int) -> UInt64 {
        index + 1 < bucketCount ? lowerBound(bucket: index + 1) - 1 : UInt64.max
    }

    /// Counts one round trip of `nanoseconds`.
    public mutating func record(nanoseconds: UInt64) {
        counts[Self.bucket(microseconds: nanoseconds / 1000)] += 1
        total += 1
    }

    /// Counts `count` values in bucket `index` (reading a histogram back).
    public mutating func add(bucket index: Int, count: UInt64) {
        guard counts.indices.contains(index) else { return }
        counts[index] += count
        total += count
    }

    /// The upper bound (µs) of the bucket that holds the `fraction` quantile (0.5: the median),
    /// nil when empty. Conservative: the true value is at most this.
    public func quantile(_ fraction: Double) -> UInt64? {
        guard total > 0 else { return nil }
        let rank = max(UInt64((Double(total) * fraction).rounded(.up)), 1)
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if seen >= rank { return Self.upperBound(bucket: index) }
        }
        return nil
    }

    /// The non-empty buckets as `[lowerBoundMicroseconds, count]` pairs, for a stats file.
    public var nonEmptyBuckets: [(lowerBoundMicroseconds: UInt64, count: UInt64)] {
        counts.enumerated().compactMap { index, count in
            count > 0 ? (Self.lowerBound(bucket: index), count) : nil
        }
    }

    public static func + (lhs: RoundTripHistogram, rhs: RoundTripHistogram) -> RoundTripHistogram {
        var sum = lhs
        for index in rhs.counts.indices { sum.counts[index] += rhs.counts[index] }
        sum.total += rhs.total
        return sum
    }

    /// What was recorded since `earlier` (a snapshot of the same histogram).
    public func since(_ earlier: RoundTripHistogram) -> RoundTripHistogram {
        var difference = self
        for index in counts.indices { difference.counts[index] -= min(earlier.counts[index], counts[index]) }
        difference.total -= min(earlier.total, total)
        return difference
    }
}
