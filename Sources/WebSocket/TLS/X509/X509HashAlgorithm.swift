import COpenSSL

/// The digests the OCPP security extension allows in `CertificateHashDataType.hashAlgorithm`
/// (Improved security for OCPP 1.6-J, section "HashAlgorithmEnumType").
public enum X509HashAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// SHA-256.
    case sha256 = "SHA256"
    /// SHA-384.
    case sha384 = "SHA384"
    /// SHA-512.
    case sha512 = "SHA512"

    var messageDigest: OpaquePointer? {
        switch self {
        case .sha256: return EVP_sha256()
        case .sha384: return EVP_sha384()
        case .sha512: return EVP_sha512()
        }
    }

    /// The lowercase hex digest of `bytes`.
    func hexDigest(_ bytes: UnsafeRawBufferPointer) throws -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, messageDigest, nil) == 1 else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("EVP_Digest failed"))
        }
        return X509HashData.hex(digest.prefix(Int(length)))
    }
}
