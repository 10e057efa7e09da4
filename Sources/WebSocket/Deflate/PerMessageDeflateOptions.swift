/// What this endpoint offers (client) or is willing to accept (server) for permessage-deflate
/// (RFC 7692 section 7.1). Window bits outside 8...15, levels outside zlib's ranges are clamped.
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
