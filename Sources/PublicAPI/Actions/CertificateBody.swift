/// Body of install-certificate and delete-certificate v2.0 (reference §5).
public struct CertificateBody: Codable, Hashable, Sendable {
    /// `certificateType`: Which certificate.
    public var certificateType: CertificateType

    /// Creates the value; optional fields default to absent.
    public init(certificateType: CertificateType) {
        self.certificateType = certificateType
    }
}
