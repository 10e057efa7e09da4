/// Which end of the connection we are; it decides the masking direction (RFC 6455 section 5.1)
/// and who closes the TCP connection first (section 7.1.1).
public enum WebSocketRole: Sendable, Equatable {
    /// Sends masked frames, expects unmasked ones.
    case client
    /// Sends unmasked frames, expects masked ones.
    case server
}
