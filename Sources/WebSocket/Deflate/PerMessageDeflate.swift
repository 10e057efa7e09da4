import NIOCore

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
    public func clientAccept(responseHeaderValue: String) throws(PerMessageDeflateError) -> PerMessageDeflateParameters {
        preconditionFailure("PerMessageDeflate: negotiation is not implemented yet")
    }
}

/// The compressor and decompressor of one connection (zlib raw streams). Lives on the
/// connection's event loop; not thread-safe.
public final class PerMessageDeflate {
    public init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole, options: PerMessageDeflateOptions) {
        preconditionFailure("PerMessageDeflate: not implemented yet")
    }

    /// Compresses one whole message payload; the result has the trailing `00 00 FF FF` removed
    /// (RFC 7692 section 7.2.1). Resets the context afterwards when our side has no context takeover.
    public func compress(_ message: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        preconditionFailure("PerMessageDeflate: not implemented yet")
    }

    /// Decompresses one whole message payload (all fragments joined, RSV1 was set on the first);
    /// never produces more than `maxSize` bytes.
    public func decompress(_ payload: ByteBuffer, maxSize: Int, allocator: ByteBufferAllocator) throws(PerMessageDeflateError) -> ByteBuffer {
        preconditionFailure("PerMessageDeflate: not implemented yet")
    }
}
