/// A small, fast, seedable random number generator (SplitMix64), so that a run started with
/// `--seed` is reproducible: the same seed gives the same jitter, EV mix and faults.
///
/// Not for cryptography. The algorithm is Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators" (OOPSLA 2014).
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    /// Starts the sequence for `seed`; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
