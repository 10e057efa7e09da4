import NIOCore
import Testing
import WebSocket

/// Exact bytes of the writer against RFC 6455 section 5.7 and the three length forms.
@Suite struct FrameWriterTests {
    static let rfcKey = MaskingKey(0x37, 0xFA, 0x21, 0x3D)

    func written(_ body: (inout ByteBuffer) -> Void) -> [UInt8] {
        var buffer = ByteBuffer()
        body(&buffer)
        return Array(buffer.readableBytesView)
    }

    @Test func unmaskedHello() {
        #expect(
            written { FrameWriter.writeFrame(text: "Hello", maskingKey: nil, into: &$0) } == [
                0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F,
            ])
    }

    @Test func maskedHello() {
        #expect(
            written { FrameWriter.writeFrame(text: "Hello", maskingKey: Self.rfcKey, into: &$0) }
                == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test func fragmentedHello() {
        let bytes = written {
            FrameWriter.writeFrame(fin: false, text: "Hel", maskingKey: nil, into: &$0)
            FrameWriter.writeFrame(opcode: .continuation, text: "lo", maskingKey: nil, into: &$0)
        }
        #expect(bytes == [0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F])
    }

    @Test func pingAndMaskedPong() {
        let hello = ByteBuffer(string: "Hello")
        #expect(
            written { FrameWriter.writeFrame(opcode: .ping, payload: hello, maskingKey: nil, into: &$0) } == [
                0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F,
            ])
        #expect(
            written { FrameWriter.writeFrame(opcode: .pong, payload: hello, maskingKey: Self.rfcKey, into: &$0) }
                == [0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test func binary256UsesSixteenBitLength() {
        let bytes = written {
            FrameWriter.writeFrame(
                opcode: .binary, payload: ByteBuffer(repeating: 7, count: 256), maskingKey: nil, into: &$0)
        }
        #expect(Array(bytes.prefix(4)) == [0x82, 0x7E, 0x01, 0x00])
        #expect(bytes.count == 260)
    }

    @Test func binary64KiBUsesSixtyFourBitLength() {
        let bytes = written {
            FrameWriter.writeFrame(
                opcode: .binary, payload: ByteBuffer(repeating: 7, count: 65_536), maskingKey: nil, into: &$0)
        }
        #expect(Array(bytes.prefix(10)) == [0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00])
        #expect(bytes.count == 65_546)
    }

    @Test func lengthFormBoundaries() {
        for (length, headerSize) in [(125, 2), (126, 4), (65_535, 4), (65_536, 10)] {
            let bytes = written {
                FrameWriter.writeFrame(
                    opcode: .binary, payload: ByteBuffer(repeating: 0, count: length), maskingKey: nil, into: &$0)
            }
            #expect(bytes.count == length + headerSize, "length \(length)")
            #expect(FrameHeader(opcode: .binary, payloadLength: length).encodedSize == headerSize)
        }
    }

    @Test func rsv1SetsTheCompressionBit() {
        #expect(
            written {
                FrameWriter.writeFrame(rsv1: true, opcode: .binary, payload: ByteBuffer(), maskingKey: nil, into: &$0)
            } == [0xC2, 0x00])
    }

    @Test func closeFramesCarryCodeAndReason() {
        #expect(
            written { FrameWriter.writeClose(code: .normalClosure, reason: "ok", maskingKey: nil, into: &$0) } == [
                0x88, 0x04, 0x03, 0xE8, 0x6F, 0x6B,
            ])
        #expect(written { FrameWriter.writeClose(code: nil, reason: "", maskingKey: nil, into: &$0) } == [0x88, 0x00])
    }

    @Test func closeReasonIsCutOnACharacterBoundary() {
        // 62 two-byte characters = 124 bytes: the cut at 123 must drop the whole last one.
        let reason = String(repeating: "é", count: 62)
        let bytes = written { FrameWriter.writeClose(code: .goingAway, reason: reason, maskingKey: nil, into: &$0) }
        #expect(bytes[1] == 2 + 122)
        #expect(String(decoding: bytes[4...], as: UTF8.self) == String(repeating: "é", count: 61))
    }
}
