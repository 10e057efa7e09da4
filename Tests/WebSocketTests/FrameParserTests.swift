import NIOCore
import TestSupport
import Testing
import WebSocket

/// RFC 6455 section 5 at the frame level, every case drip-fed (whole, byte by byte, twice).
@Suite struct FrameParserTests {
    enum Parsed: Equatable {
        case frame(fin: Bool, rsv1: Bool, opcode: Opcode, payload: [UInt8])
        case error(WebSocketProtocolError)
    }

    struct Harness {
        var parser: FrameParser
        var failed = false
    }

    static let key: (UInt8, UInt8, UInt8, UInt8) = (0x37, 0xFA, 0x21, 0x3D)

    func verify(
        _ bytes: [UInt8], _ expected: [Parsed], role: WebSocketRole = .client, maxFrameSize: Int = 1 << 20,
        compression: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let repeatable = !expected.contains { if case .error = $0 { return true } else { return false } }
        DripFeed.verify(
            bytes, expected: expected, repeatable: repeatable,
            makeParser: {
                Harness(
                    parser: FrameParser(
                        configuration: .init(role: role, maxFrameSize: maxFrameSize, allowsCompression: compression)))
            },
            feed: { harness, buffer in
                guard !harness.failed else { return [] }
                harness.parser.append(buffer)
                var out: [Parsed] = []
                do throws(WebSocketProtocolError) {
                    while let frame = try harness.parser.nextFrame() {
                        out.append(
                            .frame(
                                fin: frame.fin, rsv1: frame.rsv1, opcode: frame.opcode,
                                payload: Array(frame.payload.readableBytesView)))
                    }
                } catch {
                    harness.failed = true
                    out.append(.error(error))
                }
                return out
            },
            sourceLocation: sourceLocation)
    }

    @Test func unmaskedTextFromRFCSection57() {
        verify(
            [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F],
            [.frame(fin: true, rsv1: false, opcode: .text, payload: Array("Hello".utf8))])
    }

    @Test func maskedTextFromRFCSection57() {
        verify(
            [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58],
            [.frame(fin: true, rsv1: false, opcode: .text, payload: Array("Hello".utf8))], role: .server)
    }

    @Test func fragmentsFromRFCSection57() {
        verify(
            [0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F],
            [
                .frame(fin: false, rsv1: false, opcode: .text, payload: Array("Hel".utf8)),
                .frame(fin: true, rsv1: false, opcode: .continuation, payload: Array("lo".utf8)),
            ])
    }

    @Test func pingAndMaskedPongFromRFCSection57() {
        verify(
            [0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F],
            [.frame(fin: true, rsv1: false, opcode: .ping, payload: Array("Hello".utf8))])
        verify(
            [0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58],
            [.frame(fin: true, rsv1: false, opcode: .pong, payload: Array("Hello".utf8))], role: .server)
    }

    @Test(arguments: [0, 1, 125, 126, 127, 65_535, 65_536, 70_001])
    func everyLengthEncodingRoundTrips(length: Int) {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let frame = WireFrame(opcode: 2, masked: Self.key, payload: payload)
        verify(frame.bytes, [.frame(fin: true, rsv1: false, opcode: .binary, payload: payload)], role: .server)
    }

    @Test func nonMinimalLengthEncodingsAreAccepted() {
        // Section 5.2 puts the minimal-encoding duty on the sender; receivers stay lenient.
        let payload = Array("ab".utf8)
        verify(
            WireFrame(opcode: 2, payload: payload, lengthForm: 126).bytes,
            [.frame(fin: true, rsv1: false, opcode: .binary, payload: payload)])
        verify(
            WireFrame(opcode: 2, payload: payload, lengthForm: 127).bytes,
            [.frame(fin: true, rsv1: false, opcode: .binary, payload: payload)])
    }

    @Test func sixtyFourBitLengthWithTopBitSetIsAProtocolError() {
        let frame = WireFrame(opcode: 2, lengthForm: 127, declaredLength: 1 << 63)
        verify(frame.bytes, [.error(.payloadLengthOutOfRange)], maxFrameSize: .max)
    }

