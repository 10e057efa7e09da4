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
