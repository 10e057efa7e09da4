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
