/// The TLS client certificate a charge point connected with (security profile 3, OCPP 1.6
/// security whitepaper section 2.3): verified by TLS against the central system's client CA,
/// its subject CN checked against the charge point id by ``OCPPUpgradePolicy``.
public struct ClientCertificate: Sendable, Equatable, Hashable {
    /// The subject common name (the charge point id).
    public var commonName: String
    /// The serial number, lowercase hex without leading zeros (``X509Certificate/serialNumberHex``).
    public var serialNumber: String?

    public init(commonName: String, serialNumber: String?) {
        self.commonName = commonName
        self.serialNumber = serialNumber
    }
}
