import Foundation

/// A charge point certificate the central system's CA signed in answer to SignCertificate.req
/// (security extension use cases A02/A03) and sent in CertificateSigned.req.
public struct IssuedCertificate: Sendable, Equatable, Hashable {
    /// The charge point it was issued to (its subject CN).
    public var chargePointId: String
    /// The serial number, lowercase hex without leading zeros.
    public var serialNumber: String
    /// The end of its validity.
    public var notAfter: Date

    public init(chargePointId: String, serialNumber: String, notAfter: Date) {
        self.chargePointId = chargePointId
        self.serialNumber = serialNumber
        self.notAfter = notAfter
    }
}
