import NIOCore
import Testing
import WebSocket

/// The word/SIMD masking against a byte-at-a-time reference, at every length and phase.
@Suite struct MaskingTests {
    func reference(_ bytes: [UInt8], key: [UInt8], phase: Int) -> [UInt8] {
        bytes.enumerated().map { $0.element ^ key[($0.offset + phase) % 4] }
    }

    @Test func matchesByteReferenceForAllLengthsAndPhases() {
        let key = MaskingKey(0xA1, 0xB2, 0xC3, 0xD4)
        let keyBytes: [UInt8] = [0xA1, 0xB2, 0xC3, 0xD4]
        for length in 0...80 {
            for phase in 0..<4 {
                let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
                var output = input
                output.withUnsafeMutableBytes { Masking.apply(key, to: $0, phase: phase) }
                #expect(output == reference(input, key: keyBytes, phase: phase), "length \(length) phase \(phase)")
            }
        }
    }

    @Test func maskingTwiceRestoresTheInput() {
        let key = MaskingKey(1, 2, 3, 4)
        var buffer = ByteBuffer(bytes: (0..<1000).map { UInt8(truncatingIfNeeded: $0) })
        buffer.moveReaderIndex(forwardBy: 3)
        let original = Array(buffer.readableBytesView)
        Masking.apply(key, to: &buffer, at: buffer.readerIndex, count: buffer.readableBytes)
        #expect(Array(buffer.readableBytesView) != original)
        Masking.apply(key, to: &buffer, at: buffer.readerIndex, count: buffer.readableBytes)
        #expect(Array(buffer.readableBytesView) == original)
    }

    @Test func maskingInPiecesEqualsMaskingAtOnce() {
        let key = MaskingKey(9, 8, 7, 6)
        let input = (0..<333).map { UInt8(truncatingIfNeeded: $0 * 13) }
        var whole = input
        whole.withUnsafeMutableBytes { Masking.apply(key, to: $0) }
        var pieces = input
        pieces.withUnsafeMutableBytes { raw in
            var offset = 0
            for size in [1, 2, 5, 40, 17, 268] {
                Masking.apply(
                    key, to: UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + size)]), phase: offset)
                offset += size
            }
        }
        #expect(pieces == whole)
    }
}
