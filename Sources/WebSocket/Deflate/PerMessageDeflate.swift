import NIOCore

<<<<<<< HEAD
// CONTRACT between the WebSocket core (frames, handshake) and permessage-deflate (RFC 7692).
// The signatures below are fixed; the bodies are filled in by the deflate work. Until then
// nothing negotiates deflate, so no code path reaches them.

/// What this endpoint offers (client) or is willing to accept (server) for permessage-deflate.
public struct PerMessageDeflateOptions: Sendable, Equatable {
    /// Ask the server to reset its compression context after each message.
    public var serverNoContextTakeover: Bool
    /// Reset our own (client) compression context after each message.
    public var clientNoContextTakeover: Bool
    /// The server's LZ77 window as a power of two (8...15), or nil for the default 15.
    public var serverMaxWindowBits: Int?
    /// The client's LZ77 window as a power of two (8...15), or nil for the default 15.
    public var clientMaxWindowBits: Int?
    /// zlib compression level (0...9).
    public var compressionLevel: Int
    /// zlib memory level (1...9): memory per compressor is about 2^(memoryLevel+9) bytes.
    public var memoryLevel: Int

    public init(
        serverNoContextTakeover: Bool = false,
        clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int? = nil,
        clientMaxWindowBits: Int? = nil,
        compressionLevel: Int = 6,
        memoryLevel: Int = 8
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
        self.compressionLevel = compressionLevel
        self.memoryLevel = memoryLevel
    }
}

/// The parameters both sides agreed on in the handshake (RFC 7692 section 7.1).
public struct PerMessageDeflateParameters: Sendable, Equatable {
    public var serverNoContextTakeover: Bool
    public var clientNoContextTakeover: Bool
    /// Agreed server window bits (8...15).
    public var serverMaxWindowBits: Int
    /// Agreed client window bits (8...15).
    public var clientMaxWindowBits: Int

    public init(
        serverNoContextTakeover: Bool,
        clientNoContextTakeover: Bool,
        serverMaxWindowBits: Int,
        clientMaxWindowBits: Int
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }
}

/// Why a permessage-deflate negotiation or message failed; each maps to a close code or a
/// handshake error.
public enum PerMessageDeflateError: Error, Sendable, Equatable {
    /// The server's `Sec-WebSocket-Extensions` answer is not a valid acceptance of our offer
    /// (unknown parameter, bad value, a parameter we did not offer): fail the connection.
    case invalidNegotiationResponse(String)
    /// The inflated message would exceed the message size limit: close 1009.
    case messageTooBig(limit: Int)
    /// The compressed data is not a valid deflate stream: close 1007.
    case invalidCompressedData
}

/// The endpoint's role decides which window/context parameters apply to which direction.
public enum PerMessageDeflateRole: Sendable, Equatable {
    case client
    case server
}

extension PerMessageDeflateOptions {
    /// The `Sec-WebSocket-Extensions` header value a client sends to offer these options.
    public func clientOfferHeaderValue() -> String {
        preconditionFailure("PerMessageDeflate: negotiation is not implemented yet")
    }

    /// Server side: picks the first acceptable offer among the client's
    /// `Sec-WebSocket-Extensions` values; returns the agreed parameters and the response header
    /// value, or nil when no offer is acceptable (the connection then goes on uncompressed).
    public func serverAccept(offers headerValues: [String]) -> (PerMessageDeflateParameters, String)? {
        preconditionFailure("PerMessageDeflate: negotiation is not implemented yet")
    }

    /// Client side: checks the server's answer against what we offered.
    public func clientAccept(responseHeaderValue: String) throws(PerMessageDeflateError) -> PerMessageDeflateParameters
    {
        preconditionFailure("PerMessageDeflate: negotiation is not implemented yet")
    }
}

