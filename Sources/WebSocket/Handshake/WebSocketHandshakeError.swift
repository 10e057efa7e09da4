/// Every way an opening handshake can fail on the client side (RFC 6455 section 4.1), each
/// precise enough to tell the user what the server did.
public enum WebSocketHandshakeError: Error, Sendable, Equatable {
    /// The URL is not a valid `ws://` or `wss://` URL.
    case invalidURL(String)
    /// The response head grew past the limit without its terminating blank line.
    case responseTooLarge(limit: Int)
    /// The response head is not HTTP/1.1 (bad status line or header line).
    case malformedResponse(String)
    /// The server answered something other than 101 Switching Protocols.
    case unexpectedStatus(code: Int, reason: String)
    /// No `Upgrade: websocket` header.
    case missingUpgradeHeader
    /// No `Connection` header with the `upgrade` token.
    case missingConnectionHeader
    /// No `Sec-WebSocket-Accept` header.
    case missingAcceptHeader
    /// `Sec-WebSocket-Accept` does not match the key we sent.
    case incorrectAccept(expected: String, received: String)
    /// The server selected a subprotocol we did not offer.
    case unexpectedSubprotocol(String)
    /// We require a subprotocol and the server selected none.
    case noSubprotocolAgreed(offered: [String])
    /// The server selected an extension we did not offer.
    case unexpectedExtension(String)
    /// The server's permessage-deflate answer does not fit our offer (RFC 7692 section 5).
    case extensionNegotiationFailed(String)
}
