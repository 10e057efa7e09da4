import COpenSSL

/// The default source of client masking keys (RFC 6455 section 10.3 wants them unpredictable):
/// OpenSSL's CSPRNG (`RAND_bytes`), eight words per call. `SystemRandomNumberGenerator` costs a
/// `getrandom` system call per key, i.e. per frame a client sends (issue 11: CPU per call).
/// Falls back to `SystemRandomNumberGenerator` if OpenSSL cannot deliver.
public struct MaskingKeyGenerator: RandomNumberGenerator, Sendable {
    private static let wordCount = 8
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var used = MaskingKeyGenerator.wordCount

    public init() {}

    public mutating func next() -> UInt64 {
        if used == Self.wordCount { refill() }
        let index = used
        used += 1
        return withUnsafeBytes(of: &words) { $0.load(fromByteOffset: index * 8, as: UInt64.self) }
    }

    private mutating func refill() {
        used = 0
        let filled = withUnsafeMutableBytes(of: &words) { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            return RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(raw.count)) == 1
        }
        guard !filled else { return }
        var system = SystemRandomNumberGenerator()
        words = (
            system.next(), system.next(), system.next(), system.next(), system.next(), system.next(), system.next(),
            system.next()
        )
    }
}
