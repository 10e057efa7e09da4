import NIOCore

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
    }
}
