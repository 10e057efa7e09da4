/// The user inbound event ``TLSHandler`` fires once the TLS handshake has finished, before any
/// application data is passed on.
public struct TLSHandshakeCompleted: Sendable, Equatable {
    /// The subject common name of the peer's certificate: on a server with client certificates
    /// (OCPP security profile 3) the charge point identity; `nil` if the peer sent no certificate.
    public var peerCertificateSubjectCN: String?
    /// The serial number of the peer's certificate (lowercase hex, as
    /// ``X509Certificate/serialNumberHex``); `nil` if the peer sent no certificate.
    public var peerCertificateSerialNumber: String?
    /// The negotiated version as OpenSSL names it, such as `TLSv1.3`.
    public var protocolVersion: String
    /// The ALPN protocol the server selected (RFC 7301), if any.
    public var applicationProtocol: String?
    /// The host name the client sent as SNI (RFC 6066 section 3); `nil` when it dialled an IP address.
    public var serverName: String?

    public init(
        peerCertificateSubjectCN: String?, protocolVersion: String, applicationProtocol: String?,
        serverName: String? = nil, peerCertificateSerialNumber: String? = nil
    ) {
        self.peerCertificateSerialNumber = peerCertificateSerialNumber
        self.peerCertificateSubjectCN = peerCertificateSubjectCN
        self.protocolVersion = protocolVersion
        self.applicationProtocol = applicationProtocol
        self.serverName = serverName
    }
}
