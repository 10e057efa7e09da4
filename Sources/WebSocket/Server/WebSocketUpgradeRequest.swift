import NIOCore
import NIOHTTP1

/// What the server's `shouldUpgrade` callback sees of an opening handshake request
/// (RFC 6455 section 4.2.1) that is valid as a WebSocket upgrade.
public struct WebSocketUpgradeRequest: Sendable {
    /// The request target as sent: path plus "?query" (e.g. "/ocpp/CP-0042").
    public var uri: String
    /// The request headers (`Authorization` for OCPP security profiles 1 and 2).
    public var headers: HTTPHeaders
    /// The client's address.
    public var remoteAddress: SocketAddress?
    /// The subprotocols the client offered, in its order.
    public var offeredSubprotocols: [String]
    /// Over TLS with client certificates: the certificate's subject common name (OCPP
    /// security profile 3 identifies the charge point by it); nil otherwise.
    public var peerCertificateSubjectCN: String?
    /// Over TLS with client certificates: the certificate's serial number (lowercase hex); nil otherwise.
    public var peerCertificateSerialNumber: String?

    public init(
        uri: String, headers: HTTPHeaders, remoteAddress: SocketAddress? = nil, offeredSubprotocols: [String] = [],
        peerCertificateSubjectCN: String? = nil, peerCertificateSerialNumber: String? = nil
    ) {
        self.peerCertificateSerialNumber = peerCertificateSerialNumber
        self.uri = uri
        self.headers = headers
        self.remoteAddress = remoteAddress
        self.offeredSubprotocols = offeredSubprotocols
        self.peerCertificateSubjectCN = peerCertificateSubjectCN
    }

    /// The path part of `uri`, without the query.
    public var path: String {
        guard let question = uri.firstIndex(of: "?") else { return uri }
        return String(uri[..<question])
    }

    /// The query part of `uri` (after "?"), if any.
    public var query: String? {
        guard let question = uri.firstIndex(of: "?") else { return nil }
        return String(uri[uri.index(after: question)...])
    }
}