/// The compressor and decompressor of one connection (zlib raw streams). Lives on the
/// connection's event loop; not thread-safe.
public final class PerMessageDeflate {
    public init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions)
    {
        preconditionFailure("PerMessageDeflate: not implemented yet")
=======
/// The compressor and decompressor of one connection (zlib raw streams), RFC 7692 section 7.2.
/// Lives on the connection's event loop; not thread-safe.
///
/// As a client we compress with the `client_*` parameters and inflate with the `server_*`
/// ones; as a server the reverse. Context is kept across messages unless the direction's
/// `*_no_context_takeover` was agreed.
///
/// Memory: each zlib stream is created on its first message. A direction without context
/// takeover has nothing to remember between messages, so its stream is freed after each one
/// and an idle connection holds no zlib memory for it (see `estimatedIdleMemoryPerConnection`).
public final class PerMessageDeflate {
    private let directions: Directions
    private let options: PerMessageDeflateOptions
    private var deflater: ZlibDeflater?
    private var inflater: ZlibInflater?

    public init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions)
    {
        directions = Directions(parameters: parameters, role: role)
        self.options = options
>>>>>>> main
    }

    /// Compresses one whole message payload; the result has the trailing `00 00 FF FF` removed
    /// (RFC 7692 section 7.2.1). Resets the context afterwards when our side has no context takeover.
    /// An empty payload compresses to the single byte `00`.
    public func compress(_ message: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        // Nothing to deflate: no need to create a stream for it.
        guard message.readableBytes > 0 else { return ZlibDeflater.emptyMessage(allocator: allocator) }
        let deflater =
            self.deflater
            ?? ZlibDeflater(
                windowBits: directions.outboundWindowBits, level: options.compressionLevel,
                memoryLevel: options.memoryLevel)
        let output = deflater.compress(message, allocator: allocator)
        // Without context takeover the next message starts from scratch: drop the stream.
        self.deflater = directions.outboundNoContextTakeover ? nil : deflater
        return output
    }

    /// Decompresses one whole message payload (all fragments joined, RSV1 was set on the first);
<<<<<<< HEAD
    /// never produces more than `maxSize` bytes.
    public func decompress(_ payload: ByteBuffer, maxSize: Int, allocator: ByteBufferAllocator)
        throws(PerMessageDeflateError) -> ByteBuffer
    {
        preconditionFailure("PerMessageDeflate: not implemented yet")
=======
    /// never produces more than `maxSize` bytes (RFC 7692 section 7.2.2). The output buffer
    /// grows by doubling and never past the power of two at or above `maxSize`, so a deflate bomb
    /// costs at most that much memory before `.messageTooBig`. After any error the connection
    /// must fail: the shared window is gone.
    public func decompress(_ payload: ByteBuffer, maxSize: Int, allocator: ByteBufferAllocator)
        throws(PerMessageDeflateError) -> ByteBuffer
    {
        let inflater = self.inflater ?? ZlibInflater(windowBits: directions.inboundWindowBits)
        // Without context takeover the peer's next message refers to nothing: drop the stream.
        self.inflater = directions.inboundNoContextTakeover ? nil : inflater
        // Text compresses about 3 to 10 times; start there and double.
        var output = allocator.buffer(capacity: min(max(maxSize, 0), max(payload.readableBytes * 4, 256)))
        try inflater.inflateMessage(payload, maxSize: maxSize, into: &output)
        return output
    }

    /// How many zlib streams this connection holds now (0...2), for tests of the memory policy.
    var liveStreamCount: Int {
        (deflater == nil ? 0 : 1) + (inflater == nil ? 0 : 1)
    }

    /// Estimated zlib memory of one connection while both directions are in use, in bytes:
    /// zlib's documented figures (zconf.h), deflate `(1 << (windowBits + 2)) + (1 << (memLevel + 9))`
    /// and inflate `1 << windowBits` plus about 7 KiB of state. With the defaults (15 bits both
    /// ways, memory level 8) that is 256 KiB + 39 KiB = 302,080 bytes.
    public static func estimatedMemoryPerConnection(
        parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions
    ) -> Int {
        let directions = Directions(parameters: parameters, role: role)
        return directions.deflateBytes(memoryLevel: options.memoryLevel) + directions.inflateBytes
    }

    /// Estimated zlib memory one connection keeps between messages: a direction with context
    /// takeover keeps its stream (as in `estimatedMemoryPerConnection`), one without frees it.
    /// With `client_no_context_takeover` and `server_no_context_takeover` both agreed this is 0.
    public static func estimatedIdleMemoryPerConnection(
        parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions
    ) -> Int {
        let directions = Directions(parameters: parameters, role: role)
        let deflate =
            directions.outboundNoContextTakeover ? 0 : directions.deflateBytes(memoryLevel: options.memoryLevel)
        let inflate = directions.inboundNoContextTakeover ? 0 : directions.inflateBytes
        return deflate + inflate
    }

    /// Which agreed parameters govern what we send and what we receive.
    private struct Directions {
        var outboundWindowBits: Int
        var outboundNoContextTakeover: Bool
        var inboundWindowBits: Int
        var inboundNoContextTakeover: Bool

        init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole) {
            switch role {
            case .client:
                outboundWindowBits = parameters.clientMaxWindowBits
                outboundNoContextTakeover = parameters.clientNoContextTakeover
                inboundWindowBits = parameters.serverMaxWindowBits
                inboundNoContextTakeover = parameters.serverNoContextTakeover
            case .server:
                outboundWindowBits = parameters.serverMaxWindowBits
                outboundNoContextTakeover = parameters.serverNoContextTakeover
                inboundWindowBits = parameters.clientMaxWindowBits
                inboundNoContextTakeover = parameters.clientNoContextTakeover
            }
        }

        func deflateBytes(memoryLevel: Int) -> Int {
            // The deflater runs 8 as 9 (see ZlibDeflater).
            let windowBits = min(max(outboundWindowBits, 9), 15)
            return (1 << (windowBits + 2)) + (1 << (min(max(memoryLevel, 1), 9) + 9))
        }

        var inflateBytes: Int {
            (1 << min(max(inboundWindowBits, 8), 15)) + 7 * 1024
        }
>>>>>>> main
    }
}
