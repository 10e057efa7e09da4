import COpenSSL

/// Why a certificate chain did not verify (RFC 5280 section 6), as OpenSSL's
/// `X509_verify_cert` reported it: the cause a user can act on, OpenSSL's code and text, and the
/// depth in the chain (0 is the leaf).
public struct X509VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure a caller tells apart.
    public enum Kind: Sendable, Equatable {
        /// A certificate is past its `notAfter` date.
        case expired
        /// A certificate's `notBefore` date is still to come.
        case notYetValid
        /// The chain does not lead to a trusted root (unknown issuer, untrusted self-signed).
        case unknownAuthority
        /// A signature in the chain does not verify with its issuer's key.
        case badSignature
        /// Any other failure (extensions, path length, purpose, ...); see `code` and `reason`.
        case other
    }

    /// The kind of failure.
    public let kind: Kind
    /// OpenSSL's `X509_V_ERR_*` code.
    public let code: Int32
    /// The depth of the certificate that failed: 0 is the leaf.
    public let depth: Int
    /// OpenSSL's text for `code`.
    public let reason: String

    init(code: Int32, depth: Int) {
        self.code = code
        self.depth = depth
        self.reason = String(cString: X509_verify_cert_error_string(Int(code)))
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: kind = .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: kind = .notYetValid
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            kind = .unknownAuthority
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
            kind = .badSignature
        default: kind = .other
        }
    }

    public var description: String { "certificate at depth \(depth): \(reason)" }
}
