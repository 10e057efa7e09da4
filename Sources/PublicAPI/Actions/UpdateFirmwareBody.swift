import Foundation

/// Body of update-firmware v2.0 (reference §5): `url` or `firmwareVersionId`.
public struct UpdateFirmwareBody: Codable, Hashable, Sendable {
    /// `signed`: Signed firmware (SignedUpdateFirmware).
    public var signed: Bool
    /// `url`: Download URL.
    public var url: String?
    /// `firmwareVersionId`: Known firmware.
    public var firmwareVersionId: Int?
    /// `retrieveAfter`: Not before (default now).
    public var retrieveAfter: Date?
    /// `retries`: 0–10.
    public var retries: Int?
    /// `interval`: 0–3600 s.
    public var interval: Int?
    /// `signingCertificate`: When signed.
    public var signingCertificate: String?
    /// `signature`: When signed.
    public var signature: String?
    /// `downloadUrlProtocol`: http or https.
    public var downloadUrlProtocol: DownloadURLProtocol?

    /// Creates the value; optional fields default to absent.
    public init(
        signed: Bool, url: String? = nil, firmwareVersionId: Int? = nil, retrieveAfter: Date? = nil,
        retries: Int? = nil, interval: Int? = nil, signingCertificate: String? = nil, signature: String? = nil,
        downloadUrlProtocol: DownloadURLProtocol? = nil
    ) {
        self.signed = signed
        self.url = url
        self.firmwareVersionId = firmwareVersionId
        self.retrieveAfter = retrieveAfter
        self.retries = retries
        self.interval = interval
        self.signingCertificate = signingCertificate
        self.signature = signature
        self.downloadUrlProtocol = downloadUrlProtocol
    }
}
