import COpenSSL
import COpenSSLShim
import Foundation

/// A small certificate authority: a CA certificate and its private key that sign certificate
/// signing requests (RFC 2986) into X.509 v3 certificates (RFC 5280). The embedded central system
/// uses it to answer SignCertificate.req with CertificateSigned.req (Improved security for
/// OCPP 1.6-J, use cases A02/A03), and to make its own root and server certificate.
public struct CertificateAuthority: Sendable {
    /// What an issued certificate is for; this sets its X.509 v3 extensions.
    public enum Usage: Sendable, Equatable {
        /// A TLS client certificate (extended key usage `clientAuth`): a charge point's certificate
        /// for security profile 3.
        case client
        /// A TLS server certificate (`serverAuth`) with these subject alternative names.
        case server(dnsNames: [String], ipAddresses: [String])
        /// A CA that may issue leaf certificates only (`pathlen:0`).
        case intermediateAuthority
    }

    /// The CA certificate; its subject becomes the issuer of what this authority signs.
    public let certificate: X509Certificate
    /// The CA's private key.
    public let key: PrivateKey

    /// An authority from a CA certificate and its key. Throws ``X509Error/invalidArgument(_:)``
    /// when the certificate is not a CA or the key is not its key.
    public init(certificate: X509Certificate, key: PrivateKey) throws {
        guard certificate.isCA else {
            throw X509Error.invalidArgument("\(certificate.subject) is not a CA certificate")
        }
        guard certificate.matches(key) else {
            throw X509Error.invalidArgument("the private key does not belong to \(certificate.subject)")
        }
        self.certificate = certificate
        self.key = key
    }

