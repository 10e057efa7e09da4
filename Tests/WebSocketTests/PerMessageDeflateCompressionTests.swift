import CZlib
import NIOCore
import TestSupport
import Testing

@testable import WebSocket

/// RFC 7692 section 7.2: compression and decompression of messages, context takeover, window
/// sizes, and the bounds that stop a deflate bomb.
@Suite struct PerMessageDeflateCompressionTests {
    private let allocator = ByteBufferAllocator()
    private static let hello: [UInt8] = Array("Hello".utf8)

    private static func parameters(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        server: Int = 15, client: Int = 15
    ) -> PerMessageDeflateParameters {
        PerMessageDeflateParameters(
            serverNoContextTakeover: serverNoContextTakeover, clientNoContextTakeover: clientNoContextTakeover,
            serverMaxWindowBits: server, clientMaxWindowBits: client)
    }

    /// A client and a server endpoint sharing the same agreed parameters.
    private struct Pair {
        let client: PerMessageDeflate
        let server: PerMessageDeflate

        init(_ parameters: PerMessageDeflateParameters, options: PerMessageDeflateOptions = .init()) {
            client = PerMessageDeflate(parameters: parameters, role: .client, options: options)
            server = PerMessageDeflate(parameters: parameters, role: .server, options: options)
        }
    }

    private func compress(_ endpoint: PerMessageDeflate, _ bytes: [UInt8]) -> [UInt8] {
        Array(endpoint.compress(ByteBuffer(bytes: bytes), allocator: allocator).readableBytesView)
    }

    private func decompress(
        _ endpoint: PerMessageDeflate, _ bytes: [UInt8], maxSize: Int = 16 << 20
    ) throws(PerMessageDeflateError) -> [UInt8] {
        Array(
            try endpoint.decompress(ByteBuffer(bytes: bytes), maxSize: maxSize, allocator: allocator).readableBytesView)
    }

    /// Sends `message` from `sender` to `receiver` and returns the compressed size.
    @discardableResult
    private func roundTrip(
        _ message: [UInt8], from sender: PerMessageDeflate, to receiver: PerMessageDeflate,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int {
        let compressed = compress(sender, message)
        let restored = try decompress(receiver, compressed)
        #expect(restored == message, sourceLocation: sourceLocation)
        return compressed.count
    }

    /// Random lowercase letters and spaces: text-like data with little to share by chance.
    private static func text(seed: UInt64, count: Int) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return text(using: &generator, count: count)
    }

    private static func text(using generator: inout SeededGenerator, count: Int) -> [UInt8] {
        generator.bytes(count: count).map { $0 % 27 == 26 ? UInt8(ascii: " ") : UInt8(ascii: "a") + $0 % 27 }
    }

    private static func repetitive(count: Int) -> [UInt8] {
        let unit = Array("[2,\"4711\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]".utf8)
        return (0..<count).map { unit[$0 % unit.count] }
    }

    // MARK: RFC 7692 section 7.2.3 examples

    @Test func helloCompressesAsInSection7_2_3_1() {
        let pair = Pair(Self.parameters())
        #expect(compress(pair.client, Self.hello) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
    }

    @Test func secondHelloSharesTheWindowAsInSection7_2_3_2() {
        let pair = Pair(Self.parameters())
        _ = compress(pair.server, Self.hello)
        #expect(compress(pair.server, Self.hello) == [0xF2, 0x00, 0x11, 0x00, 0x00])
    }

    @Test func secondHelloWithoutContextTakeoverRepeatsTheFirst() {
        let pair = Pair(Self.parameters(serverNoContextTakeover: true))
        #expect(compress(pair.server, Self.hello) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
        #expect(compress(pair.server, Self.hello) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
    }

    @Test func sharedWindowMessagesDecompress() throws {
        let pair = Pair(Self.parameters())
        #expect(try decompress(pair.client, [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]) == Self.hello)
        #expect(try decompress(pair.client, [0xF2, 0x00, 0x11, 0x00, 0x00]) == Self.hello)
    }

    @Test(
        arguments: [
            // 7.2.3.1, the two fragments joined.
            [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00],
            // 7.2.3.3: a stored (uncompressed) block.
            [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x00],
            // 7.2.3.4: BFINAL set.
            [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x00],
            // 7.2.3.5: two blocks in one message.
            [0xF2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xCA, 0xC9, 0xC9, 0x07, 0x00],
        ] as [[UInt8]])
    func rfcExamplesDecompressToHello(_ payload: [UInt8]) throws {
        let pair = Pair(Self.parameters())
        #expect(try decompress(pair.server, payload) == Self.hello)
        // The stream stays usable for the next message.
        try roundTrip(Self.hello, from: pair.client, to: pair.server)
    }

    /// After a final block the next message may still refer to the previous one's bytes.
    @Test func finalBlockKeepsTheWindowForTheNextMessage() throws {
        let pair = Pair(Self.parameters())
        #expect(try decompress(pair.client, [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x00]) == Self.hello)
        #expect(try decompress(pair.client, [0xF2, 0x00, 0x11, 0x00, 0x00]) == Self.hello)
    }

