/// Body of sync-certificates v2.0 (reference §5); `null` = all types.
public struct SyncCertificatesBody: Codable, Hashable, Sendable {
    /// `certificateType`: Which type.
    @ExplicitNull public var certificateType: CertificateType?

    /// Creates the value; optional fields default to absent.
    public init(certificateType: CertificateType? = nil) {
        self.certificateType = certificateType
    }
}