    @Test(arguments: [3, 4, 5, 6, 7, 11, 12, 13, 14, 15] as [UInt8])
    func reservedOpcodesAreRejected(opcode: UInt8) {
        verify(WireFrame(opcode: opcode).bytes, [.error(.reservedOpcode(opcode))])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7] as [UInt8])
    func reservedBitsWithoutExtensionAreRejected(rsv: UInt8) {
        verify(WireFrame(rsv: rsv, opcode: 1, payload: [0x41]).bytes, [.error(.reservedBitsSet)])
    }

    @Test func rsv1IsAllowedOnlyOnFirstDataFrameWithCompression() {
        verify(
            WireFrame(rsv: 4, opcode: 1, payload: [1]).bytes,
            [.frame(fin: true, rsv1: true, opcode: .text, payload: [1])],
            compression: true)
        verify(WireFrame(rsv: 4, opcode: 0, payload: [1]).bytes, [.error(.unexpectedCompressionBit)], compression: true)
        verify(WireFrame(rsv: 4, opcode: 9).bytes, [.error(.unexpectedCompressionBit)], compression: true)
        verify(WireFrame(rsv: 2, opcode: 1).bytes, [.error(.reservedBitsSet)], compression: true)
    }

    @Test func controlFramesLongerThan125AreRejected() {
        verify(
            WireFrame(opcode: 9, payload: Array(repeating: 0, count: 126)).bytes, [.error(.controlFrameTooLong(126))])
        verify(
            WireFrame(opcode: 9, payload: Array(repeating: 0x2A, count: 125)).bytes,
            [.frame(fin: true, rsv1: false, opcode: .ping, payload: Array(repeating: 0x2A, count: 125))])
    }

    @Test func fragmentedControlFramesAreRejected() {
        verify(WireFrame(fin: false, opcode: 9).bytes, [.error(.fragmentedControlFrame)])
        verify(WireFrame(fin: false, opcode: 8).bytes, [.error(.fragmentedControlFrame)])
    }

    @Test func serverRequiresMaskedFramesAndClientRejectsThem() {
        verify(WireFrame(.text, "hi").bytes, [.error(.unmaskedFrameFromClient)], role: .server)
        verify(WireFrame(.text, "hi", masked: Self.key).bytes, [.error(.maskedFrameFromServer)], role: .client)
    }

    @Test func frameOverTheLimitFailsBeforeItsPayloadArrives() throws {
        var parser = FrameParser(configuration: .init(role: .client, maxFrameSize: 1000))
        // Only the 4-byte header of a 1001-byte frame: the error must come now.
        parser.append(ByteBuffer(bytes: [0x82, 126, 0x03, 0xE9]))
        #expect(throws: WebSocketProtocolError.frameTooBig(length: 1001, limit: 1000)) { try parser.nextFrame() }
        verify(
            WireFrame(opcode: 2, payload: Array(repeating: 1, count: 1000)).bytes,
            [.frame(fin: true, rsv1: false, opcode: .binary, payload: Array(repeating: 1, count: 1000))],
            maxFrameSize: 1000)
    }

    @Test func partialFrameExposesTheUnmaskedPrefix() throws {
        var parser = FrameParser(configuration: .init(role: .server, maxFrameSize: 100))
        let bytes = WireFrame(.text, "Hello, world", masked: Self.key).bytes
        parser.append(ByteBuffer(bytes: bytes[0..<9]))
        #expect(try parser.nextFrame() == nil)
        let maybePartial = parser.partialFrame()
        let partial = try #require(maybePartial)
        #expect(partial.header.payloadLength == 12)
        #expect(Array(partial.payloadPrefix.readableBytesView) == Array("Hel".utf8))
        parser.append(ByteBuffer(bytes: bytes[9...]))
        let maybeFrame = try parser.nextFrame()
        let frame = try #require(maybeFrame)
        #expect(String(buffer: frame.payload) == "Hello, world")
    }
}
