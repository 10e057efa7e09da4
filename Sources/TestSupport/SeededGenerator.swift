import Simulator

/// The tests' reproducible random source: the simulator's own SplitMix64 generator, so a test
/// seed and a `--seed` run draw from the same sequence.
public typealias SeededGenerator = SeededRandomNumberGenerator

extension SeededRandomNumberGenerator {
    /// `count` uniformly random bytes.
    public mutating func bytes(count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            var word = next()
            for _ in 0..<min(8, count - result.count) {
                result.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return result
    }
}
