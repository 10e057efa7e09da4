import COpenSSLShim

/// The default source of client masking keys (RFC 6455 section 10.3 wants them unpredictable):
/// OpenSSL's CSPRNG (`RAND_bytes`), 64 words per call, cached per thread (each event loop has
/// its own). `SystemRandomNumberGenerator` costs a `getrandom` system call per key, i.e. per frame
/// a client sends (issue 11: CPU per call); a cache per connection cost every connection 150 bytes
/// (issue 11: memory per idle charger). This type holds no state: it fits a `RandomNumberGenerator`
/// existential without a box. Falls back to `SystemRandomNumberGenerator` if OpenSSL cannot deliver.
public struct MaskingKeyGenerator: RandomNumberGenerator, Sendable {
    public init() {}

    public mutating func next() -> UInt64 {
        var word: UInt64 = 0
        guard chargesim_masking_word(&word) == 1 else {
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
        return word
    }
}
