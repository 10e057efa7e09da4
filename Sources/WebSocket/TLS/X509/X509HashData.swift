/// The identity of a certificate as the OCPP security extension's `CertificateHashDataType`
/// carries it (Improved security for OCPP 1.6-J, the same fields as an OCSP `CertID`, RFC 6960
/// section 4.1.1): hashes of the issuer's DER-encoded name and of the issuer's public key bits, and
/// the serial number.
public struct X509HashData: Sendable, Hashable, CustomStringConvertible {
    /// The digest the two hashes were made with.
    public var algorithm: X509HashAlgorithm
    /// Lowercase hex hash of the DER encoding of the certificate's issuer name.
    public var issuerNameHash: String
    /// Lowercase hex hash of the issuer's public key: the value of the `subjectPublicKey` BIT
    /// STRING of the issuer certificate (no tag, length or unused-bits byte).
    public var issuerKeyHash: String
    /// The serial number in lowercase hex without leading zeros (`"0"` for zero).
    public var serialNumber: String

    public init(algorithm: X509HashAlgorithm, issuerNameHash: String, issuerKeyHash: String, serialNumber: String) {
        self.algorithm = algorithm
        self.issuerNameHash = issuerNameHash
        self.issuerKeyHash = issuerKeyHash
        self.serialNumber = serialNumber
    }

    /// Whether `other` names the same certificate: same algorithm, hashes equal ignoring case,
    /// serial numbers equal ignoring case and leading zeros (peers differ on both).
    public func matches(_ other: X509HashData) -> Bool {
        algorithm == other.algorithm
            && issuerNameHash.lowercased() == other.issuerNameHash.lowercased()
            && issuerKeyHash.lowercased() == other.issuerKeyHash.lowercased()
            && Self.normalizedSerial(serialNumber) == Self.normalizedSerial(other.serialNumber)
    }

    public var description: String {
        "\(algorithm.rawValue) name \(issuerNameHash) key \(issuerKeyHash) serial \(serialNumber)"
    }

    /// `serial` lowercased, without a `0x` prefix or leading zeros.
    static func normalizedSerial(_ serial: String) -> String {
        var text = serial.lowercased()
        if text.hasPrefix("0x") { text.removeFirst(2) }
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
