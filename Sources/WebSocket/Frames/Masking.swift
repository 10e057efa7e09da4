import NIOCore

/// Applies (and, since XOR is its own inverse, removes) the RFC 6455 section 5.3 mask in place.
///
/// Works 32 bytes per iteration with SIMD registers, then 8 bytes, then byte by byte; the key
/// is pre-rotated so that any starting offset works without a per-byte modulo.
public enum Masking {
    /// Masks `bytes` in place as if they started at payload offset `phase`.
    @inlinable
    public static func apply(_ key: MaskingKey, to bytes: UnsafeMutableRawBufferPointer, phase: Int = 0) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let key32 = key.rotated(by: phase).word
        let key64 = UInt64(key32) | (UInt64(key32) << 32)
        var index = 0
        if count >= 32 {
            let lanes = SIMD4<UInt64>(repeating: key64)
            while index &+ 32 <= count {
                let pointer = base + index
                let value = pointer.loadUnaligned(as: SIMD4<UInt64>.self)
                pointer.storeBytes(of: value ^ lanes, as: SIMD4<UInt64>.self)
                index &+= 32
            }
        }
        while index &+ 8 <= count {
            let pointer = base + index
            pointer.storeBytes(of: pointer.loadUnaligned(as: UInt64.self) ^ key64, as: UInt64.self)
            index &+= 8
        }
        // Here `index` is a multiple of 8, so the tail starts at byte 0 of the key word in memory.
        withUnsafeBytes(of: key64) { keyBytes in
            var keyIndex = 0
            while index < count {
                let pointer = base + index
                pointer.storeBytes(of: pointer.load(as: UInt8.self) ^ keyBytes[keyIndex], as: UInt8.self)
                keyIndex &+= 1
                index &+= 1
            }
        }
    }

    /// Masks `count` readable bytes of `buffer` starting at `index` in place (`phase` as above).
    @inlinable
    public static func apply(_ key: MaskingKey, to buffer: inout ByteBuffer, at index: Int, count: Int, phase: Int = 0)
    {
        guard count > 0 else { return }
        let start = index - buffer.readerIndex
        buffer.withUnsafeMutableReadableBytes { readable in
            apply(key, to: UnsafeMutableRawBufferPointer(rebasing: readable[start..<(start + count)]), phase: phase)
        }
    }
}
