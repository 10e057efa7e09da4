/// The 4-byte masking key of a client-to-server frame (RFC 6455 section 5.3).
///
/// Stored as the four wire bytes; `word` is those bytes loaded in memory order, so XOR with a
/// word loaded from the payload needs no byte swapping.
public struct MaskingKey: Sendable, Equatable, Hashable {
    /// The key bytes in wire order.
    public var bytes: (UInt8, UInt8, UInt8, UInt8)

    public init(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
        bytes = (b0, b1, b2, b3)
    }

    /// A key drawn from `generator` (clients must use an unpredictable key, section 10.3).
    public init(using generator: inout some RandomNumberGenerator) {
        let value = generator.next() as UInt32
        self.init(
            UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24))
    }

    /// The key as a 32-bit value whose in-memory bytes are the wire bytes.
    @inlinable
    public var word: UInt32 {
        withUnsafeBytes(of: bytes) { $0.loadUnaligned(as: UInt32.self) }
    }

    /// The key rotated so that masking can start at payload offset `phase` (any integer).
    @inlinable
    public func rotated(by phase: Int) -> MaskingKey {
        switch phase & 3 {
        case 1: return MaskingKey(bytes.1, bytes.2, bytes.3, bytes.0)
        case 2: return MaskingKey(bytes.2, bytes.3, bytes.0, bytes.1)
        case 3: return MaskingKey(bytes.3, bytes.0, bytes.1, bytes.2)
        default: return self
        }
    }

    public static func == (lhs: MaskingKey, rhs: MaskingKey) -> Bool {
        lhs.word == rhs.word
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(word)
    }
}
