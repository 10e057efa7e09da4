import NIOCore

/// The compressor and decompressor of one connection (zlib raw streams), RFC 7692 section 7.2.
/// Lives on the connection's event loop; not thread-safe.
///
/// As a client we compress with the `client_*` parameters and inflate with the `server_*`
/// ones; as a server the reverse. Context is kept across messages unless the direction's
/// `*_no_context_takeover` was agreed.
public final class PerMessageDeflate {
    private let deflater: ZlibDeflater
    private let inflater: ZlibInflater
    private let resetsCompressorAfterMessage: Bool
    private let resetsDecompressorAfterMessage: Bool

    public init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions)
    {
        let directions = Directions(parameters: parameters, role: role)
        deflater = ZlibDeflater(
            windowBits: directions.outboundWindowBits, level: options.compressionLevel,
            memoryLevel: options.memoryLevel)
        inflater = ZlibInflater(windowBits: directions.inboundWindowBits)
        resetsCompressorAfterMessage = directions.outboundNoContextTakeover
        resetsDecompressorAfterMessage = directions.inboundNoContextTakeover
    }

    /// Compresses one whole message payload; the result has the trailing `00 00 FF FF` removed
    /// (RFC 7692 section 7.2.1). Resets the context afterwards when our side has no context takeover.
    /// An empty payload compresses to the single byte `00`.
    public func compress(_ message: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        let output = deflater.compress(message, allocator: allocator)
        if resetsCompressorAfterMessage { deflater.reset() }
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
        // Text compresses about 3 to 10 times; start there and double.
        var output = allocator.buffer(capacity: min(max(maxSize, 0), max(payload.readableBytes * 4, 256)))
        try inflater.inflateMessage(payload, maxSize: maxSize, into: &output)
        if resetsDecompressorAfterMessage { inflater.reset() }
        return output
    }

    /// Estimated zlib memory of one connection's compressor and decompressor, in bytes, after
    /// their first message (zlib allocates the inflate window lazily). zlib's documented figures
    /// (zconf.h): deflate `(1 << (windowBits + 2)) + (1 << (memLevel + 9))`, inflate
    /// `1 << windowBits` plus about 7 KiB of state. With the defaults (15 bits both ways,
    /// memory level 8) that is 256 KiB + 39 KiB = 302,080 bytes.
    public static func estimatedMemoryPerConnection(
        parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions
    ) -> Int {
        let directions = Directions(parameters: parameters, role: role)
        // The deflater runs 8 as 9 (see ZlibDeflater).
        let deflateWindowBits = min(max(directions.outboundWindowBits, 9), 15)
        let memoryLevel = min(max(options.memoryLevel, 1), 9)
        let inflateWindowBits = min(max(directions.inboundWindowBits, 8), 15)
        let deflateBytes = (1 << (deflateWindowBits + 2)) + (1 << (memoryLevel + 9))
        let inflateBytes = (1 << inflateWindowBits) + 7 * 1024
        return deflateBytes + inflateBytes
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
    }
}