    // MARK: Round trips

    @Test(arguments: [0, 1, 100, 64 << 10, 1 << 20], [false, true])
    func roundTripsRandomAndRepetitiveData(size: Int, random: Bool) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let message = random ? generator.bytes(count: size) : Self.repetitive(count: size)
        let pair = Pair(Self.parameters())
        for _ in 0..<2 {
            let toServer = try roundTrip(message, from: pair.client, to: pair.server)
            let toClient = try roundTrip(message, from: pair.server, to: pair.client)
            if !random && size >= 64 << 10 {
                #expect(toServer < size / 4)
                #expect(toClient < size / 4)
            }
        }
    }

    @Test func emptyMessageIsOneZeroByteAndKeepsTheStreamInStep() throws {
        let pair = Pair(Self.parameters())
        try roundTrip(Self.hello, from: pair.client, to: pair.server)
        #expect(compress(pair.client, []) == [0x00])
        #expect(try decompress(pair.server, [0x00]).isEmpty)
        #expect(try decompress(pair.server, []).isEmpty)
        // The window still holds "Hello", so the next one is a back-reference.
        #expect(try roundTrip(Self.hello, from: pair.client, to: pair.server) == 5)
    }

    // MARK: Context takeover

    @Test func contextTakeoverShrinksARepeatedMessage() throws {
        let pair = Pair(Self.parameters())
        let message = Self.text(seed: 7, count: 2000)
        let first = try roundTrip(message, from: pair.client, to: pair.server)
        let second = try roundTrip(message, from: pair.client, to: pair.server)
        #expect(first > 1000)
        #expect(second < 40)
    }

    @Test(arguments: [PerMessageDeflateRole.client, .server])
    func noContextTakeoverCompressesEachMessageAlone(sender: PerMessageDeflateRole) throws {
        let parameters =
            sender == .client
            ? Self.parameters(clientNoContextTakeover: true) : Self.parameters(serverNoContextTakeover: true)
        let pair = Pair(parameters)
        let (from, to) = sender == .client ? (pair.client, pair.server) : (pair.server, pair.client)
        let message = Self.text(seed: 8, count: 2000)
        let first = try roundTrip(message, from: from, to: to)
        let second = try roundTrip(message, from: from, to: to)
        #expect(first == second)
        // The other direction keeps its context.
        let back = try roundTrip(message, from: to, to: from)
        #expect(try roundTrip(message, from: to, to: from) < back / 10)
    }

    /// A receiver that reset its window cannot follow a sender that kept it: proves the reset.
    @Test func receiverWithoutContextRejectsBackReferences() throws {
        let sender = PerMessageDeflate(parameters: Self.parameters(), role: .server, options: .init())
        let receiver = PerMessageDeflate(
            parameters: Self.parameters(serverNoContextTakeover: true), role: .client, options: .init())
        let message = Self.text(seed: 9, count: 500)
        #expect(try decompress(receiver, compress(sender, message)) == message)
        #expect(throws: PerMessageDeflateError.invalidCompressedData) {
            try decompress(receiver, compress(sender, message))
        }
    }

    // MARK: Window sizes

    static let windowBits = Array(8...15)

    /// Messages with repeats at distances up to 20 KB cross every window size in both directions.
    @Test(arguments: windowBits, windowBits)
    func windowBitsRoundTripBothWays(server: Int, client: Int) throws {
        let pair = Pair(Self.parameters(server: server, client: client))
        var generator = SeededGenerator(seed: UInt64(server * 16 + client))
        let block = Self.text(using: &generator, count: 300)
        let message = block + block + Self.text(using: &generator, count: 20_000) + block + block
        for _ in 0..<3 {
            try roundTrip(message, from: pair.client, to: pair.server)
            try roundTrip(message, from: pair.server, to: pair.client)
        }
    }

    /// Window bits 8: zlib refuses 8 for raw deflate, so the compressor runs with 9, whose
    /// longest distance (250) still fits the peer's 256-byte window.
    @Test func windowBitsEightCompressesWithNineWithinA256ByteWindow() throws {
        #expect(ZlibDeflater(windowBits: 8, level: 6, memoryLevel: 8).windowBits == 9)
        #expect(ZlibInflater(windowBits: 8).windowBits == 8)
        let pair = Pair(Self.parameters(server: 8, client: 8))
        let block = Self.text(seed: 10, count: 200)
        let message = Array((0..<50).map { _ in block }.joined())
        let size = try roundTrip(message, from: pair.client, to: pair.server)
        // Repeats 200 bytes apart fit the small window, so it still compresses.
        #expect(size < message.count / 5)
    }

    /// An 8-bit inflater refuses a reference more than 256 bytes into the previous message: the
    /// window is enforced across messages, so the repeated round trips above prove our
    /// compressor stays inside it.
    @Test func smallWindowInflaterRejectsLongDistances() throws {
        let wide = PerMessageDeflate(parameters: Self.parameters(), role: .client, options: .init())
        let narrow = PerMessageDeflate(parameters: Self.parameters(client: 8), role: .server, options: .init())
        let block = Self.text(seed: 11, count: 1000)
        #expect(try decompress(narrow, compress(wide, block)) == block)
        #expect(throws: PerMessageDeflateError.invalidCompressedData) {
            try decompress(narrow, compress(wide, block))
        }
    }

    // MARK: Limits and bad input

    @Test func deflateBombStopsAtTheLimitWithoutAllocatingMore() throws {
        let pair = Pair(Self.parameters())
        let bomb = pair.client.compress(ByteBuffer(repeating: 0, count: 10 << 20), allocator: allocator)
        #expect(bomb.readableBytes < 20 << 10)
        let limit = 1 << 20

        let inflater = ZlibInflater(windowBits: 15)
        var output = allocator.buffer(capacity: 0)
        #expect(throws: PerMessageDeflateError.messageTooBig(limit: limit)) {
            try inflater.inflateMessage(bomb, maxSize: limit, into: &output)
        }
        #expect(output.readableBytes == limit)
        #expect(output.capacity <= limit)

        #expect(throws: PerMessageDeflateError.messageTooBig(limit: limit)) {
            try pair.server.decompress(bomb, maxSize: limit, allocator: allocator)
        }
    }

    @Test func limitIsInclusive() throws {
        let pair = Pair(Self.parameters())
        let message = Self.repetitive(count: 5000)
        let compressed = compress(pair.client, message)
        let receiver = PerMessageDeflate(parameters: Self.parameters(), role: .server, options: .init())
        let output = try receiver.decompress(ByteBuffer(bytes: compressed), maxSize: 5000, allocator: allocator)
        #expect(Array(output.readableBytesView) == message)
        #expect(output.capacity <= 8192)
        let tooSmall = PerMessageDeflate(parameters: Self.parameters(), role: .server, options: .init())
        #expect(throws: PerMessageDeflateError.messageTooBig(limit: 4999)) {
            try decompress(tooSmall, compressed, maxSize: 4999)
        }
        let zero = PerMessageDeflate(parameters: Self.parameters(), role: .server, options: .init())
        #expect(throws: PerMessageDeflateError.messageTooBig(limit: 0)) {
            try decompress(zero, compressed, maxSize: 0)
        }
    }

    @Test(
        arguments: [
            [0xFF, 0xFF, 0xFF],
            // Reserved block type 11.
            [0x07, 0x00],
            // Stored block whose NLEN is not the complement of LEN.
            [0x00, 0x05, 0x00, 0x00, 0x00, 0x48],
            // RFC 7692 section 7.2.3.2's second message refers to a "Hello" this stream never saw.
            [0xF2, 0x00, 0x11, 0x00, 0x00],
        ] as [[UInt8]])
    func corruptDataIsRejected(_ payload: [UInt8]) {
        let pair = Pair(Self.parameters())
        #expect(throws: PerMessageDeflateError.invalidCompressedData) {
            try decompress(pair.server, payload)
        }
    }

    /// Random bytes, and valid messages with one byte flipped, never crash nor pass the limit.
    @Test func arbitraryInputIsRejectedOrBounded() throws {
        var generator = SeededGenerator(seed: 12)
        let valid = compress(Pair(Self.parameters()).client, Self.repetitive(count: 10_000))
        for round in 0..<400 {
            var payload: [UInt8]
            if round.isMultiple(of: 2) {
                payload = generator.bytes(count: Int.random(in: 1...300, using: &generator))
            } else {
                payload = valid
                payload[Int.random(in: 0..<payload.count, using: &generator)] ^= UInt8.random(
                    in: 1...255, using: &generator)
            }
            let receiver = Pair(Self.parameters()).server
            do {
                let output = try decompress(receiver, payload, maxSize: 4096)
                #expect(output.count <= 4096)
            } catch {
                #expect(error == .invalidCompressedData || error == .messageTooBig(limit: 4096))
            }
        }
    }

    // MARK: Memory

    @Test func memoryEstimateFollowsZlibFormula() {
        let defaults = PerMessageDeflate.estimatedMemoryPerConnection(
            parameters: Self.parameters(), role: .client, options: .init())
        #expect(defaults == 128 * 1024 + 128 * 1024 + 32 * 1024 + 7 * 1024)
        // As a server with a 10-bit own window and a 9-bit peer, memory level 1.
        let small = PerMessageDeflate.estimatedMemoryPerConnection(
            parameters: Self.parameters(server: 10, client: 9), role: .server, options: .init(memoryLevel: 1))
        #expect(small == (1 << 12) + (1 << 10) + (1 << 9) + 7 * 1024)
        // 8 bits is compressed with 9.
        let eight = PerMessageDeflate.estimatedMemoryPerConnection(
            parameters: Self.parameters(server: 8, client: 8), role: .client, options: .init(memoryLevel: 1))
        #expect(eight == (1 << 11) + (1 << 10) + (1 << 8) + 7 * 1024)
    }
}