    /// A new root: a self-signed CA certificate for `key` valid from `now` for `validityDays`.
    public static func selfSigned(
        commonName: String, organization: String? = nil, key: PrivateKey, validityDays: Int,
        serialNumber: [UInt8] = randomSerialNumber(), now: Date
    ) throws -> CertificateAuthority {
        let name = try X509Name(commonName: commonName, organization: organization)
        // Owned from the start so a throw below frees it; nothing else sees it until it is signed.
        let certificate = try X509Certificate(
            taking: makeCertificate(
                subject: name.pointer, issuer: name.pointer, publicKey: key.pointer, serialNumber: serialNumber,
                validityDays: validityDays, now: now))
        try addExtensions(
            to: certificate.pointer, issuer: certificate.pointer,
            [
                (NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ])
        try sign(certificate.pointer, with: key)
        return try CertificateAuthority(certificate: certificate, key: key)
    }

    /// Signs `request` into a certificate with the request's subject and public key, issued by
    /// this authority, valid from `now` for `validityDays` days. Throws
    /// ``X509Error/invalidRequestSignature`` when the request's signature does not verify.
    ///
    /// The subject is taken as the request states it: checking it is the caller's policy (a
    /// central system checks that the CN is the identity of the charge point that sent it).
    public func sign(
        _ request: CertificateSigningRequest, usage: Usage = .client, validityDays: Int,
        serialNumber: [UInt8] = randomSerialNumber(), now: Date
    ) throws -> X509Certificate {
        guard request.hasValidSignature else { throw X509Error.invalidRequestSignature }
        guard let publicKey = X509_REQ_get0_pubkey(request.pointer) else {
            throw X509Error.invalidArgument("the request carries no public key")
        }
        let issued = try X509Certificate(
            taking: Self.makeCertificate(
                subject: X509_REQ_get_subject_name(request.pointer),
                issuer: X509_get_subject_name(certificate.pointer),
                publicKey: publicKey, serialNumber: serialNumber, validityDays: validityDays, now: now))
        // An EC key agrees on keys (ECDH); an RSA key may also carry them (RSA key transport).
        let leafKeyUsage =
            EVP_PKEY_get_base_id(publicKey) == EVP_PKEY_RSA
            ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature,keyAgreement"
        var extensions: [(Int32, String)]
        switch usage {
        case .client:
            extensions = [
                (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, leafKeyUsage),
                (NID_ext_key_usage, "clientAuth"),
            ]
        case .server(let dnsNames, let ipAddresses):
            extensions = [
                (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, leafKeyUsage),
                (NID_ext_key_usage, "serverAuth"),
            ]
            let names = dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
            if !names.isEmpty { extensions.append((NID_subject_alt_name, names.joined(separator: ","))) }
        case .intermediateAuthority:
            extensions = [
                (NID_basic_constraints, "critical,CA:TRUE,pathlen:0"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
            ]
        }
        extensions += [(NID_subject_key_identifier, "hash"), (NID_authority_key_identifier, "keyid")]
        try Self.addExtensions(to: issued.pointer, issuer: certificate.pointer, extensions)
        try Self.sign(issued.pointer, with: key)
        return issued
    }

    /// 16 random bytes with the top bit clear: a positive serial number, unique with overwhelming
    /// probability and within RFC 5280's 20-octet limit (section 4.1.2.2).
    public static func randomSerialNumber() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        if RAND_bytes(&bytes, Int32(bytes.count)) != 1 {
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
        }
        bytes[0] = (bytes[0] & 0x7f) | 0x01
        return bytes
    }

    // MARK: - Building

    /// A new v3 certificate with everything but the extensions and the signature; the caller owns it.
    private static func makeCertificate(
        subject: OpaquePointer?, issuer: OpaquePointer?, publicKey: OpaquePointer, serialNumber: [UInt8],
        validityDays: Int, now: Date
    ) throws -> OpaquePointer {
        guard validityDays > 0 else { throw X509Error.invalidArgument("the validity must be at least one day") }
        guard !serialNumber.isEmpty, serialNumber.count <= 20, serialNumber.contains(where: { $0 != 0 }) else {
            throw X509Error.invalidArgument("a serial number is 1 to 20 bytes and not zero")
        }
        ERR_clear_error()
        guard let certificate = X509_new() else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("X509_new failed"))
        }
        var start = time_t(now.timeIntervalSince1970.rounded(.down))
        let built: Bool = {
            guard X509_set_version(certificate, 2) == 1,
                X509_set_subject_name(certificate, subject) == 1,
                X509_set_issuer_name(certificate, issuer) == 1,
                X509_set_pubkey(certificate, publicKey) == 1,
                X509_time_adj_ex(X509_getm_notBefore(certificate), 0, 0, &start) != nil,
                X509_time_adj_ex(X509_getm_notAfter(certificate), Int32(clamping: validityDays), 0, &start) != nil,
                let number = BN_bin2bn(serialNumber, Int32(serialNumber.count), nil)
            else { return false }
            defer { BN_free(number) }
            guard let integer = BN_to_ASN1_INTEGER(number, nil) else { return false }
            defer { ASN1_INTEGER_free(integer) }
            return X509_set_serialNumber(certificate, integer) == 1
        }()
        guard built else {
            X509_free(certificate)
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot build the certificate"))
        }
        return certificate
    }

    private static func addExtensions(
        to certificate: OpaquePointer, issuer: OpaquePointer, _ extensions: [(Int32, String)]
    ) throws {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, certificate, nil, nil, 0)
        for (nid, value) in extensions {
            guard let created = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw X509Error.operationFailed(
                    reason: X509Error.openSSLReason("cannot make extension \(String(cString: OBJ_nid2sn(nid)))"))
            }
            defer { X509_EXTENSION_free(created) }
            guard X509_add_ext(certificate, created, -1) == 1 else {
                throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot add an extension"))
            }
        }
    }

    private static func sign(_ certificate: OpaquePointer, with key: PrivateKey) throws {
        guard X509_sign(certificate, key.pointer, EVP_sha256()) > 0 else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot sign the certificate"))
        }
    }
}
